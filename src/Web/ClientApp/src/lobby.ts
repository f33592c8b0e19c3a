// The lobby wall: a TV read from across the room, no keyboard, running for weeks. It shows only what the
// server built for it (labels by the clinic's naming mode and estimated waits): no PHI ever reaches this page.
import { LiveConnection, LiveView } from "./live";
import { clinicFromPath, el, replace } from "./dom";
import type { LobbyEntry, LobbyTherapist, LobbyView } from "./types";

const clinicId = clinicFromPath();
const title = document.getElementById("clinic-name")!;
const clock = document.getElementById("clock")!;
const message = document.getElementById("message")!;
const grid = document.getElementById("therapists")!;

function waitText(minutes: number | null): string {
  if (minutes === null) return "";
  if (minutes <= 1) return "next";
  return `about ${minutes} min`;
}

function entry(e: LobbyEntry): HTMLElement {
  return el("li", { class: `entry ${e.category}` },
    el("span", { class: "label" }, e.label),
    e.category === "waiting" ? el("span", { class: "wait" }, waitText(e.estimatedWaitMinutes)) : el("span", { class: "wait seen" }, "being seen"));
}

function card(t: LobbyTherapist): HTMLElement {
  return el("section", { class: "therapist", "aria-label": t.displayName },
    el("h2", {}, t.displayName),
    t.runningLateMinutes > 0 ? el("p", { class: "late" }, `⏱ Running about ${t.runningLateMinutes} min late`) : null,
    el("p", { class: "next" }, t.waiting.length === 0 && t.nowSeeing.length === 0
      ? "No wait"
      : `New patients: ${waitText(t.nextWaitMinutes) || "no wait"}`),
    t.nowSeeing.length > 0 ? el("h3", {}, "Now being seen") : null,
    t.nowSeeing.length > 0 ? el("ul", { class: "seeing" }, ...t.nowSeeing.map(entry)) : null,
    t.waiting.length > 0 ? el("h3", {}, "Waiting") : null,
    t.waiting.length > 0 ? el("ol", { class: "waiting" }, ...t.waiting.map(entry)) : null);
}

function render(view: LobbyView): void {
  title.textContent = view.clinicName;
  document.title = `${view.clinicName} · Lobby`;
  message.textContent = view.message ?? "";
  message.hidden = !view.message;
  replace(grid, ...view.therapists.map(card));
}

function tick(): void {
  clock.textContent = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

tick();
window.setInterval(tick, 1000);
/**
 * A paired display: the pairing link carries the token in its fragment (never sent to a server); keep it on this
 * device and take it out of the address bar. Without one, a signed-in member of staff can watch the lobby.
 */
function displayToken(): string | null {
  const key = `pthub.display.${clinicId}`;
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get("display");
  if (fromLink) {
    window.localStorage.setItem(key, fromLink);
    window.history.replaceState(null, "", window.location.pathname);
  }

  return window.localStorage.getItem(key);
}

const token = displayToken();
const live = new LiveConnection(document.getElementById("live"), token, () => {
  message.textContent = "This display is not paired or was unpaired. Ask the clinic's administrator for a pairing link.";
  message.hidden = false;
});
new LiveView<LobbyView, LobbyView>(live, "SubscribeLobby", "LobbyChanged", clinicId, (_, next) => next, render);
void live.start();
