// A therapist's own day: who is waiting for them and in which room, who is with them, what comes later. Only their
// patients: the server filters the clinic's changes to this therapist before they leave it. Live through the hub like
// every other screen; a room being chosen for a patient stays chosen while updates arrive.
import { html, render, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { LiveConnection, LiveView } from "./live";
import { clinicFromPath, clinicOrNotFound, clockTime, currentSession, minutesSince, send, signIn } from "./dom";
import { mountNav } from "./nav";

void mountNav();

import type { ClinicConfig, TherapistDayDelta, TherapistDayView, TherapistVisit } from "./types";

const clinicId = clinicFromPath();
const session = await currentSession();
if (!session) signIn();
const therapistId = new URLSearchParams(window.location.search).get("therapist") ?? session.therapistId ?? "";
const api = `/api/clinics/${encodeURIComponent(clinicId)}`;
const notice = document.getElementById("notice")!;
const late = document.getElementById("late") as HTMLSelectElement;
let config: ClinicConfig | null = null;

function tell(text: string): void {
  notice.textContent = text;
  notice.hidden = !text;
}

async function act(visit: TherapistVisit, action: string, body: object = {}): Promise<void> {
  try {
    await send("POST", `${api}/visits/${encodeURIComponent(visit.visitId)}/${action}`, { commandId: crypto.randomUUID(), ...body });
    tell("");
  } catch (error) {
    tell((error as Error).message);
  }
}

function details(visit: TherapistVisit): string {
  const zone = config?.timeZoneId;
  return [
    `${clockTime(visit.scheduledStart, zone)} · ${visit.durationMinutes} min · ${visit.visitType}`,
    visit.roomName ? `in ${visit.roomName}` : null,
    visit.status === "checked-in" || visit.status === "arrived" ? `waiting ${minutesSince(visit.arrivedAt ?? visit.statusSince)} min` : null,
    visit.status === "in-treatment" ? `for ${minutesSince(visit.statusSince)} min` : null,
    ["noshow", "cancelled", "left-without-being-seen"].includes(visit.status) ? (visit.status === "noshow" ? "no-show" : visit.status.replace(/-/g, " ")) : null,
  ].filter(Boolean).join(" · ");
}

function actions(visit: TherapistVisit): TemplateResult | null {
  if (visit.status === "checked-in") {
    // The select keeps what the therapist picked: a push re-renders only what changed, and its value is not bound.
    return html`<select aria-label="Room">${(config?.rooms ?? []).map(r => html`<option value=${r.id} ?selected=${r.id === visit.roomId}>${r.name}</option>`)}</select>
      <button class="primary" type="button" @click=${(e: Event) => {
        const room = ((e.target as HTMLElement).parentElement!.querySelector("select") as HTMLSelectElement).value;
        void act(visit, "start", { roomId: room });
      }}>Start</button>`;
  }
  if (visit.status === "in-treatment") {
    return html`<button class="primary" type="button" @click=${() => act(visit, "finish")}>Finish</button>`;
  }
  return null;
}

function item(visit: TherapistVisit): TemplateResult {
  return html`<li class="appointment ${visit.status}" data-visit=${visit.visitId} data-status=${visit.status}>
    <span class="name">${visit.patientName}</span><span class="details">${details(visit)}</span><span class="actions">${actions(visit)}</span>
  </li>`;
}

function fill(id: string, visits: TherapistVisit[], none: string): void {
  render(visits.length === 0 ? html`<li class="empty">${none}</li>` : html`${repeat(visits, v => v.visitId, item)}`, document.getElementById(id)!);
}

function show(day: TherapistDayView): void {
  document.getElementById("title")!.textContent = `${day.therapistName} · ${config?.name ?? ""}`;
  document.title = `${day.therapistName} · My day`;
  if (document.activeElement !== late) late.value = String(day.runningLateMinutes);
  const by = (...statuses: string[]) => day.visits.filter(v => statuses.includes(v.status));
  fill("waiting", by("checked-in", "arrived"), "Nobody is waiting for you.");
  fill("treating", by("in-treatment"), "Nobody is with you.");
  fill("later", by("booked"), "No more visits booked today.");
  fill("done", by("finished", "checked-out", "noshow", "cancelled", "left-without-being-seen"), "Nothing yet.");
}

function applyDelta(state: TherapistDayView, delta: TherapistDayDelta): TherapistDayView {
  const visits = new Map(state.visits.map(v => [v.visitId, v]));
  for (const id of delta.removed) visits.delete(id);
  for (const visit of delta.upserts) visits.set(visit.visitId, visit);
  const ordered = [...visits.values()].sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart) || a.visitId.localeCompare(b.visitId));
  return { ...state, version: delta.version, visits: ordered };
}

late.addEventListener("change", async () => {
  try {
    await send("PUT", `${api}/therapists/${encodeURIComponent(therapistId)}/running-late`, { minutes: Number(late.value) });
    tell(Number(late.value) === 0 ? "Back on time: the lobby shows it." : `Running ${late.value} min late: the lobby and the desk see it.`);
  } catch (error) {
    tell((error as Error).message);
  }
});

if (!therapistId) {
  tell("This screen is a therapist's own day: sign in as a therapist, or add ?therapist=<id>.");
} else {
  config = await clinicOrNotFound<ClinicConfig>(api, document.querySelector("main")!);
  if (config) {
    const live = new LiveConnection(document.getElementById("live"));
    live.timeZone = config.timeZoneId;
    const day = new LiveView<TherapistDayView, TherapistDayDelta>(live, "SubscribeTherapistDay", "TherapistDayChanged", clinicId, applyDelta, show, [therapistId]);
    // Minutes waiting and in treatment count on between changes.
    window.setInterval(() => { if (day.current) show(day.current); }, 15000);
    void live.start();
  }
}
