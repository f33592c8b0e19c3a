// The desk's patient finder: search as you type (part of a name in any order, a birth date, or a phone number's last
// digits), arrow keys and Enter to open a result, and registration that offers the known record before making a
// duplicate (the server answers 409 with its matches unless the desk confirms a new patient).
import { html, nothing, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicFromPath, clinicOrNotFound, signIn } from "./dom";
import { mountNav } from "./nav";
import { messagesOf, submit, type Problem } from "./problem";
import type { ClinicConfig, PatientMatch } from "./types";

void mountNav();

interface Draft { firstName: string; lastName: string; birthDate: string; phone: string; email: string; }

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}`;
const root = document.getElementById("patients")!;
const debounceMs = 250;

let query = "";
let results: PatientMatch[] = [];
let searched = "";
let searchError: string | null = null;
let active = -1;
let timer: number | undefined;
let inFlight: AbortController | null = null;

const empty: Draft = { firstName: "", lastName: "", birthDate: "", phone: "", email: "" };
let draft: Draft = { ...empty };
let problem: Problem | null = null;
let known: PatientMatch[] = [];
let registered: { patientId: string; name: string } | null = null;
let busy = false;

function patientUrl(patientId: string): string {
  return `/patients/${encodeURIComponent(clinicId)}/${encodeURIComponent(patientId)}`;
}

function phone(m: PatientMatch): string {
  return m.phoneLast4 ? `phone …${m.phoneLast4}` : "no phone";
}

function typed(event: Event): void {
  query = (event.target as HTMLInputElement).value;
  window.clearTimeout(timer);
  timer = window.setTimeout(() => void search(query), debounceMs);
}

async function search(q: string): Promise<void> {
  inFlight?.abort();
  if (q.trim().length < 2) {
    results = []; searched = ""; searchError = null; active = -1;
    show();
    return;
  }

  const controller = inFlight = new AbortController();
  try {
    const response = await fetch(`${api}/patients?q=${encodeURIComponent(q)}`, { headers: { Accept: "application/json" }, signal: controller.signal });
    if (response.status === 401) signIn();
    const body = await response.json().catch(() => ({})) as { matches?: PatientMatch[]; detail?: string; title?: string };
    if (controller !== inFlight) return;
    results = response.ok ? body.matches ?? [] : [];
    searchError = response.ok ? null : body.detail ?? body.title ?? `The server answered ${response.status}.`;
    searched = q;
    active = results.length > 0 ? 0 : -1;
  } catch (error) {
    if ((error as Error).name === "AbortError") return;
    searchError = (error as Error).message;
  }

  show();
}

function keys(event: KeyboardEvent): void {
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    if (results.length === 0) return;
    active = (active + (event.key === "ArrowDown" ? 1 : -1) + results.length) % results.length;
    show();
    document.getElementById(`result-${active}`)?.scrollIntoView({ block: "nearest" });
  } else if (event.key === "Enter" && active >= 0 && results[active]) {
    event.preventDefault();
    window.location.assign(patientUrl(results[active].patientId));
  }
}

function field(name: keyof Draft, label: string, type: string, required: boolean) {
  const messages = problem?.errors[name] ?? [];
  return html`<label>${label}
    <input name=${name} type=${type} .value=${draft[name]} ?required=${required} aria-invalid=${messages.length > 0 ? "true" : "false"}
      @input=${(e: Event) => { draft = { ...draft, [name]: (e.target as HTMLInputElement).value }; }}>
    ${messages.map(m => html`<span class="field-error" role="alert">${m}</span>`)}</label>`;
}

async function register(event: Event | null, confirmedNew = false): Promise<void> {
  event?.preventDefault();
  busy = true; show();
  const body = { ...draft, phone: draft.phone || null, email: draft.email || null, confirmedNew };
  const answer = await submit<{ patientId: string }>("POST", `${api}/patients`, body);
  busy = false;
  if (answer.ok) {
    registered = { patientId: answer.value.patientId, name: `${draft.lastName}, ${draft.firstName}` };
    draft = { ...empty }; problem = null; known = [];
  } else if (answer.problem.status === 409 && Array.isArray(answer.problem.body.matches)) {
    known = answer.problem.body.matches as PatientMatch[];
    problem = null; registered = null;
  } else {
    problem = answer.problem; known = []; registered = null;
  }

  show();
}

function resultsView() {
  if (searchError) return html`<p class="search-error" role="alert">${searchError}</p>`;
  if (searched && results.length === 0) return html`<p class="empty" role="status">No patient matches “${searched}”.</p>`;
  return html`<ul id="results" class="results" role="listbox" aria-label="Patients found">
    ${repeat(results, m => m.patientId, (m, i) => html`<li id=${`result-${i}`} role="option" aria-selected=${i === active ? "true" : "false"}
        class=${i === active ? "active" : ""}>
      <a href=${patientUrl(m.patientId)}><strong>${m.lastName}, ${m.firstName}</strong>
        <small>born ${m.birthDate} · ${phone(m)}</small></a></li>`)}
  </ul>`;
}

function knownView() {
  if (known.length === 0) return nothing;
  return html`<section class="known" role="alert" aria-label="Known patients">
    <h3>Already a patient?</h3>
    <p>The clinic knows somebody with the same name and birth date, or the same phone number.</p>
    <ul>${repeat(known, m => m.patientId, m => html`<li><a href=${patientUrl(m.patientId)}>Open ${m.lastName}, ${m.firstName}</a>
      <small>born ${m.birthDate} · ${phone(m)}</small></li>`)}</ul>
    <button type="button" class="secondary" id="confirm-new" ?disabled=${busy} @click=${() => register(null, true)}>
      None of these: register a new patient</button>
  </section>`;
}

function show(): void {
  render(html`
    <section class="patient-search" aria-label="Find a patient">
      <label for="q">Find a patient</label>
      <input id="q" type="search" autocomplete="off" placeholder="Name, birth date (yyyy-mm-dd or m/d/yyyy) or phone digits"
        role="combobox" aria-controls="results" aria-expanded=${results.length > 0 ? "true" : "false"}
        aria-activedescendant=${active >= 0 ? `result-${active}` : nothing} .value=${query} @input=${typed} @keydown=${keys}>
      ${resultsView()}
    </section>
    <section class="patient-register" aria-label="Register new patient">
      <h2>Register new patient</h2>
      <form id="register" @submit=${(e: Event) => register(e)}>
        ${field("firstName", "First name", "text", true)}
        ${field("lastName", "Last name", "text", true)}
        ${field("birthDate", "Birth date", "date", true)}
        ${field("phone", "Phone", "tel", false)}
        ${field("email", "Email", "email", false)}
        ${problem && Object.keys(problem.errors).length === 0 ? html`<p class="field-error" role="alert">${messagesOf(problem).join(" ")}</p>` : nothing}
        <button type="submit" class="primary" ?disabled=${busy}>Register</button>
      </form>
      ${knownView()}
      ${registered ? html`<p class="registered" role="status">Registered: <a href=${patientUrl(registered.patientId)}>${registered.name}</a></p>` : nothing}
    </section>`, root);
}

const config = await clinicOrNotFound<ClinicConfig>(api, root);
if (config) {
  root.replaceChildren();
  document.getElementById("clinic-title")!.textContent = `Patients · ${config.name}`;
  document.title = `${config.name} · Patients`;
  show();
  document.getElementById("q")?.focus();
}
