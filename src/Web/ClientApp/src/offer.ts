// The public page of a waitlist offer's link: no sign-in, no staff navigation. As on the visit link page, the token
// travels in the URL's fragment (never sent by the browser to a server, nor in a Referer) and is posted with each call.
import { html, nothing, render } from "lit-html";
import { linkToken as token, notValidText, say, sayProblem } from "./link-page";
import { submit, messagesOf, type Problem } from "./problem";
import type { OfferLinkView } from "./types";

const section = document.getElementById("offer")!;
const clinic = document.getElementById("clinic")!;

let view: OfferLinkView | null = null;
let busy = false;

function fail(problem: Problem): void {
  // A link that is not valid or has expired shows nothing of any appointment.
  if (sayProblem(problem)) view = null;
}

async function load(): Promise<void> {
  if (token.length === 0) {
    say(notValidText);
    return;
  }

  const answer = await submit<OfferLinkView>("POST", "/api/offer-links/read", { token });
  if (answer.ok) view = answer.value; else fail(answer.problem);
  draw();
}

async function accept(): Promise<void> {
  busy = true;
  draw();
  const answer = await submit<OfferLinkView>("POST", "/api/offer-links/accept", { token });
  busy = false;
  if (answer.ok) {
    view = answer.value;
    say(null);
  } else {
    // Taken, closed or refused: the page shows the time as it now stands, with the answer's words.
    const words = messagesOf(answer.problem).join(" ");
    const state = typeof answer.problem.body["state"] === "string" ? answer.problem.body["state"] : "closed";
    if (view && answer.problem.status === 409) view = { ...view, state, message: words };
    else fail(answer.problem);
  }
  draw();
}

function outcome(v: OfferLinkView) {
  switch (v.state) {
    case "open":
      return html`<p>${v.message}</p>
        <button type="button" class="primary" id="accept" ?disabled=${busy} @click=${accept}>Accept</button>`;
    case "yours":
      return html`<p class="link-state"><span class="chip good">It's yours</span></p><p class="notice" id="offer-result">${v.message}</p>`;
    case "taken":
      return html`<p class="link-state"><span class="chip cancelled">Taken</span></p><p class="notice" id="offer-result">${v.message}</p>`;
    default:
      return html`<p class="notice" id="offer-result">${v.message}</p>`;
  }
}

function draw(): void {
  const v = view;
  clinic.textContent = v?.clinicName ?? "An earlier appointment";
  render(v === null ? nothing : html`
    <h2 id="when">${v.date} at ${v.time}</h2>
    <p id="with">with ${v.therapist} at ${v.clinicName}</p>
    <div class="link-actions">${outcome(v)}</div>`, section);
}

void load();
