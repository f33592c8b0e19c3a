// What the public patient-link pages (a reminder's visit link, a recall's booking link, a waitlist offer) share: the
// token, which travels in the URL's fragment (never sent by the browser to a server, nor in a Referer) and is posted
// with each call, and how the page says what happened in its #message line.
import { messagesOf, type Problem } from "./problem";

export const linkToken = decodeURIComponent(window.location.hash.replace(/^#/, ""));

export const notValidText = "This link is not valid. Check that the whole link from your message was opened, or call the clinic.";

export function say(text: string | null, tone: "error" | "notice" = "error"): void {
  const message = document.getElementById("message")!;
  message.hidden = text === null;
  message.className = tone;
  message.textContent = text ?? "";
}

/** Says what a refused call means; true when the link is not valid or has expired, so the page shows nothing more of it. */
export function sayProblem(problem: Problem): boolean {
  if (problem.status === 429) {
    say("Too many tries from this connection; please wait a minute and try again.");
    return false;
  }

  say(messagesOf(problem).join(" "));
  return problem.status === 404 || problem.status === 410;
}
