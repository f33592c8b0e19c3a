// The public page of a recall's booking link: no sign-in, no staff navigation. The token travels in the URL's fragment
// (never sent to the server by the browser, nor in a Referer) and is posted to the API with each call. The patient
// picks one of the therapist's free times; the link then shows the booked visit and books nothing more.
import { html, nothing, render } from "lit-html";
import { linkToken as token, notValidText, say, sayProblem } from "./link-page";
import { submit, type Problem } from "./problem";
import type { RecallLinkView, VisitLinkSlot } from "./types";

const section = document.getElementById("recall")!;
const message = document.getElementById("message")!;
const clinic = document.getElementById("clinic")!;

let view: RecallLinkView | null = null;
let slots: VisitLinkSlot[] | null = null;
let busy = false;

async function call<T>(action: string, extra: Record<string, unknown> = {}): Promise<T | null> {
  busy = true;
  draw();
  try {
    const answer = await submit<T>("POST", `/api/recall-links/${action}`, { token, ...extra });
    if (answer.ok) return answer.value;
    fail(answer.problem);
    return null;
  } finally {
    busy = false;
    draw();
  }
}

function fail(problem: Problem): void {
  // A link that is not valid or has expired shows nothing of the clinic.
  if (sayProblem(problem)) {
    view = null;
    slots = null;
  }
}

async function load(): Promise<void> {
  if (token.length === 0) {
    say(notValidText);
    return;
  }

  view = await call<RecallLinkView>("read");
  if (view?.state === "open") {
    slots = await call<VisitLinkSlot[]>("slots");
  }
  draw();
}

async function choose(slot: VisitLinkSlot): Promise<void> {
  const answer = await call<RecallLinkView>("book", { start: slot.start });
  if (answer) {
    view = answer;
    slots = null;
    say(`Booked: ${answer.bookedDate} at ${answer.bookedTime} with ${answer.therapist}. See you then!`, "notice");
  } else if (view) {
    // Taken meanwhile, or the link was used from another tab: show how things stand now, keeping the refusal's words.
    const kept = message.textContent;
    const again = await submit<RecallLinkView>("POST", "/api/recall-links/read", { token });
    if (again.ok) {
      view = again.value;
      const fresh = view.state === "open" ? await submit<VisitLinkSlot[]>("POST", "/api/recall-links/slots", { token }) : null;
      slots = fresh?.ok ? fresh.value : null;
    }
    say(kept);
  }
  draw();
}

function body(v: RecallLinkView) {
  if (v.state !== "open") {
    return html`<p class="notice" id="booked">Your next visit is booked: ${v.bookedDate} at ${v.bookedTime} with ${v.therapist}.</p>`;
  }

  return html`<div class="link-actions">
    <h2>Choose a time with ${v.therapist}</h2>
    ${slots === null ? html`<p>Looking for free times…</p>`
      : slots.length === 0 ? html`<p class="notice">No free time with ${v.therapist} in the next two weeks; please call the clinic.</p>`
      : html`<ul class="link-slots">${slots.map(s => html`<li><button type="button" class="secondary" data-start=${s.start}
          ?disabled=${busy} @click=${() => choose(s)}>${s.date}, ${s.time}</button></li>`)}</ul>`}
  </div>`;
}

function draw(): void {
  const v = view;
  clinic.textContent = v?.clinicName ?? "Book your next visit";
  render(v === null ? nothing : html`
    <p id="with">Your next visit at ${v.clinicName}</p>
    ${body(v)}`, section);
}

void load();
