// A patient's profile, /patients/{clinic}/{patient}: demographics and contact, coverage and its verification,
// authorizations, the plan of care, visits, the Medicare KX threshold, the waitlist and messages. Each part is saved on its
// own and shows the server's messages beside its fields; what the role may not change is not offered (the server
// refuses it too). Figures are the server's (docs/figures.md, "Patient profile"); times are the clinic's.
import { html, nothing, render, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicDate, clockTime, getJson, send, signIn, type StaffSession } from "./dom";
import { mountNav } from "./nav";
import { statusLabel } from "./statuses";
import { say } from "./toast";
import { messagesOf, submit, type Problem } from "./problem";
import { messagesTable } from "./messages-table";
import type { ClinicConfig, ContactPreferences, DayOfWeek, OutboxMessage, PatientBillingStatus, PatientRecord, PatientVisit, PatientVisits, PlanProgress, WaitlistEntry } from "./types";

type Part = "details" | "coverage" | "verification" | "authorizations" | "plan" | "waitlist" | "contact";
type Day = DayOfWeek;

const days: Day[] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const verificationLabel = { unverified: "Not verified", verified: "Verified", failed: "Verification failed" } as const;
const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

const [, clinicPart = "", patientPart = ""] = window.location.pathname.split("/").filter(Boolean);
const clinicId = decodeURIComponent(clinicPart);
const patientId = decodeURIComponent(patientPart);
const api = `/api/clinics/${encodeURIComponent(clinicId)}`;
const patientApi = `${api}/patients/${encodeURIComponent(patientId)}`;
const root = document.getElementById("profile")!;
root.replaceChildren();

let session: StaffSession;
let config: ClinicConfig;
let patient: PatientRecord;
let visits: PatientVisits | null = null;
let billing: PatientBillingStatus | null = null;
let plans: PlanProgress[] = [];
let waitlist: WaitlistEntry[] = [];
let messages: OutboxMessage[] = [];
let contact: ContactPreferences | null = null;
/** Per part: the server's field messages of its last refused save, and the line that says how the save went. */
const errors: Partial<Record<Part, Record<string, string[]>>> = {};
const results: Partial<Record<Part, { kind: "ok" | "error"; text: string }>> = {};
const busy = new Set<Part>();

const zone = () => config.timeZoneId;
const canManage = () => session.role === "Admin" || session.role === "Manager";
const textOf = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? "";
const numberOrNull = (text: string) => (text === "" ? null : Number(text));

function fieldErrors(part: Part, field: string): TemplateResult | typeof nothing {
  const messages = errors[part]?.[field] ?? [];
  return messages.length === 0 ? nothing
    : html`<span class="field-errors" id=${`error-${part}-${field}`} data-errors=${field}>${messages.join(" ")}</span>`;
}

function invalid(part: Part, field: string): "true" | typeof nothing {
  return (errors[part]?.[field]?.length ?? 0) > 0 ? "true" : nothing;
}

function describedBy(part: Part, field: string): string | typeof nothing {
  return (errors[part]?.[field]?.length ?? 0) > 0 ? `error-${part}-${field}` : nothing;
}

function result(part: Part): TemplateResult | typeof nothing {
  const r = results[part];
  return r ? html`<p class="save-result ${r.kind}" role="status" data-result=${part}>${r.text}</p>` : nothing;
}

/** Sends one part's change; on a refusal keeps the server's field messages for that part (and the form as typed). */
async function save<T>(part: Part, method: string, url: string, body: unknown, done: (value: T) => Promise<void> | void, success: string): Promise<boolean> {
  busy.add(part);
  update();
  const answer = await submit<T>(method, url, body);
  busy.delete(part);
  if (answer.ok) {
    errors[part] = {};
    await done(answer.value);
    results[part] = { kind: "ok", text: `${success} at ${clockTime(new Date(), zone(), true)}.` };
  } else {
    errors[part] = answer.problem.errors;
    results[part] = { kind: "error", text: `Not saved: ${summaryOf(answer.problem)}` };
  }
  update();
  return answer.ok;
}

function summaryOf(problem: Problem): string {
  return Object.keys(problem.errors).length > 0 ? `${Object.keys(problem.errors).length} problem(s), shown beside the fields.` : messagesOf(problem).join(" ");
}

// ---- demographics and contact ----

function detailsPart(): TemplateResult {
  const d = patient.details;
  const field = (name: string, label: string, value: string, type = "text", extra: Partial<{ autocomplete: string; max: string }> = {}) =>
    html`<label>${label}<input name=${name} type=${type} .value=${value} autocomplete=${extra.autocomplete ?? "off"} max=${extra.max ?? nothing}
      aria-invalid=${invalid("details", name)} aria-describedby=${describedBy("details", name)}>${fieldErrors("details", name)}</label>`;
  return html`<section class="settings-part" id="details" aria-labelledby="part-details">
    <h2 id="part-details">Demographics and contact</h2>
    <form id="details-form" novalidate @submit=${saveDetails}>
      <div class="fields">
        ${field("firstName", "First name", d.firstName)}
        ${field("lastName", "Last name", d.lastName)}
        ${field("birthDate", "Birth date", d.birthDate, "date")}
        ${field("phone", "Phone", d.phone ?? "", "tel")}
        ${field("email", "Email", d.email ?? "", "email")}
      </div>
      <button type="submit" class="primary" ?disabled=${busy.has("details")}>Save details</button>
      ${result("details")}
    </form>
  </section>`;
}

async function saveDetails(event: Event): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const body = {
    firstName: textOf(form, "firstName"), lastName: textOf(form, "lastName"), birthDate: textOf(form, "birthDate") || null,
    phone: textOf(form, "phone") || null, email: textOf(form, "email") || null,
  };
  await save<PatientRecord>("details", "PUT", patientApi, body, value => { patient = value; }, "Saved");
}

// ---- coverage and verification ----

function coveragePart(): TemplateResult {
  const c = patient.coverage;
  const status = c?.verification ?? null;
  return html`<section class="settings-part" id="coverage" aria-labelledby="part-coverage" tabindex="-1">
    <h2 id="part-coverage">Coverage</h2>
    <p class="coverage-state" id="coverage-state">
      ${status === null
        ? html`<span class="chip verification none">No insurance on file</span>`
        : html`<span class="chip verification ${status}" data-verification=${status}>${verificationLabel[status]}</span>
          ${c?.verifiedAt ? html`<small>by ${c.verifiedBy} on ${clinicDate(c.verifiedAt, zone())} ${clockTime(c.verifiedAt, zone())}</small>` : nothing}`}
    </p>
    <form id="coverage-form" novalidate @submit=${saveCoverage}>
      <div class="fields">
        <label>Payer<input name="payer" .value=${c?.payer ?? ""} aria-invalid=${invalid("coverage", "payer")} aria-describedby=${describedBy("coverage", "payer")}>${fieldErrors("coverage", "payer")}</label>
        <label>Plan<input name="plan" .value=${c?.plan ?? ""}></label>
        <label>Member id<input name="memberId" .value=${c?.memberId ?? ""} aria-invalid=${invalid("coverage", "memberId")} aria-describedby=${describedBy("coverage", "memberId")}>${fieldErrors("coverage", "memberId")}</label>
        <label>Copay ($)<input name="copay" type="number" min="0" step="0.01" .value=${String(c?.copay ?? 0)} aria-invalid=${invalid("coverage", "copay")} aria-describedby=${describedBy("coverage", "copay")}>${fieldErrors("coverage", "copay")}</label>
        <label>Units by<select name="billingMethod" aria-invalid=${invalid("coverage", "billingMethod")}>
          <option value="cms" ?selected=${(c?.billingMethod ?? "cms") === "cms"}>CMS 8-minute rule (timed minutes pooled)</option>
          <option value="per_code" ?selected=${c?.billingMethod === "per_code"}>Per code (each code rounded on its own)</option>
        </select>${fieldErrors("coverage", "billingMethod")}</label>
        <label class="check"><input type="checkbox" name="isMedicare" .checked=${c?.isMedicare ?? false}> Medicare</label>
      </div>
      <button type="submit" class="primary" ?disabled=${busy.has("coverage")}>Save coverage</button>
      ${result("coverage")}
    </form>
    ${c ? html`<div class="verify" role="group" aria-label="Record verification">
      <span>Eligibility and benefits checked:</span>
      <button type="button" class="primary" id="verify-ok" ?disabled=${busy.has("verification")} @click=${() => verify("verified")}>✓ Record verified</button>
      <button type="button" class="danger" id="verify-failed" ?disabled=${busy.has("verification")} @click=${() => verify("failed")}>✕ Record failed</button>
      ${result("verification")}
    </div>` : nothing}
  </section>`;
}

async function saveCoverage(event: Event): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const body = {
    payer: textOf(form, "payer"), plan: textOf(form, "plan") || null, memberId: textOf(form, "memberId"),
    billingMethod: textOf(form, "billingMethod"), copay: numberOrNull(textOf(form, "copay")),
    isMedicare: (form.elements.namedItem("isMedicare") as HTMLInputElement).checked,
  };
  await save<PatientRecord>("coverage", "PUT", `${patientApi}/coverage`, body, async value => { patient = value; await loadBilling(); }, "Coverage saved (not verified yet)");
}

async function verify(status: "verified" | "failed"): Promise<void> {
  await save<PatientRecord>("verification", "POST", `${patientApi}/coverage/verification`, { status }, value => { patient = value; },
    status === "verified" ? "Verification recorded" : "Failed verification recorded");
}

// ---- authorizations ----

function daysUntil(date: string): number {
  const today = new Date().toLocaleDateString("en-CA", { timeZone: zone() });
  return Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
}

function expiry(to: string): TemplateResult {
  const left = daysUntil(to);
  return left < 0 ? html`<span class="chip bad">Expired ${to}</span>`
    : left <= 7 ? html`<span class="chip warn">Ends ${to} (${left} day(s))</span>`
      : html`<span class="chip good">Ends ${to}</span>`;
}

function leftOf(authorized: number | null, used: number, left: number | null, unit: string): TemplateResult {
  if (authorized === null) return html`<span class="muted">no ${unit} limit</span>`;
  const kind = left !== null && left <= 0 ? "bad" : left !== null && left <= 2 ? "warn" : "good";
  return html`<strong class=${`left ${kind}`}>${left} left</strong> <small>(${used} of ${authorized} used)</small>`;
}

function authorizationsPart(): TemplateResult {
  const list = patient.authorizations ?? [];
  return html`<section class="settings-part" id="authorizations" aria-labelledby="part-authorizations">
    <h2 id="part-authorizations">Authorizations</h2>
    ${list.length === 0 ? html`<p class="hint">No authorization on file.</p>` : html`<table class="settings-table">
      <thead><tr><th scope="col">Authorization</th><th scope="col">From</th><th scope="col">Expiry</th><th scope="col">Visits</th><th scope="col">Units</th></tr></thead>
      <tbody>${repeat(list, a => a.id, a => html`<tr data-authorization=${a.id}>
        <td><code>${a.id}</code></td><td>${a.from}</td><td>${expiry(a.to)}</td>
        <td data-figure="visits-left">${leftOf(a.visitsAuthorized, a.visitsUsed, a.visitsLeft, "visit")}</td>
        <td data-figure="units-left">${leftOf(a.unitsAuthorized, a.unitsUsed, a.unitsLeft, "unit")}</td></tr>`)}</tbody></table>`}
    ${canManage() ? html`<form id="authorization-form" novalidate @submit=${addAuthorization}>
      <h3>Add an authorization</h3>
      <div class="fields">
        <label>From<input name="from" type="date"></label>
        <label>To<input name="to" type="date" aria-invalid=${invalid("authorizations", "to")} aria-describedby=${describedBy("authorizations", "to")}>${fieldErrors("authorizations", "to")}</label>
        <label>Visits authorized<input name="visitsAuthorized" type="number" min="1" aria-invalid=${invalid("authorizations", "visitsAuthorized")}>${fieldErrors("authorizations", "visitsAuthorized")}</label>
        <label>Units authorized<input name="unitsAuthorized" type="number" min="1" aria-invalid=${invalid("authorizations", "unitsAuthorized")}>${fieldErrors("authorizations", "unitsAuthorized")}</label>
      </div>
      <button type="submit" class="primary" ?disabled=${busy.has("authorizations")}>Add authorization</button>
      ${result("authorizations")}
    </form>` : html`<p class="hint" id="authorizations-read-only">Authorizations are entered by the clinic's managers.</p>`}
  </section>`;
}

async function addAuthorization(event: Event): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const body = {
    from: textOf(form, "from") || null, to: textOf(form, "to") || null,
    visitsAuthorized: numberOrNull(textOf(form, "visitsAuthorized")), unitsAuthorized: numberOrNull(textOf(form, "unitsAuthorized")),
  };
  if (await save<PatientRecord>("authorizations", "POST", `${patientApi}/authorizations`, body, value => { patient = value; }, "Authorization added")) form.reset();
}

// ---- plan of care, progress report, KX ----

function planPart(): TemplateResult {
  const b = billing;
  return html`<section class="settings-part" id="plan-of-care" aria-labelledby="part-plan">
    <h2 id="part-plan">Plan of care</h2>
    <dl class="figures">
      <div><dt>Started</dt><dd id="plan-start">${patient.planOfCareStart ?? "not set"}</dd></div>
      <div><dt>Recertification due</dt><dd id="recertification-due">${b?.recertificationDue
        ? html`${b.recertificationDue} ${recertChip(b.recertificationDue)}` : "–"}</dd></div>
      <div><dt>Treatment days since the progress report</dt><dd id="progress-days">${b ? `${b.treatmentDaysSinceProgressReport} of ${b.progressReportEvery}` : "–"}</dd></div>
    </dl>
    ${plans.length === 0 ? html`<p class="hint">No series booked.</p>` : html`<table class="settings-table">
      <thead><tr><th scope="col">Planned</th><th scope="col">Attended</th><th scope="col">Booked ahead</th><th scope="col">Missed</th><th scope="col">Still to book</th></tr></thead>
      <tbody>${repeat(plans, p => p.planId, p => html`<tr data-plan=${p.planId}><td>${p.planned}</td><td>${p.attended}</td><td>${p.bookedAhead}</td><td>${p.missed}</td>
        <td>${p.shortfall > 0 ? html`<span class="chip warn">${p.shortfall} under-scheduled</span>` : html`<span class="chip good">0 · on track</span>`}</td></tr>`)}</tbody></table>`}
    ${canManage() ? html`<form id="plan-form" novalidate @submit=${setPlanStart}>
      <div class="fields"><label>Plan of care start<input name="start" type="date" .value=${patient.planOfCareStart ?? ""}
        aria-invalid=${invalid("plan", "start")} aria-describedby=${describedBy("plan", "start")}>${fieldErrors("plan", "start")}</label></div>
      <button type="submit" class="primary" ?disabled=${busy.has("plan")}>Set start</button>
      ${result("plan")}
    </form>` : nothing}
  </section>`;
}

function recertChip(due: string): TemplateResult {
  const left = daysUntil(due);
  return left < 0 ? html`<span class="chip bad">overdue</span>` : left <= 7 ? html`<span class="chip warn">in ${left} day(s)</span>` : html`<span class="chip good">in ${left} days</span>`;
}

async function setPlanStart(event: Event): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  await save<PatientRecord>("plan", "PUT", `${patientApi}/plan-of-care`, { start: textOf(form, "start") || null },
    async value => { patient = value; await loadBilling(); }, "Start saved");
}

function medicarePart(): TemplateResult {
  const b = billing;
  return html`<section class="settings-part" id="medicare" aria-labelledby="part-medicare">
    <h2 id="part-medicare">Medicare therapy threshold ${b ? b.year : ""}</h2>
    ${b === null ? html`<p>Loading…</p>` : html`<dl class="figures">
      <div><dt>Billed this year (allowed amounts)</dt><dd id="kx-amount">${money.format(b.medicareAmount)}</dd></div>
      <div><dt>KX threshold</dt><dd id="kx-threshold">${money.format(b.kxThreshold)}</dd></div>
      <div><dt>KX modifier</dt><dd id="kx-required">${!b.isMedicare ? html`<span class="chip muted">not Medicare</span>`
        : b.kxModifierRequired ? html`<span class="chip bad">Required (above the threshold)</span>`
          : html`<span class="chip good">Not needed (${money.format(b.kxThreshold - b.medicareAmount)} left)</span>`}</dd></div>
    </dl>`}
  </section>`;
}

// ---- visits ----

function visitRow(v: PatientVisit): TemplateResult {
  return html`<tr data-visit=${v.visitId} data-status=${v.status}>
    <td>${clinicDate(v.scheduledStart, zone())} ${clockTime(v.scheduledStart, zone())}</td><td>${v.visitType}</td><td>${v.therapistName}</td>
    <td><span class="chip ${v.status}">${statusLabel[v.status]}</span>${v.lateCancellation ? html` <small>late</small>` : nothing}</td></tr>`;
}

function visitTable(title: string, id: string, list: PatientVisit[]): TemplateResult {
  return html`<h3>${title} <span class="count">${list.length}</span></h3>
    ${list.length === 0 ? html`<p class="hint">None.</p>` : html`<table class="settings-table" id=${id}>
      <thead><tr><th scope="col">When (clinic time)</th><th scope="col">Type</th><th scope="col">Therapist</th><th scope="col">Status</th></tr></thead>
      <tbody>${repeat(list, v => v.visitId, visitRow)}</tbody></table>`}`;
}

function visitsPart(): TemplateResult {
  return html`<section class="settings-part" id="visits" aria-labelledby="part-visits">
    <h2 id="part-visits">Visits</h2>
    ${visits === null ? html`<p>Loading…</p>` : html`<dl class="figures">
        <div><dt>Cancellations</dt><dd id="cancellations">${visits.cancellations}</dd></div>
        <div><dt>No-shows</dt><dd id="no-shows">${visits.noShows}</dd></div>
      </dl>
      ${visitTable("Upcoming", "upcoming-visits", visits.upcoming)}
      ${visitTable("Past", "past-visits", visits.past)}`}
  </section>`;
}

// ---- waitlist ----

function waitlistPart(): TemplateResult {
  const mine = waitlist.filter(e => e.patientId === patientId && !e.bookedVisitId);
  const therapistName = (id: string | null) => (id === null ? "any therapist" : config.therapists.find(t => t.id === id)?.displayName ?? id);
  const typeName = (code: string) => config.visitTypes.find(t => t.code === code)?.name ?? code;
  return html`<section class="settings-part" id="waitlist" aria-labelledby="part-waitlist">
    <h2 id="part-waitlist">Waitlist</h2>
    ${mine.length === 0 ? html`<p class="hint" id="waitlist-empty">Not on the waitlist.</p>` : html`<ul class="waitlist-entries">
      ${repeat(mine, e => e.entryId, e => html`<li data-entry=${e.entryId}>
        <span>${typeName(e.visitTypeCode)} with ${therapistName(e.therapistId)} · ${e.days.length === 0 ? "any day" : e.days.join(", ")}
          · ${e.earliest || e.latest ? `${(e.earliest ?? "").slice(0, 5) || "any"}–${(e.latest ?? "").slice(0, 5) || "any"}` : "any time"} · priority ${e.priority}</span>
        <button type="button" class="danger" @click=${() => removeEntry(e.entryId)}>Remove</button></li>`)}</ul>`}
    <form id="waitlist-form" novalidate @submit=${addEntry}>
      <h3>Add to the waitlist</h3>
      <div class="fields">
        <label>Visit type<select name="visitType" aria-invalid=${invalid("waitlist", "visitType")}>
          ${config.visitTypes.map(t => html`<option value=${t.code}>${t.name}</option>`)}</select>${fieldErrors("waitlist", "visitType")}</label>
        <label>Therapist<select name="therapistId"><option value="">Any</option>
          ${config.therapists.map(t => html`<option value=${t.id}>${t.displayName}</option>`)}</select>${fieldErrors("waitlist", "therapistId")}</label>
        <label>Earliest<input name="earliest" type="time"></label>
        <label>Latest<input name="latest" type="time" aria-invalid=${invalid("waitlist", "latest")}>${fieldErrors("waitlist", "latest")}</label>
        <label>Priority (1 most urgent)<input name="priority" type="number" min="1" max="5" value="3" aria-invalid=${invalid("waitlist", "priority")}>${fieldErrors("waitlist", "priority")}</label>
      </div>
      <fieldset class="days"><legend>Days (none: any day)</legend>
        ${days.map(d => html`<label class="check"><input type="checkbox" name="days" value=${d}> ${d.slice(0, 3)}</label>`)}</fieldset>
      <button type="submit" class="primary" ?disabled=${busy.has("waitlist")}>Add to the waitlist</button>
      ${result("waitlist")}
    </form>
  </section>`;
}

async function addEntry(event: Event): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const time = (name: string) => (textOf(form, name) ? `${textOf(form, name)}:00` : null);
  const body = {
    patientId, visitType: textOf(form, "visitType"), therapistId: textOf(form, "therapistId") || null,
    days: [...form.querySelectorAll<HTMLInputElement>("input[name=days]:checked")].map(i => i.value),
    earliest: time("earliest"), latest: time("latest"), priority: numberOrNull(textOf(form, "priority")),
  };
  if (await save<WaitlistEntry>("waitlist", "POST", `${api}/waitlist`, body, loadWaitlist, "Added to the waitlist")) form.reset();
}

async function removeEntry(entryId: string): Promise<void> {
  try {
    await send("DELETE", `${api}/waitlist/${encodeURIComponent(entryId)}`);
    await loadWaitlist();
    delete results.waitlist;
    say(`Removed from the waitlist at ${clockTime(new Date(), zone(), true)}.`, "info");
  } catch (error) {
    results.waitlist = { kind: "error", text: (error as Error).message };
  }
  update();
}

// ---- messages ----

function messagesPart(): TemplateResult {
  const c = contact;
  return html`<section class="settings-part" id="messages" aria-labelledby="part-messages">
    <h2 id="part-messages">Messages</h2>
    <form id="contact-form" novalidate @submit=${saveContact}>
      <div class="settings-grid">
        <label>Reminders by<select name="channel">
          <option value="" ?selected=${!c?.channel}>Automatic (text if there is a phone number, else e-mail)</option>
          <option value="Sms" ?selected=${c?.channel === "Sms"}>Text message</option>
          <option value="Email" ?selected=${c?.channel === "Email"}>E-mail</option></select></label>
        <label class="check"><input type="checkbox" name="optedOut" ?checked=${c?.optedOut ?? false}> Opted out of all messages</label>
      </div>
      <button type="submit" class="primary" ?disabled=${busy.has("contact")}>Save preferences</button>
      ${result("contact")}
    </form>
    ${messagesTable(messages, zone(), "patient-messages")}
  </section>`;
}

async function saveContact(event: Event): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const channel = textOf(form, "channel");
  const optedOut = (form.elements.namedItem("optedOut") as HTMLInputElement).checked;
  await save<ContactPreferences>("contact", "PUT", `${patientApi}/contact-preferences`, { channel: channel === "" ? null : channel, optedOut },
    async value => { contact = value; await loadMessages(); }, optedOut ? "Opted out: nothing more is sent, queued messages included" : "Preferences saved");
}

async function loadMessages(): Promise<void> {
  [messages, contact] = await Promise.all([
    getJson<OutboxMessage[]>(`${patientApi}/messages`), getJson<ContactPreferences>(`${patientApi}/contact-preferences`),
  ]);
}

// ---- loading and the page ----

async function loadBilling(): Promise<void> {
  billing = await getJson<PatientBillingStatus>(`${patientApi}/billing-status`);
}

async function loadWaitlist(): Promise<void> {
  waitlist = await getJson<WaitlistEntry[]>(`${api}/waitlist`);
}

function page(): TemplateResult {
  const d = patient.details;
  document.title = `${d.lastName}, ${d.firstName} · PtHub`;
  return html`<h1 id="patient-name">${d.lastName}, ${d.firstName}</h1>
    <p class="hint">Born ${d.birthDate} · patient <code>${patient.patientId}</code> · <a href=${`/board/${encodeURIComponent(clinicId)}`}>back to the board</a></p>
    <nav class="profile-parts" aria-label="Parts of the profile">
      <a href="#details">Details</a><a href="#coverage">Coverage</a><a href="#authorizations">Authorizations</a>
      <a href="#plan-of-care">Plan of care</a><a href="#medicare">Medicare</a><a href="#visits">Visits</a><a href="#waitlist">Waitlist</a><a href="#messages">Messages</a>
    </nav>
    ${detailsPart()}${coveragePart()}${authorizationsPart()}${planPart()}${medicarePart()}${visitsPart()}${waitlistPart()}${messagesPart()}`;
}

function update(): void {
  render(page(), root);
}

function refusal(title: string, text: string): void {
  render(html`<section class="not-found" role="alert"><h2>${title}</h2><p>${text}</p><p><a href="/">Back to your clinics</a></p></section>`, root);
}

/** The board's insurance alert links to #coverage: open the coverage form there, ready to type. */
function landOnAnchor(): void {
  const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
  if (!target) return;
  target.scrollIntoView({ block: "start" });
  const first = window.location.hash === "#coverage" ? target.querySelector<HTMLInputElement>("input[name=payer]") : null;
  (first ?? target).focus();
}

async function start(): Promise<void> {
  const who = await mountNav();
  if (!who) signIn();
  session = who;
  if (session.role === "Therapist") {
    refusal("Patient profiles are for the front desk", "Only the front desk, managers and administrators open a patient's profile.");
    return;
  }

  const response = await fetch(patientApi, { headers: { Accept: "application/json" } });
  if (response.status === 401) signIn();
  if (!response.ok) {
    refusal(response.status === 404 ? "No such patient" : "This patient cannot be opened",
      response.status === 404 ? `There is no patient '${patientId}' in this clinic.` : `The server answered ${response.status}.`);
    return;
  }

  patient = (await response.json()) as PatientRecord;
  [config] = await Promise.all([getJson<ClinicConfig>(api), loadBilling(), loadWaitlist()]);
  update();
  landOnAnchor();
  window.addEventListener("hashchange", landOnAnchor);
  const [visitList, planList] = await Promise.all([
    getJson<PatientVisits>(`${patientApi}/visits`), getJson<PlanProgress[]>(`${patientApi}/plans-of-care`), loadMessages(),
  ]);
  visits = visitList;
  plans = planList;
  update();
}

void start();
