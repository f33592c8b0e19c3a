// A clinic's OSHA-300-style injury and illness log for managers: one calendar year's cases with the form's totals
// row, a form to record a case or correct one (the same form, filled), the year as CSV, and the year's annual summary.
// Opened from the roster (?staff=), it first lists that person's cases of every year.
import { html, nothing, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicFromPath, clinicOrNotFound, getJson } from "./dom";
import { mountNav } from "./nav";
import { messagesOf, submit, type Problem } from "./problem";
import { caseTypes, summaryView } from "./injury-summary";
import type { ClinicConfig, InjuryCase, InjuryLogSummary, InjuryLogYear, InjuryOutcome, InjuryPersonCases, StaffMember } from "./types";

void mountNav();

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}/injury-log`;
const root = document.getElementById("injury-log")!;
const outcomes: Record<InjuryOutcome, string> = {
  Death: "Death", DaysAway: "Days away from work", JobTransferOrRestriction: "Job transfer or restriction", OtherRecordable: "Other recordable case",
};

const staffId = new URLSearchParams(location.search).get("staff");
let log: InjuryLogYear | null = null;
let summary: InjuryLogSummary | null = null;
let person: InjuryPersonCases | null = null;
let roster: StaffMember[] = [];
let year: number | null = null;
let editing: InjuryCase | null = null;
let problem: Problem | null = null;
let said = "";

async function load(): Promise<void> {
  log = await getJson<InjuryLogYear>(year === null ? api : `${api}?year=${year}`);
  year = log.year;
  [summary, roster, person] = await Promise.all([getJson<InjuryLogSummary>(`${api}/summary?year=${year}`),
    getJson<StaffMember[]>(`/api/clinics/${encodeURIComponent(clinicId)}/staff`),
    staffId ? getJson<InjuryPersonCases>(`${api}/people/${encodeURIComponent(staffId)}`) : Promise.resolve(null)]);
  show();
}

function edit(entry: InjuryCase | null): void {
  editing = entry; problem = null; show();
  const form = document.getElementById("injury-form") as HTMLFormElement;
  const d = entry?.details;
  for (const [name, value] of Object.entries({
    date: d?.date ?? "", person: d?.person ?? "", jobTitle: d?.jobTitle ?? "", where: d?.where ?? "", description: d?.description ?? "",
    outcome: d?.outcome ?? "OtherRecordable", daysAway: String(d?.daysAway ?? 0), daysRestricted: String(d?.daysRestricted ?? 0),
    caseType: d?.caseType ?? "Injury", staffId: d?.staffId ?? (entry ? "" : staffId ?? ""),
  })) {
    (form.elements.namedItem(name) as HTMLInputElement).value = value;
  }
  (form.elements.namedItem("privacyCase") as HTMLInputElement).checked = d?.privacyCase ?? false;
  if (entry) (form.elements.namedItem("person") as HTMLInputElement).focus();
}

async function save(event: Event): Promise<void> {
  event.preventDefault();
  const target = event.target as HTMLFormElement;
  const form = new FormData(target);
  const body = {
    date: form.get("date") || null, person: form.get("person"), jobTitle: form.get("jobTitle"), where: form.get("where"),
    description: form.get("description"), outcome: form.get("outcome"),
    daysAway: Number(form.get("daysAway")), daysRestricted: Number(form.get("daysRestricted")),
    caseType: form.get("caseType"), privacyCase: form.get("privacyCase") === "on", staffId: form.get("staffId") || null,
  };
  const answer = editing
    ? await submit<InjuryCase>("PUT", `${api}/${encodeURIComponent(editing.caseId)}`, body)
    : await submit<InjuryCase>("POST", api, body);
  if (!answer.ok) { problem = answer.problem; show(); return; }
  said = `${editing ? "Corrected" : "Recorded"} case ${answer.value.caseNumber}: ${answer.value.details.person}.`;
  problem = null; editing = null; target.reset();
  year = Number(answer.value.details.date.slice(0, 4));
  await load();
}

async function enter(event: Event): Promise<void> {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const answer = await submit<InjuryLogSummary>("PUT", `${api}/summary`, {
    year: Number(form.get("year")), averageEmployees: Number(form.get("averageEmployees")), hoursWorked: Number(form.get("hoursWorked")),
  });
  if (!answer.ok) { problem = answer.problem; show(); return; }
  problem = null; said = `Saved the ${answer.value.year} average employees and hours worked.`;
  await load();
}

/** Picking someone on the roster fills in their name when the field is still empty. */
function picked(event: Event): void {
  const select = event.target as HTMLSelectElement;
  const name = (select.form!.elements.namedItem("person") as HTMLInputElement);
  const member = roster.find(m => m.staffId === select.value);
  if (member && name.value.trim() === "") name.value = member.name;
}

function personView(cases: InjuryPersonCases) {
  return html`<section class="injury-person" aria-labelledby="person-cases-title">
    <h2 id="person-cases-title">Cases of ${cases.name}, every year</h2>
    ${cases.cases.length === 0 ? html`<p id="person-cases-none">No case in the log is linked to ${cases.name}.</p>` : html`<ul id="person-cases">
      ${repeat(cases.cases, c => c.caseId, c => html`<li>Case ${c.caseNumber} · ${c.details.date} · ${caseTypes[c.details.caseType ?? "Injury"]} · ${outcomes[c.details.outcome]}: ${c.details.description}</li>`)}
    </ul>`}
  </section>`;
}

function errors(name: string) {
  return (problem?.errors[name] ?? []).map(m => html`<span class="field-error" role="alert">${m}</span>`);
}

function show(): void {
  if (!log) return;
  const t = log.totals;
  render(html`
    <p role="status" id="said">${said}</p>
    ${person ? personView(person) : nothing}
    <form class="injury-year" aria-label="Year" @submit=${(e: Event) => { e.preventDefault(); year = Number(new FormData(e.target as HTMLFormElement).get("year")); void load(); }}>
      <label>Year <input name="year" type="number" min="1971" step="1" .value=${String(log.year)}></label>
      <button type="submit" class="secondary">Show</button>
      <a class="button secondary" id="injury-csv" href=${`${api}.csv?year=${log.year}`} download>Export ${log.year} (CSV)</a>
    </form>
    <table class="injury-log">
      <thead><tr><th scope="col">Case</th><th scope="col">Employee</th><th scope="col">Job title</th><th scope="col">Date</th>
        <th scope="col">Where</th><th scope="col">Description</th><th scope="col">Outcome</th><th scope="col">Days away</th>
        <th scope="col">Days restricted</th><th scope="col">Case type</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${repeat(log.cases, c => c.caseId, c => html`<tr data-case=${c.caseId}>
        <td>${c.caseNumber}</td><td>${c.details.person}${c.details.privacyCase ? html` <span class="badge">privacy case</span>` : nothing}</td>
        <td>${c.details.jobTitle ?? ""}</td><td>${c.details.date}</td>
        <td>${c.details.where ?? ""}</td><td>${c.details.description}</td><td>${outcomes[c.details.outcome]}</td>
        <td>${c.details.daysAway}</td><td>${c.details.daysRestricted}</td><td>${caseTypes[c.details.caseType ?? "Injury"]}</td>
        <td><button type="button" class="secondary" @click=${() => edit(c)}>Edit…</button></td></tr>`)}</tbody>
      <tfoot><tr id="injury-totals"><th scope="row" colspan="6">${log.year} totals: ${t.cases} case(s)</th>
        <td>${t.deaths} death, ${t.daysAwayCases} days away, ${t.jobTransferOrRestrictionCases} transfer or restriction, ${t.otherRecordableCases} other</td>
        <td>${t.daysAway}</td><td>${t.daysRestricted}</td>
        <td>${t.injuries ?? 0} injury, ${t.skinDisorders ?? 0} skin, ${t.respiratoryConditions ?? 0} respiratory, ${t.poisonings ?? 0} poisoning, ${t.hearingLosses ?? 0} hearing, ${t.allOtherIllnesses ?? 0} other illness</td><td></td></tr></tfoot>
    </table>
    <form id="injury-form" class="injury-form" aria-label=${editing ? `Correct case ${editing.caseNumber}` : "Record a case"} @submit=${save}>
      <h2>${editing ? `Correct case ${editing.caseNumber}` : "Record a case"}</h2>
      <label>Date <input name="date" type="date" required></label>${errors("date")}
      <label>On the roster <select name="staffId" @change=${picked}><option value="">(not on the roster)</option>
        ${roster.map(m => html`<option value=${m.staffId}>${m.name}</option>`)}</select></label>${errors("staffId")}
      <label>Employee <input name="person" type="text" required></label>${errors("person")}
      <label><input name="privacyCase" type="checkbox"> Privacy case (the exported log says "privacy case" instead of the name)</label>
      <label>Job title <input name="jobTitle" type="text"></label>${errors("jobTitle")}
      <label>Where <input name="where" type="text" placeholder="gym, front desk…"></label>${errors("where")}
      <label>Description <textarea name="description" required></textarea></label>${errors("description")}
      <label>Case type <select name="caseType">${Object.entries(caseTypes).map(([code, label]) => html`<option value=${code}>${label}</option>`)}</select></label>${errors("caseType")}
      <label>Outcome <select name="outcome">${Object.entries(outcomes).map(([code, label]) =>
        // A new case starts at the least severe outcome, never at "Death" (the list's first).
        html`<option value=${code} ?selected=${code === "OtherRecordable"}>${label}</option>`)}</select></label>${errors("outcome")}
      <label>Days away <input name="daysAway" type="number" min="0" max="180" step="1" value="0"></label>${errors("daysAway")}
      <label>Days restricted <input name="daysRestricted" type="number" min="0" max="180" step="1" value="0"></label>${errors("daysRestricted")}
      ${problem && Object.keys(problem.errors).length === 0 ? html`<p class="search-error" role="alert">${messagesOf(problem).join(" ")}</p>` : nothing}
      <div class="buttons"><button type="submit" class="primary">${editing ? "Save correction" : "Record case"}</button>
        ${editing ? html`<button type="button" class="secondary" @click=${() => edit(null)}>Cancel</button>` : nothing}</div>
    </form>
    ${summary ? summaryView(summary, `${api}/summary.csv?year=${summary.year}`, errors, e => void enter(e)) : nothing}`, root);
}

const config = await clinicOrNotFound<ClinicConfig>(`/api/clinics/${encodeURIComponent(clinicId)}`, root);
if (config) {
  document.getElementById("clinic-title")!.textContent = `Injury and illness log · ${config.name}`;
  await load();
}
