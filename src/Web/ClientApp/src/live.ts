// The live protocol of docs/live-protocol.md: snapshot, then deltas of exactly the next version; a gap, another
// date or a reconnect takes a fresh snapshot. The connection reconnects forever with backoff, and the page
// shows "Reconnecting…" once it has been offline for a few seconds.
import * as signalR from "@microsoft/signalr";
import type { Versioned } from "./types";
import { clockTime, currentSession, signIn } from "./dom";
import { say } from "./toast";

type Status = "connecting" | "live" | "offline";

/** What a screen shows of the connection: "reconnecting" once it has been offline for a few seconds. */
export type ShownState = "connecting" | "live" | "reconnecting";

interface Subscription {
  method: string;
  resync(): Promise<void>;
}

const offlineNoticeMs = 3000;

export class LiveConnection {
  private readonly connection: signalR.HubConnection;
  private readonly subscriptions: Subscription[] = [];
  private status: Status = "connecting";
  private offlineSince = 0;
  private lastUpdate: Date | null = null;
  private shown: ShownState = "connecting";
  private readonly listeners: ((state: ShownState) => void)[] = [];

  /**
   * Staff screens ride on the session cookie; a paired display passes its token instead and never has a session.
   * When a staff screen cannot connect because its session ended, it goes to the sign-in page.
   */
  constructor(private readonly indicator: HTMLElement | null, private readonly displayToken: string | null = null,
              private readonly onRefused: () => void = () => {}) {
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/dashboard", {
        transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true,
        ...(displayToken ? { accessTokenFactory: () => displayToken } : {}),
      })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(30000, 500 * 2 ** Math.min(ctx.previousRetryCount, 6)) })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.onreconnecting(() => this.setStatus("offline"));
    this.connection.onreconnected(async () => {
      await Promise.all(this.subscriptions.map(s => s.resync()));
      this.setStatus("live");
    });
    // Automatic reconnect gives up after its own schedule; a wall display must not, so start over.
    this.connection.onclose(() => { this.setStatus("offline"); void this.startLoop(); });
    // The hub closes a connection that goes over its limits and says why first.
    this.connection.on("Closing", (reason: string) => say(reason));
    window.setInterval(() => this.render(), 1000);
  }

  /** Called whenever the shown state changes (and once at once with the current one). */
  onState(listener: (state: ShownState) => void): void {
    this.listeners.push(listener);
    listener(this.shown);
  }

  on<T>(method: string, handler: (payload: T) => void): void {
    this.connection.on(method, handler);
  }

  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.connection.invoke<T>(method, ...args);
  }

  add(subscription: Subscription): void {
    this.subscriptions.push(subscription);
  }

  touched(): void {
    this.lastUpdate = new Date();
    this.render();
  }

  async start(): Promise<void> {
    await this.startLoop();
  }

  private async startLoop(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.connection.state !== signalR.HubConnectionState.Disconnected) return;
      try {
        await this.connection.start();
        await Promise.all(this.subscriptions.map(s => s.resync()));
        this.setStatus("live");
        return;
      } catch {
        this.setStatus("offline");
        if (this.displayToken) this.onRefused();
        else if (await currentSession() === null) signIn();
        await new Promise(r => window.setTimeout(r, Math.min(30000, 1000 * 2 ** Math.min(attempt, 5))));
      }
    }
  }

  private setStatus(status: Status): void {
    if (status === "offline" && this.status !== "offline") this.offlineSince = Date.now();
    this.status = status;
    this.render();
  }

  private render(): void {
    const offlineLong = this.status === "offline" && Date.now() - this.offlineSince >= offlineNoticeMs;
    const state: ShownState = offlineLong ? "reconnecting" : this.status === "connecting" ? "connecting" : "live";
    if (state !== this.shown) {
      this.shown = state;
      for (const listener of this.listeners) listener(state);
    }

    if (!this.indicator) return;
    const text = state === "reconnecting" ? "Reconnecting…" : state === "connecting" ? "Connecting…" : "Live";
    const updated = this.lastUpdate ? ` · updated ${clockTime(this.lastUpdate, this.timeZone, true)}` : "";
    this.indicator.dataset.state = state;
    this.indicator.textContent = `${state === "live" ? "●" : "○"} ${text}${updated}`;
  }

  /** The clinic's time zone, for the time of the last update. */
  timeZone: string | undefined;
}

/**
 * One view of one clinic. Holds the state the server last gave, applies pushes in version order and takes a
 * fresh snapshot whenever it cannot (a gap, another date, a reconnect).
 */
export class LiveView<TState extends Versioned, TPush extends Versioned> {
  private state: TState | null = null;
  private syncing = false;
  private buffered: TPush[] = [];

  constructor(
    private readonly live: LiveConnection,
    private readonly subscribeMethod: string,
    pushMethod: string,
    private readonly clinicId: string,
    private readonly apply: (state: TState, push: TPush) => TState,
    private readonly render: (state: TState) => void,
    private readonly subscribeArgs: unknown[] = [],
    /** Which pushes of the method are this view's, when several views share it (the schedule of each date of a week). */
    private readonly accepts: (push: TPush) => boolean = () => true,
  ) {
    live.on<TPush>(pushMethod, push => this.receive(push));
    live.add({ method: subscribeMethod, resync: () => this.resync() });
  }

  get current(): TState | null { return this.state; }

  async resync(): Promise<void> {
    this.syncing = true;
    try {
      const snapshot = await this.live.invoke<TState>(this.subscribeMethod, this.clinicId, ...this.subscribeArgs);
      this.state = snapshot;
      const pending = this.buffered;
      this.buffered = [];
      this.syncing = false;
      this.show();
      for (const push of pending) this.receive(push);
    } finally {
      this.syncing = false;
    }
  }

  private receive(push: TPush): void {
    if (push.clinicId !== this.clinicId || !this.accepts(push)) return;
    if (this.syncing || !this.state) {
      this.buffered.push(push);
      if (this.buffered.length > 1000) this.buffered.shift();
      return;
    }

    if (push.date === this.state.date && push.version <= this.state.version) return;
    if (push.date !== this.state.date || push.version !== this.state.version + 1) {
      void this.resync();
      return;
    }

    this.state = this.apply(this.state, push);
    this.show();
  }

  private show(): void {
    if (this.state) {
      this.render(this.state);
      this.live.touched();
    }
  }
}
