// The audit log of a clinic (HIPAA 45 CFR 164.312(b)) for its managers: who read or changed what, and when, filtered
// by patient, user and dates (clinic days, in the clinic's time zone), exported as CSV with the same filter; an
// administrator also verifies every chain and reads the system chain. Reading the log is itself audited.
import { html, nothing, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicFromPath, clinicOrNotFound, currentSession, getJson, signIn } from "./dom";
import { addDays, localDate, midnightOf } from "./clinic-time";
import { mountNav } from "./nav";
import { messagesOf, submit, type Problem } from "./problem";
import type { AuditEntry, AuditVerification, ClinicConfig } from "./types";

void mountNav();

interface Filter { patientId: string; userId: string; from: string; to: string; system: boolean; }

const clinicId = clinicFromPath();
const root = document.getElementById("audit")!;
const session = await currentSession();
if (!session) signIn();
const isAdmin = session.role === "Admin";
const params = new URLSearchParams(window.location.search);

let config: ClinicConfig | null = null;
let filter: Filter = { patientId: params.get("patientId") ?? "", userId: params.get("userId") ?? "", from: "", to: "", system: false };
let entries: AuditEntry[] | null = null;
let problem: Problem | null = null;
let verification: AuditVerification | null = null;
let busy = false;
const limit = 500;

function zone(): string { return config?.timeZoneId ?? "UTC"; }

/** The query the list and the CSV share: clinic days become instants of the clinic's zone; "to" includes its day. */
function query(): string {
  const q = new URLSearchParams({ limit: String(limit) });
  if (filter.patientId.trim()) q.set("patientId", filter.patientId.trim());
  if (filter.userId.trim()) q.set("userId", filter.userId.trim());
  if (filter.from) q.set("from", midnightOf(filter.from, zone()).toISOString());
  if (filter.to) q.set("to", midnightOf(addDays(filter.to, 1), zone()).toISOString());
  return q.toString();
}

function chain(): string { return filter.system ? "_system" : clinicId; }

function listUrl(csv: boolean): string {
  return `/api/clinics/${encodeURIComponent(chain())}/audit${csv ? ".csv" : ""}?${query()}`;
}

async function load(event?: Event): Promise<void> {
  event?.preventDefault();
  busy = true; show();
  const answer = await submit<AuditEntry[]>("GET", listUrl(false), undefined);
  busy = false;
  if (answer.ok) { entries = answer.value; problem = null; } else { entries = null; problem = answer.problem; }
  show();
}

async function verify(): Promise<void> {
  busy = true; show();
  verification = await getJson<AuditVerification>("/api/audit/verify");
  busy = false; show();
}

const timeFormat = new Map<string, Intl.DateTimeFormat>();
function when(iso: string): string {
  let format = timeFormat.get(zone());
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", hourCycle: "h23", timeZone: zone() });
    timeFormat.set(zone(), format);
  }
  return format.format(new Date(iso));
}

function by(field: "patientId" | "userId", value: string): void {
  filter = { ...filter, [field]: value };
  void load();
}

function patientButton(patientId: string) {
  return html`<button type="button" class="link-button" title="Only this patient" @click=${() => by("patientId", patientId)}>${patientId}</button>`;
}

/** The entry's patient, or the patients a bulk read (board, export, feed) disclosed: counted, listed when opened. */
function patientsCell(e: AuditEntry) {
  if (e.patientId) return patientButton(e.patientId);
  const listed = e.patients ?? [];
  if (listed.length === 0) return "";
  return html`<details class="disclosed"><summary>${listed.length} patient${listed.length === 1 ? "" : "s"}</summary>
    <ul>${listed.map(p => html`<li>${patientButton(p)}</li>`)}</ul></details>`;
}

function input(name: keyof Omit<Filter, "system">, label: string, type: string) {
  const messages = problem?.errors[name] ?? [];
  return html`<label>${label}
    <input name=${name} type=${type} .value=${filter[name]} aria-invalid=${messages.length > 0 ? "true" : "false"}
      @input=${(e: Event) => { filter = { ...filter, [name]: (e.target as HTMLInputElement).value }; }}>
    ${messages.map(m => html`<span class="field-error" role="alert">${m}</span>`)}</label>`;
}

function verificationView() {
  if (!verification) return nothing;
  const breaks = verification.breaks ?? [];
  return html`<p class=${breaks.length === 0 ? "verified" : "broken"} role="status" id="verification">
    ${breaks.length === 0
      ? `Every chain is intact: ${verification.chainsChecked} chains, ${verification.entriesChecked} entries checked.`
      : `${breaks.length} broken chain(s): ${breaks.map(b => `${b.chain} at ${b.sequence} (${b.reason})`).join("; ")}.`}</p>`;
}

function entriesView() {
  if (problem) {
    // Field messages stand beside their inputs; anything else (or a problem without fields) is said here.
    const beside = ["patientId", "userId", "from", "to"];
    const fields = Object.entries(problem.errors);
    const rest = fields.length > 0 ? fields.filter(([k]) => !beside.includes(k)).flatMap(([, v]) => v) : messagesOf(problem);
    return rest.length ? html`<p class="search-error" role="alert">${rest.join(" ")}</p>` : nothing;
  }
  if (!entries) return nothing;
  if (entries.length === 0) return html`<p class="empty" role="status">No entries match.</p>`;
  return html`<p role="status" id="count">${entries.length === limit ? `The newest ${limit} entries` : `${entries.length} entries`}, newest first
      (times in ${zone()}).</p>
    <table class="audit">
      <thead><tr><th scope="col">When</th><th scope="col">User</th><th scope="col">Role</th><th scope="col">Action</th>
        <th scope="col">Patient</th><th scope="col">Resource</th><th scope="col">Outcome</th><th scope="col">From</th></tr></thead>
      <tbody>${repeat(entries, e => `${e.chain}:${e.sequence}`, e => html`<tr data-outcome=${e.outcome}>
        <td>${when(e.at)}</td>
        <td><button type="button" class="link-button" title="Only this user" @click=${() => by("userId", e.userId)}>${e.userId}</button></td>
        <td>${e.role}</td><td>${e.action}</td>
        <td>${patientsCell(e)}</td>
        <td class="resource">${e.resource}</td><td>${e.outcome}</td><td>${e.source}</td></tr>`)}</tbody>
    </table>`;
}

function show(): void {
  render(html`
    <form class="audit-filter" @submit=${load} aria-label="Filter the audit log">
      ${input("patientId", "Patient id", "text")}
      ${input("userId", "User", "text")}
      ${input("from", "From (clinic day)", "date")}
      ${input("to", "To (clinic day, included)", "date")}
      ${isAdmin ? html`<label class="check"><input type="checkbox" .checked=${filter.system}
        @change=${(e: Event) => { filter = { ...filter, system: (e.target as HTMLInputElement).checked }; }}> System actions instead of the clinic's</label>` : nothing}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${busy}>Show</button>
        <a class="button secondary" id="csv" href=${listUrl(true)} download>Download CSV</a>
        ${isAdmin ? html`<button type="button" class="secondary" id="verify" ?disabled=${busy} @click=${verify}>Verify every chain</button>` : nothing}
      </div>
    </form>
    ${verificationView()}
    ${entriesView()}`, root);
}

config = await clinicOrNotFound<ClinicConfig>(`/api/clinics/${encodeURIComponent(clinicId)}`, root);
if (config) {
  document.getElementById("clinic-title")!.textContent = `Audit log · ${config.name}`;
  filter = { ...filter, to: localDate(Date.now(), zone()), from: localDate(Date.now() - 6 * 86400000, zone()) };
  await load();
}
