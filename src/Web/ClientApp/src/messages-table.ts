// The outbox's messages as a table, shared by the patient's profile and the clinic's queue screen. Status is shown
// in words and colour; a failure says what the provider answered. Times are the clinic's.
import { html, nothing, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicDate, clockTime } from "./dom";
import type { OutboxMessage } from "./types";

const statusText: Record<OutboxMessage["status"], string> = {
  Pending: "Queued", Delivered: "Delivered", Failed: "Failed", Bounced: "Bounced", Withdrawn: "Withdrawn", Withdrawing: "Withdrawn while sending", Expired: "Expired",
  Suppressed: "Not sent",
};
const channelText = { Sms: "Text", Email: "E-mail" } as const;

export function statusOf(m: OutboxMessage): string {
  return statusText[m.status];
}

function when(iso: string, zone: string): string {
  return `${clinicDate(iso, zone)} ${clockTime(iso, zone)}`;
}

function note(m: OutboxMessage, zone: string): TemplateResult | string {
  if (m.status === "Pending" && m.attempts > 0) {
    return html`${m.lastError ?? "Will try again"} · next try ${when(m.nextAttemptAt, zone)}`;
  }
  return m.lastError ?? "";
}

/** `patientLink` makes each row lead to the patient's profile (the clinic-wide queue). */
export function messagesTable(list: OutboxMessage[], zone: string, id: string, patientLink?: (patientId: string) => string): TemplateResult {
  if (list.length === 0) return html`<p class="hint" id=${`${id}-empty`}>No messages.</p>`;
  return html`<table class="settings-table messages-table" id=${id}>
    <thead><tr><th>Status</th><th>Due</th>${patientLink ? html`<th>Patient</th>` : nothing}<th>Channel</th><th>To</th><th>Message</th><th>Attempts</th><th>Note</th></tr></thead>
    <tbody>${repeat(list, m => m.key, m => html`<tr data-key=${m.key} data-status=${m.status}>
      <td><span class=${`chip message-${m.status.toLowerCase()}`}>${statusOf(m)}</span></td>
      <td>${when(m.dueAt, zone)}</td>
      ${patientLink ? html`<td><a href=${patientLink(m.patientId)}>${m.patientId}</a></td>` : nothing}
      <td>${channelText[m.channel]}</td><td>${m.recipient ?? "–"}</td>
      <td>${m.template} · ${m.causedBy}</td><td>${m.attempts}</td><td>${note(m, zone)}</td>
    </tr>`)}</tbody></table>`;
}
