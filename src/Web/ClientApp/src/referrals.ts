// Referrals at the desk: take one in (find the patient as you type, the reason in words, the source, the referring
// provider), the referrals of the last 90 days with their first visit and whether they converted, the letter to the
// provider, and the providers. Managers also see conversion by source and by provider. The server decides every rule.
import { html, nothing, render, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicFromPath, clinicOrNotFound, getJson } from "./dom";
import { localDate } from "./clinic-time";
import { mountNav } from "./nav";
import { messagesOf, submit, type Problem } from "./problem";
import type { ClinicConfig, ConversionReport, ConversionRow, PatientMatch, ReferralView, ReferringProvider } from "./types";

const clinicId = clinicFromPath();
const base = `/api/clinics/${encodeURIComponent(clinicId)}`;
const api = `${base}/referrals`;
const root = document.getElementById("referrals")!;
const session = await mountNav();
const manages = session?.role === "Admin" || session?.role === "Manager";
const sources = ["Physician", "Self", "Web", "Social", "Event", "Other"];
const statusWords: Record<string, string> = {
  booked: "booked", arrived: "arrived", "checked-in": "checked in", "in-treatment": "in treatment", finished: "finished",
  "checked-out": "attended", cancelled: "cancelled", noshow: "no-show", "left-without-being-seen": "left unseen",
};

let config: ClinicConfig | null = null;
let referrals: ReferralView[] = [];
let providers: ReferringProvider[] = [];
let report: ConversionReport | null = null;
let matches: PatientMatch[] = [];
let patient: PatientMatch | null = null;
let source = "Physician";
let problem: Problem | null = null;
let said = "";
let searchTimer = 0;

async function load(): Promise<void> {
  [referrals, providers, report] = await Promise.all([getJson<ReferralView[]>(api), getJson<ReferringProvider[]>(`${api}/providers`),
    manages ? getJson<ConversionReport>(`${api}/conversion`) : Promise.resolve(null)]);
  show();
}

function find(event: Event): void {
  const q = (event.target as HTMLInputElement).value.trim();
  window.clearTimeout(searchTimer);
  searchTimer = window.setTimeout(async () => {
    matches = q.length < 2 ? [] : (await getJson<{ matches: PatientMatch[] }>(`${base}/patients?q=${encodeURIComponent(q)}`)).matches;
    show();
  }, 200);
}

async function answer<T>(result: Awaited<ReturnType<typeof submit<T>>>, words: (value: T) => string): Promise<boolean> {
  if (!result.ok) { problem = result.problem; show(); return false; }
  problem = null; said = words(result.value);
  await load();
  return true;
}

function text(data: FormData, name: string): string | null {
  const value = String(data.get(name) ?? "").trim();
  return value === "" ? null : value;
}

async function takeIn(event: Event): Promise<void> {
  event.preventDefault();
  const target = event.target as HTMLFormElement;
  const data = new FormData(target);
  const result = await submit<ReferralView>("POST", api, {
    receivedOn: text(data, "receivedOn"), patientId: patient?.patientId ?? null, reason: text(data, "reason"), source,
    providerId: source === "Physician" ? text(data, "providerId") : null,
  });
  if (await answer(result, r => `Referral of ${r.patientName} taken in (${r.source}${r.providerName ? `, ${r.providerName}` : ""}).`)) {
    target.reset(); patient = null; matches = []; show();
  }
}

async function addProvider(event: Event): Promise<void> {
  event.preventDefault();
  const target = event.target as HTMLFormElement;
  const data = new FormData(target);
  const result = await submit<ReferringProvider>("POST", `${api}/providers`, {
    name: text(data, "name"), npi: text(data, "npi"), practice: text(data, "practice"), phone: text(data, "phone"), email: text(data, "email"), fax: text(data, "fax"),
  });
  if (await answer(result, p => `Added ${p.name} (NPI ${p.npi}).`)) target.reset();
}

function errors(name: string): TemplateResult[] {
  return (problem?.errors[name] ?? []).map(m => html`<span class="field-error" role="alert">${m}</span>`);
}

function firstVisit(r: ReferralView): string {
  return r.firstVisitDate ? `${r.firstVisitDate}, ${statusWords[r.firstVisitStatus ?? ""] ?? r.firstVisitStatus}` : "none booked";
}

function conversionTable(label: string, id: string, rows: ConversionRow[]): TemplateResult {
  return html`<table class="conversion" id=${id} aria-label=${label}>
    <thead><tr><th scope="col">${label}</th><th scope="col">Referrals</th><th scope="col">Converted</th><th scope="col">Rate</th></tr></thead>
    <tbody>${repeat(rows, r => r.key, r => html`<tr data-key=${r.key}><th scope="row">${r.name}</th><td>${r.referrals}</td><td>${r.converted}</td><td>${r.percent}%</td></tr>`)}</tbody>
  </table>`;
}

function show(): void {
  const today = config ? localDate(Date.now(), config.timeZoneId) : "";
  render(html`
    <p role="status" id="said">${said}</p>
    ${problem && Object.keys(problem.errors).length === 0 ? html`<p class="search-error" role="alert">${messagesOf(problem).join(" ")}</p>` : nothing}
    <form class="staff-form" aria-label="Take a referral in" @submit=${takeIn}>
      <h2>Take a referral in</h2>
      <label>Received <input name="receivedOn" type="date" .value=${today} max=${today} required></label>${errors("receivedOn")}
      <label>Patient <input id="patient-search" type="search" autocomplete="off" placeholder="name, birth date or phone" @input=${find}></label>
      ${patient ? html`<p id="picked-patient">Patient: <strong>${patient.lastName}, ${patient.firstName}</strong> (born ${patient.birthDate})</p>`
        : html`<ul class="matches">${repeat(matches, m => m.patientId, m => html`<li><button type="button" class="secondary"
            @click=${() => { patient = m; matches = []; show(); }}>${m.lastName}, ${m.firstName} · ${m.birthDate}</button></li>`)}</ul>`}
      ${errors("patientId")}
      <label>Reason <textarea name="reason" maxlength="500" required></textarea></label>${errors("reason")}
      <label>Source <select name="source" @change=${(e: Event) => { source = (e.target as HTMLSelectElement).value; show(); }}>
        ${sources.map(s => html`<option value=${s} ?selected=${s === source}>${s}</option>`)}</select></label>${errors("source")}
      ${source === "Physician" ? html`<label>Referring provider <select name="providerId">
        ${providers.map(p => html`<option value=${p.providerId}>${p.name}${p.practice ? ` · ${p.practice}` : ""}</option>`)}</select></label>` : nothing}
      ${errors("providerId")}
      <div class="buttons"><button type="submit" class="primary">Take referral in</button></div>
    </form>
    <section aria-labelledby="list-title"><h2 id="list-title">Referrals of the last 90 days</h2>
      <table class="referrals">
        <thead><tr><th scope="col">Received</th><th scope="col">Patient</th><th scope="col">From</th><th scope="col">Reason</th>
          <th scope="col">First visit</th><th scope="col">Converted</th><th scope="col"><span class="visually-hidden">Letter</span></th></tr></thead>
        <tbody>${repeat(referrals, r => r.referralId, r => html`<tr data-referral=${r.referralId}>
          <td>${r.receivedOn}</td><td><a href=${`/patients/${encodeURIComponent(clinicId)}/${encodeURIComponent(r.patientId)}`}>${r.patientName}</a></td>
          <td>${r.providerName ?? r.source}</td><td>${r.reason}</td><td>${firstVisit(r)}</td>
          <td>${r.converted ? "Converted within 7 days" : "Not converted"}</td>
          <td>${r.providerId ? html`<a href=${`/referrals/${encodeURIComponent(clinicId)}/${encodeURIComponent(r.referralId)}/letter`}>Letter to the provider</a>` : nothing}</td>
        </tr>`)}</tbody>
      </table>
    </section>
    ${report ? html`<section aria-labelledby="conversion-title"><h2 id="conversion-title">Conversion</h2>
      <p id="conversion-total">${report.total.converted} of ${report.total.referrals} referral(s) received ${report.from} to ${report.to}
        attended a visit within ${report.withinDays} days: ${report.total.percent}%.</p>
      ${conversionTable("Source", "by-source", report.bySource)}
      ${conversionTable("Provider", "by-provider", report.byProvider)}
    </section>` : nothing}
    <section aria-labelledby="providers-title"><h2 id="providers-title">Referring providers</h2>
      <table class="providers"><thead><tr><th scope="col">Name</th><th scope="col">NPI</th><th scope="col">Practice</th><th scope="col">Contact</th></tr></thead>
        <tbody>${repeat(providers, p => p.providerId, p => html`<tr><td>${p.name}</td><td>${p.npi}</td><td>${p.practice ?? ""}</td>
          <td>${[p.phone, p.fax ? `fax ${p.fax}` : null, p.email].filter(Boolean).join(" · ")}</td></tr>`)}</tbody></table>
      <form class="staff-form" aria-label="Add a referring provider" @submit=${addProvider}>
        <label>Name <input name="name" type="text" required></label>${errors("name")}
        <label>NPI <input name="npi" type="text" inputmode="numeric" maxlength="10" required></label>${errors("npi")}
        <label>Practice <input name="practice" type="text"></label>
        <label>Phone <input name="phone" type="tel"></label><label>Fax <input name="fax" type="tel"></label>
        <label>E-mail <input name="email" type="email"></label>${errors("email")}
        <div class="buttons"><button type="submit" class="secondary">Add provider</button></div>
      </form>
    </section>`, root);
}

config = await clinicOrNotFound<ClinicConfig>(`${base}`, root);
if (config) {
  document.getElementById("clinic-title")!.textContent = `Referrals · ${config.name}`;
  await load();
}
