// The lobby wall: a TV read from across the room, no keyboard, running for weeks. It shows only what the server
// built for it (labels by the clinic's naming mode, tickets and estimated waits): no PHI ever reaches this page.
// Whatever the number of therapists and patients, everything fits: what does not fit on one screen is split into
// pages that take turns. Names never stay up while the wall is not being updated.
import { html, render, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { LiveConnection, LiveView, type ShownState } from "./live";
import { clinicFromPath, clockTime } from "./dom";
import type { LobbyEntry, LobbyTherapist, LobbyView } from "./types";

const clinicId = clinicFromPath();
const title = document.getElementById("clinic-name")!;
const clock = document.getElementById("clock")!;
const message = document.getElementById("message")!;
const grid = document.getElementById("therapists")!;
const pager = document.getElementById("pager")!;
const rotateSeconds = Math.max(3, Number(new URLSearchParams(window.location.search).get("rotate")) || 10);

/** One therapist's card, or a part of it when their waiting list alone is longer than a screen. */
interface Piece { therapist: LobbyTherapist; seeing: LobbyEntry[]; waiting: LobbyEntry[]; continued: boolean; }

let view: LobbyView | null = null;
let pages: Piece[][] = [];
let page = 0;
let updating: ShownState = "connecting";
let notPaired = false;

function waitText(minutes: number | null): string {
  if (minutes === null) return "";
  if (minutes <= 1) return "next";
  return `about ${minutes} min`;
}

function entry(e: LobbyEntry): TemplateResult {
  return html`<li class="entry ${e.category}">
    <span class="label">${e.label}</span>${e.ticket !== null && e.ticket !== undefined ? html`<span class="ticket">#${e.ticket}</span>` : null}
    ${e.category === "waiting" ? html`<span class="wait">${waitText(e.estimatedWaitMinutes)}</span>` : null}
  </li>`;
}

function card(p: Piece): TemplateResult {
  const t = p.therapist;
  return html`<section class="therapist" aria-label=${t.displayName}>
    <h2>${t.displayName}${p.continued ? html` <span class="continued">(continued)</span>` : null}</h2>
    ${t.runningLateMinutes > 0 && !p.continued ? html`<p class="late">⏱ Running about ${t.runningLateMinutes} min late</p>` : null}
    ${p.continued ? null : html`<p class="next">${t.waiting.length === 0 && t.nowSeeing.length === 0
      ? "No wait" : `New patients: ${waitText(t.nextWaitMinutes) || "no wait"}`}</p>`}
    ${p.seeing.length > 0 ? html`<h3>Being seen</h3><ul class="seeing">${p.seeing.map(entry)}</ul>` : null}
    ${p.waiting.length > 0 ? html`<h3>Waiting</h3><ol class="waiting">${p.waiting.map(entry)}</ol>` : null}
  </section>`;
}

function show(pieces: Piece[]): void {
  render(html`${repeat(pieces, p => `${p.therapist.displayName}|${p.continued}|${p.waiting[0]?.label ?? ""}`, card)}`, grid);
}

const overflows = (): boolean => grid.scrollHeight > grid.clientHeight + 1 || grid.scrollWidth > grid.clientWidth + 1;

/** Splits the cards into pages that each fit the screen, by laying them out and measuring. */
function paginate(therapists: LobbyTherapist[]): Piece[][] {
  const result: Piece[][] = [];
  let current: Piece[] = [];
  const queue: Piece[] = therapists.map(t => ({ therapist: t, seeing: t.nowSeeing, waiting: t.waiting, continued: false }));
  while (queue.length > 0) {
    const piece = queue.shift()!;
    show([...current, piece]);
    if (!overflows()) { current.push(piece); continue; }
    if (current.length > 0) { result.push(current); current = []; queue.unshift(piece); continue; }
    // Alone and still too long: the rest of its list goes on the next page.
    const entries = piece.seeing.length + piece.waiting.length;
    if (entries <= 1) { result.push([piece]); continue; }
    const keep = Math.ceil(entries / 2);
    const seeing = piece.seeing.slice(0, keep);
    const waiting = piece.waiting.slice(0, Math.max(0, keep - piece.seeing.length));
    queue.unshift({ ...piece, seeing, waiting },
      { ...piece, seeing: piece.seeing.slice(seeing.length), waiting: piece.waiting.slice(waiting.length), continued: true });
  }

  if (current.length > 0) result.push(current);
  return result.length > 0 ? result : [[]];
}

function showPage(): void {
  page = pages.length === 0 ? 0 : page % pages.length;
  show(pages[page] ?? []);
  grid.dataset.page = String(page + 1);
  grid.dataset.pages = String(pages.length);
  pager.textContent = pages.length > 1 ? `Page ${page + 1} of ${pages.length}` : "";
}

/**
 * The pages as they were, filled with the new data, when each still fits: a push keeps every patient on the page they
 * were on, so a rotation never skips anyone. Null when something changed that needs a new pagination.
 */
function samePages(therapists: LobbyTherapist[]): Piece[][] | null {
  if (pages.length === 0 || pages.some(p => p.some(piece => piece.continued))) return null;
  const byName = new Map(therapists.map(t => [t.displayName, t]));
  if (pages.reduce((n, p) => n + p.length, 0) !== byName.size) return null;
  const next: Piece[][] = [];
  for (const old of pages) {
    const fresh = old.map(piece => byName.get(piece.therapist.displayName));
    if (fresh.some(t => t === undefined)) return null;
    const pieces = (fresh as LobbyTherapist[]).map(t => ({ therapist: t, seeing: t.nowSeeing, waiting: t.waiting, continued: false }));
    show(pieces);
    if (overflows()) return null;
    next.push(pieces);
  }
  return next;
}

function layout(): void {
  if (!view || updating !== "live" || notPaired) return;
  pages = samePages(view.therapists) ?? paginate(view.therapists);
  showPage();
}

/** While the wall cannot be sure what it shows is current, it shows no one. */
function showState(): void {
  const live = updating === "live" && !notPaired && view !== null;
  document.body.dataset.updating = live ? "yes" : "no";
  if (live) { layout(); return; }
  pages = [];
  pager.textContent = "";
  render(html`<p class="not-updating" role="status">${notPaired
    ? "This display is not paired or was unpaired. Ask the clinic's administrator for a pairing link."
    : updating === "connecting" ? "Getting the latest wait times…" : "Wait times are not updating at the moment. Please check in with the front desk."}</p>`, grid);
}

function onView(next: LobbyView): void {
  view = next;
  title.textContent = next.clinicName;
  document.title = `${next.clinicName} · Lobby`;
  message.textContent = next.message ?? "";
  message.hidden = !next.message;
  tick();
  showState();
}

function tick(): void {
  clock.textContent = view ? clockTime(new Date(), view.timeZoneId) : "";
}

window.setInterval(tick, 1000);
window.setInterval(() => { if (pages.length > 1 && updating === "live") { page++; showPage(); } }, rotateSeconds * 1000);
window.addEventListener("resize", () => { pages = []; layout(); });

/**
 * A paired display: the pairing link carries the token in its fragment (never sent to a server); keep it on this
 * device and take it out of the address bar. Without one, a signed-in member of staff can watch the lobby.
 */
function displayToken(): string | null {
  const key = `pthub.display.${clinicId}`;
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get("display");
  if (fromLink) {
    window.localStorage.setItem(key, fromLink);
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }

  return window.localStorage.getItem(key);
}

const token = displayToken();
const indicator = document.getElementById("live")!;
const live = new LiveConnection(null, token, () => { notPaired = true; showState(); });
live.onState(state => {
  updating = state;
  indicator.dataset.state = state;
  if (state === "live") notPaired = false;
  showState();
});
new LiveView<LobbyView, LobbyView>(live, "SubscribeLobby", "LobbyChanged", clinicId, (_, next) => next, onView);
void live.start();
