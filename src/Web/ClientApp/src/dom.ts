// Small DOM helpers: build elements with text only (never innerHTML with data), so names cannot inject markup.
import type { StaffSession } from "./types";

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Record<string, string> = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }

  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }

  return node;
}

export function replace(target: Element, ...children: Child[]): void {
  target.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** The clinic id from a path like /board/{clinic}. */
export function clinicFromPath(): string {
  const parts = window.location.pathname.split("/").filter(Boolean);
  return decodeURIComponent(parts[1] ?? "");
}

/** A time of day in the clinic's time zone (never the browser's, once the zone is known). */
export function clockTime(iso: string | Date, timeZone?: string, seconds = false): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), timeZone });
}

/** A date (weekday, day, month) in the clinic's time zone. */
export function clinicDate(iso: string | Date, timeZone?: string): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return date.toLocaleDateString([], { weekday: "short", day: "numeric", month: "short", timeZone });
}

/**
 * Shows that a screen's clinic does not exist (or is not the user's) instead of an empty page that claims to be live.
 * Null when the page should stop there.
 */
export async function clinicOrNotFound<T>(url: string, target: HTMLElement): Promise<T | null> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (response.status === 401) signIn();
  if (response.ok) return (await response.json()) as T;
  replace(target, el("section", { class: "not-found", role: "alert" },
    el("h2", {}, response.status === 404 ? "No such clinic" : "This clinic cannot be opened"),
    el("p", {}, await problemText(response)),
    el("p", {}, el("a", { href: "/" }, "Back to your clinics"))));
  return null;
}

export function minutesSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60000));
}

export async function getJson<T>(url: string): Promise<T> {
  return (await send("GET", url)) as T;
}

export async function postJson<T>(url: string, body?: unknown): Promise<T> {
  return (await send("POST", url, body)) as T;
}

/** A request a person asked for. A lost session (401) goes to the sign-in page and comes back here after. */
export async function send(method: string, url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? { Accept: "application/json" } : { "Content-Type": "application/json", Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) signIn();
  if (!response.ok) throw new Error(await problemText(response));
  return response.status === 204 ? null : await response.json();
}

/**
 * A refresh no person asked for: marked as background, so it never extends the session; when the session has
 * ended it goes to sign-in like any other request.
 */
export async function getJsonInBackground<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json", "X-PtHub-Background": "1" } });
  if (response.status === 401) signIn();
  if (!response.ok) throw new Error(await problemText(response));
  return (await response.json()) as T;
}

export function signIn(): never {
  window.location.assign(`/login.html?return=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  throw new Error("Signing in…");
}

export type { StaffSession };

/**
 * Asks who is signed in without counting as activity (the background header), so probing never extends a
 * session. Null when there is no session.
 */
export async function currentSession(): Promise<StaffSession | null> {
  const response = await fetch("/api/account/me", { headers: { Accept: "application/json", "X-PtHub-Background": "1" } });
  return response.ok ? (await response.json()) as StaffSession : null;
}

/** The human part of an RFC 7807 answer. */
async function problemText(response: Response): Promise<string> {
  try {
    const problem = await response.json();
    const fields = problem.errors ? Object.values(problem.errors as Record<string, string[]>).flat().join(" ") : "";
    return [problem.detail, fields].filter(Boolean).join(" ") || problem.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}
