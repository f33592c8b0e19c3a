// The public page of a patient's reminder link: no sign-in, no staff navigation. The token travels in the URL's
// fragment (never sent to the server by the browser, nor in a Referer) and is posted to the API with each call.
import { html, nothing, render } from "lit-html";
import { linkToken as token, notValidText, say, sayProblem } from "./link-page";
import { submit, type Problem } from "./problem";
import type { VisitLinkSlot, VisitLinkView } from "./types";

const section = document.getElementById("appointment")!;
const message = document.getElementById("message")!;
const clinic = document.getElementById("clinic")!;

type Step = { kind: "view" } | { kind: "cancel" } | { kind: "slots"; slots: VisitLinkSlot[] | null };

let view: VisitLinkView | null = null;
let step: Step = { kind: "view" };
let busy = false;

async function call<T>(action: string, extra: Record<string, unknown> = {}): Promise<T | null> {
  busy = true;
  draw();
  try {
    const answer = await submit<T>("POST", `/api/visit-links/${action}`, { token, ...extra });
    if (answer.ok) return answer.value;
    fail(answer.problem);
    return null;
  } finally {
    busy = false;
    draw();
  }
}

function fail(problem: Problem): void {
  // A link that is not valid or has expired shows nothing of any appointment.
  if (sayProblem(problem)) {
    view = null;
  }
}

async function load(): Promise<void> {
  if (token.length === 0) {
    say(notValidText);
    return;
  }

  view = await call<VisitLinkView>("read");
  draw();
}

async function act(action: "confirm" | "cancel", done: string): Promise<void> {
  const answer = await call<VisitLinkView>(action);
  if (answer) {
    view = answer;
    step = { kind: "view" };
    say(done, "notice");
  } else {
    await refresh();
  }
  draw();
}

async function showSlots(): Promise<void> {
  step = { kind: "slots", slots: null };
  draw();
  const slots = await call<VisitLinkSlot[]>("slots");
  step = slots ? { kind: "slots", slots } : { kind: "view" };
  draw();
}

async function choose(slot: VisitLinkSlot): Promise<void> {
  const answer = await call<VisitLinkView>("reschedule", { start: slot.start });
  if (answer) {
    view = answer;
    step = { kind: "view" };
    say(`Your appointment is now on ${answer.date} at ${answer.time}.`, "notice");
  } else {
    await refresh();
  }
  draw();
}

/** After a refusal the page shows the appointment as it now stands, keeping the refusal's words. */
async function refresh(): Promise<void> {
  const kept = message.textContent;
  const answer = await submit<VisitLinkView>("POST", "/api/visit-links/read", { token });
  if (answer.ok) {
    view = answer.value;
    step = { kind: "view" };
  }
  say(kept);
}

function stateLine(v: VisitLinkView) {
  if (v.cancelled) return html`<p class="link-state"><span class="chip cancelled">Cancelled</span></p>`;
  if (v.confirmed) return html`<p class="link-state"><span class="chip good">Confirmed</span></p>`;
  return nothing;
}

function actions(v: VisitLinkView) {
  if (v.state !== "open") {
    return html`<p class="notice" id="link-closed">${v.message}</p>`;
  }

  switch (step.kind) {
    case "cancel":
      return html`<div class="link-actions">
        <p>${v.cancelIsLate
          ? `This is less than ${v.lateCancelHours} hours before the appointment, so it will be recorded as a late cancellation.`
          : "Cancel this appointment?"}</p>
        <button type="button" class="danger" id="cancel-yes" ?disabled=${busy} @click=${() => act("cancel", "Your appointment is cancelled.")}>Yes, cancel it</button>
        <button type="button" class="secondary" ?disabled=${busy} @click=${() => { step = { kind: "view" }; draw(); }}>Keep it</button>
      </div>`;
    case "slots":
      return html`<div class="link-actions">
        <h2>Choose another time with ${v.therapist}</h2>
        ${step.slots === null ? html`<p>Looking for free times…</p>`
          : step.slots.length === 0 ? html`<p class="notice">No free time with ${v.therapist} in the next two weeks; please call the clinic.</p>`
          : html`<ul class="link-slots">${step.slots.map(s => html`<li><button type="button" class="secondary" data-start=${s.start}
              ?disabled=${busy} @click=${() => choose(s)}>${s.date}, ${s.time}</button></li>`)}</ul>`}
        <button type="button" class="secondary" ?disabled=${busy} @click=${() => { step = { kind: "view" }; draw(); }}>Back</button>
      </div>`;
    default:
      return html`<div class="link-actions">
        ${v.confirmed ? nothing : html`<button type="button" class="primary" id="confirm" ?disabled=${busy}
          @click=${() => act("confirm", "Thank you, your appointment is confirmed.")}>Confirm</button>`}
        <button type="button" class="secondary" id="reschedule" ?disabled=${busy} @click=${showSlots}>Choose another time</button>
        <button type="button" class="danger" id="cancel" ?disabled=${busy} @click=${() => { step = { kind: "cancel" }; draw(); }}>Cancel…</button>
      </div>`;
  }
}

function draw(): void {
  const v = view;
  clinic.textContent = v?.clinicName ?? "Your appointment";
  render(v === null ? nothing : html`
    <h2 id="when">${v.date} at ${v.time}</h2>
    <p id="with">with ${v.therapist} at ${v.clinicName}</p>
    ${stateLine(v)}
    ${actions(v)}`, section);
}

void load();
