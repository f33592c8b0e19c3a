// The public page of an e-mail's unsubscribe link: one button, no sign-in. The token travels in the URL's fragment and
// is posted to the API only when the patient asks, so a mail scanner that opens links opts nobody out.
import { submit, messagesOf } from "./problem";
import type { OptOutView } from "./types";

const token = decodeURIComponent(window.location.hash.replace(/^#/, ""));
const button = document.getElementById("stop") as HTMLButtonElement;
const message = document.getElementById("message")!;

function say(text: string, tone: "error" | "notice"): void {
  message.hidden = false;
  message.className = tone;
  message.textContent = text;
}

button.addEventListener("click", async () => {
  button.disabled = true;
  const answer = await submit<OptOutView>("POST", "/api/unsubscribe", { token });
  if (answer.ok) {
    document.getElementById("clinic")!.textContent = answer.value.clinicName;
    document.getElementById("question")!.hidden = true;
    button.hidden = true;
    say(`You will get no more messages from ${answer.value.clinicName}.`, "notice");
    return;
  }

  button.disabled = false;
  say(answer.problem.status === 429 ? "Too many tries from this connection; please wait a minute and try again." : messagesOf(answer.problem).join(" "), "error");
});
