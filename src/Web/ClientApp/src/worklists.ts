// The manager's worklists of a clinic: patients to act on, each row opening the patient's profile and "Mark done",
// which keeps the row off its list (listed under "Done" with who and when) until its condition changes.
import { html, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicDate, clinicFromPath, clinicOrNotFound, clockTime, getJson } from "./dom";
import { mountNav } from "./nav";
import { messagesOf, submit } from "./problem";
import { say } from "./toast";
import type { ClinicConfig, RecallView, WorklistRow, Worklists } from "./types";

void mountNav();

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}/worklists`;
const root = document.getElementById("worklists")!;

type ListName = Exclude<keyof Worklists, "done">;

/** The lists in the order a manager works them, with what each means (docs/figures.md, "Worklists"). */
const lists: { name: ListName; title: string; means: string }[] = [
  { name: "droppedOff", title: "Dropped off", means: "no visit booked ahead and the plan of care not complete" },
  { name: "authorizationsLow", title: "Authorizations low", means: "3 visits or 10 units left, or fewer" },
  { name: "recertificationDue", title: "Recertification due", means: "plan of care recertification within 14 days, or overdue" },
  { name: "progressReportsDue", title: "Progress reports due", means: "Medicare: the next treatment day is the 10th since the last progress report" },
  { name: "unverifiedTomorrow", title: "Tomorrow's visits with unverified coverage", means: "booked for tomorrow; insurance missing, not verified or failed" },
];

let config: ClinicConfig | null = null;
let worklists: Worklists | null = null;
/** Each patient's latest recall (GET …/recalls), by patient id. */
let recalls = new Map<string, RecallView>();
let said = "";

function titleOf(name: string): string {
  return lists.find(l => l.name === name)?.title ?? name;
}

async function markDone(row: WorklistRow, list: ListName): Promise<void> {
  const result = await submit<Worklists>("POST", `${api}/done/${encodeURIComponent(row.patientId)}`, { rowKey: row.key });
  if (!result.ok) {
    say(messagesOf(result.problem).join(" "));
    return;
  }

  worklists = result.value;
  said = `Marked done: ${row.patientName} (${titleOf(list)}).`;
  show();
}

const messageStatus: Record<string, string> = {
  Pending: "queued", Delivered: "delivered", Failed: "failed", Bounced: "bounced", Withdrawn: "withdrawn", Withdrawing: "withdrawn",
  Expired: "expired", Suppressed: "not sent",
};

async function sendRecall(row: WorklistRow): Promise<void> {
  const result = await submit<RecallView>("POST", `/api/clinics/${encodeURIComponent(clinicId)}/recalls/${encodeURIComponent(row.patientId)}`,
    { planId: row.planId });
  if (!result.ok) {
    said = `Recall not sent: ${messagesOf(result.problem).join(" ")}`;
  } else {
    recalls.set(row.patientId, result.value);
    said = `Recall sent to ${row.patientName}: a message with a link to book their next visit.`;
  }
  show();
}

/** The row's recall: the button, and the latest recall (when, by whom, how its message stands). */
function recallCell(row: WorklistRow) {
  const last = recalls.get(row.patientId);
  const zone = config!.timeZoneId;
  return html`${last ? html`<span class="recall-sent">Recall sent ${clinicDate(last.sentAt, zone)} ${clockTime(last.sentAt, zone)} by ${last.sentBy}
      (${last.messageStatus ? messageStatus[last.messageStatus] ?? last.messageStatus : "no message"})</span>` : ""}
    <button type="button" class="secondary send-recall" @click=${() => sendRecall(row)}>Send recall</button>`;
}

function table(name: ListName, rows: WorklistRow[]) {
  if (rows.length === 0) return html`<p class="empty">Nobody on this list.</p>`;
  return html`<table class="worklist">
    <thead><tr><th scope="col">Patient</th><th scope="col">What is due</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
    <tbody>${repeat(rows, r => r.key, r => html`<tr data-row=${r.key} data-patient=${r.patientId}>
      <td><a href=${r.profile}>${r.patientName}</a></td><td>${r.detail}</td>
      <td class="buttons">${name === "droppedOff" && r.planId ? recallCell(r) : ""}<button type="button" class="secondary mark-done" @click=${() => markDone(r, name)}>Mark done</button></td>
    </tr>`)}</tbody></table>`;
}

function show(): void {
  if (!worklists || !config) return;
  const w = worklists;
  const zone = config.timeZoneId;
  render(html`
    <p role="status" id="said">${said}</p>
    ${lists.map(l => html`<section class="worklist-section" id=${l.name} aria-labelledby=${`${l.name}-title`}>
      <h2 id=${`${l.name}-title`}>${l.title} <span class="count">(${w[l.name].length})</span></h2>
      <p class="means">${l.means}</p>
      ${table(l.name, w[l.name])}
    </section>`)}
    <section class="worklist-section" id="done" aria-labelledby="done-title">
      <h2 id="done-title">Done <span class="count">(${w.done.length})</span></h2>
      <p class="means">Rows marked done stay off their list until their condition changes.</p>
      ${w.done.length === 0 ? html`<p class="empty">Nothing marked done.</p>` : html`<table class="worklist">
        <thead><tr><th scope="col">List</th><th scope="col">Patient</th><th scope="col">What was due</th><th scope="col">Done by</th><th scope="col">When</th></tr></thead>
        <tbody>${repeat(w.done, d => d.row.key, d => html`<tr data-row=${d.row.key}>
          <td>${titleOf(d.list)}</td><td><a href=${d.row.profile}>${d.row.patientName}</a></td><td>${d.row.detail}</td>
          <td class="done-by">${d.doneBy}</td><td class="done-at">${clinicDate(d.doneAt, zone)} ${clockTime(d.doneAt, zone)}</td>
        </tr>`)}</tbody></table>`}
    </section>
    `, root);
}

config = await clinicOrNotFound<ClinicConfig>(`/api/clinics/${encodeURIComponent(clinicId)}`, root);
if (config) {
  document.getElementById("clinic-title")!.textContent = `Worklists · ${config.name}`;
  worklists = await getJson<Worklists>(api);
  recalls = new Map((await getJson<RecallView[]>(`/api/clinics/${encodeURIComponent(clinicId)}/recalls`)).map(r => [r.patientId, r]));
  // The page's "Loading…" is not lit-html's to replace: clear it once before the first render.
  root.replaceChildren();
  show();
}
