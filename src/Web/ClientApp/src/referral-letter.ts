// The thank-you and progress letter to a referring provider, as a page to print (or print to PDF and send). It says
// only what the provider needs about their patient: name, birth date, their reason, the first visit, visits attended.
import { html, render } from "lit-html";
import { clinicOrNotFound } from "./dom";
import type { ReferralLetter } from "./types";

const [, clinic = "", referral = ""] = window.location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
const root = document.getElementById("letter")!;
const statusWords: Record<string, string> = { "checked-out": "attended", booked: "booked", cancelled: "cancelled", noshow: "missed" };

const letter = await clinicOrNotFound<ReferralLetter>(
  `/api/clinics/${encodeURIComponent(clinic)}/referrals/${encodeURIComponent(referral)}/letter`, root);
if (letter) {
  document.title = `Letter to ${letter.providerName} · PtHub`;
  render(html`<article class="letter">
    <p class="letter-from"><strong>${letter.clinicName}</strong></p>
    <p class="letter-date">${letter.written}</p>
    <p class="letter-to">${letter.providerName}${letter.practice ? html`<br>${letter.practice}` : ""}${letter.fax ? html`<br>Fax ${letter.fax}` : ""}</p>
    <p>Dear ${letter.providerName},</p>
    <p>Thank you for referring <strong>${letter.patientName}</strong> (born ${letter.birthDate}) to ${letter.clinicName}, received on
      ${letter.receivedOn} for: ${letter.reason}.</p>
    <p id="letter-progress">${letter.firstVisitDate
      ? `Their first visit was on ${letter.firstVisitDate} (${statusWords[letter.firstVisitStatus ?? ""] ?? letter.firstVisitStatus}); they have attended ${letter.visitsAttended} visit(s) so far.`
      : "We have not seen them yet; we will write again once they start."}
      ${letter.nextVisitDate ? ` Their next visit is on ${letter.nextVisitDate}.` : ""}</p>
    <p>We will keep you informed of their progress. Please contact us with any questions.</p>
    <p>Sincerely,<br>${letter.clinicName}</p>
  </article>
  <p class="no-print buttons"><button type="button" class="primary" id="print" @click=${() => window.print()}>Print</button></p>`, root);
}
