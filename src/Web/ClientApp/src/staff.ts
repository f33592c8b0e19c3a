// The clinic's roster for its managers: alerts (credentials expiring, training falling due) at the clinic's lead days,
// everyone's HIPAA training, each person's credentials and training, and the clinic's types and lead days. Anyone
// else sees their own credentials and training only. Every rule and figure is the server's; this page shows them.
import { html, nothing, render, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicFromPath, clinicOrNotFound, getJson } from "./dom";
import { mountNav } from "./nav";
import { messagesOf, submit, type Problem } from "./problem";
import { checklistView, progressText } from "./onboarding";
import { alertText } from "./staff-alerts";
import type { ClinicConfig, OnboardingChecklist, OnboardingItem, OnboardingProgress, StaffAlerts, StaffMember, StaffSettings, TrainingStatus } from "./types";

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}/staff`;
const root = document.getElementById("staff")!;
const session = await mountNav();

let config: ClinicConfig | null = null;
let roster: StaffMember[] = [];
let alerts: StaffAlerts | null = null;
let settings: StaffSettings | null = null;
let hipaa: TrainingStatus[] = [];
let progress: OnboardingProgress[] = [];
let items: OnboardingItem[] = [];
let checklist: OnboardingChecklist | null = null;
let undoing: string | null = null;
let itemProblem: Problem | null = null;
let selected: string | null = null;
let problem: Problem | null = null;
let said = "";

const standingWords: Record<string, string> = { Current: "Current", DueSoon: "Due soon", Overdue: "Overdue", Missing: "Not recorded" };
const shortDays: Record<string, string> = { Monday: "Mon", Tuesday: "Tue", Wednesday: "Wed", Thursday: "Thu", Friday: "Fri", Saturday: "Sat", Sunday: "Sun" };

async function load(): Promise<void> {
  [roster, alerts, settings, hipaa, progress, items] = await Promise.all([getJson<StaffMember[]>(api), getJson<StaffAlerts>(`${api}/alerts`),
    getJson<StaffSettings>(`${api}/settings`), getJson<TrainingStatus[]>(`${api}/training/hipaa`),
    getJson<OnboardingProgress[]>(`${api}/onboarding`), getJson<OnboardingItem[]>(`${api}/onboarding/items`)]);
  checklist = selected ? await getJson<OnboardingChecklist>(`${api}/${encodeURIComponent(selected)}/onboarding`) : null;
  show();
}

async function select(staffId: string, scrollTo: "person" | "onboarding"): Promise<void> {
  selected = staffId; problem = null; undoing = null;
  checklist = await getJson<OnboardingChecklist>(`${api}/${encodeURIComponent(staffId)}/onboarding`);
  show();
  document.getElementById(scrollTo === "onboarding" ? `onboarding-${staffId}` : "person-title")?.scrollIntoView({ block: "start" });
}

async function tick(staffId: string, itemId: string): Promise<void> {
  const result = await submit<OnboardingChecklist>("POST", `${api}/${encodeURIComponent(staffId)}/onboarding/${encodeURIComponent(itemId)}/complete`, undefined);
  await answer(result, c => `${c.items.find(i => i.itemId === itemId)?.name ?? itemId} done for ${c.name}: ${progressText(c.done, c.total)}.`);
}

async function untick(staffId: string, itemId: string, reason: string): Promise<void> {
  const result = await submit<OnboardingChecklist>("POST", `${api}/${encodeURIComponent(staffId)}/onboarding/${encodeURIComponent(itemId)}/undo`, { reason });
  if (await answer(result, c => `Tick taken back for ${c.name}: ${progressText(c.done, c.total)}.`)) { undoing = null; show(); }
}

async function addItem(event: Event): Promise<void> {
  const { target, data } = form(event);
  const result = await submit<OnboardingItem[]>("POST", `${api}/onboarding/items`, { name: text(data, "name") });
  itemProblem = result.ok ? null : result.problem;
  if (await answer(result, () => `Added ${text(data, "name")} to the onboarding checklist.`)) target.reset();
}

async function changeItem(item: OnboardingItem, name: string, retired: boolean, words: string): Promise<void> {
  await answer(await submit<OnboardingItem[]>("PUT", `${api}/onboarding/items/${encodeURIComponent(item.itemId)}`, { name, retired }), () => words);
}

/** The schedule's own working hours of the linked therapist, from the clinic's setup (the roster keeps no copy). */
function hours(member: StaffMember): string {
  const therapist = config?.therapists.find(t => t.id === member.therapistId);
  if (!therapist) return "";
  const spans = therapist.workingHours ?? [];
  return spans.length === 0 ? "clinic hours"
    : spans.map(h => `${shortDays[h.day] ?? h.day} ${h.start.slice(0, 5)}–${h.end.slice(0, 5)}`).join(", ");
}

function typeName(code: string, kind: "credential" | "training"): string {
  const list = kind === "credential" ? settings?.credentialTypes : settings?.trainingTypes;
  return list?.find(t => t.code === code)?.name ?? code;
}

async function answer<T>(result: Awaited<ReturnType<typeof submit<T>>>, words: (value: T) => string): Promise<boolean> {
  if (!result.ok) { problem = result.problem; show(); return false; }
  problem = null; said = words(result.value);
  await load();
  return true;
}

function form(event: Event): { target: HTMLFormElement; data: FormData } {
  event.preventDefault();
  const target = event.target as HTMLFormElement;
  return { target, data: new FormData(target) };
}

function text(data: FormData, name: string): string | null {
  const value = String(data.get(name) ?? "").trim();
  return value === "" ? null : value;
}

async function addPerson(event: Event): Promise<void> {
  const { target, data } = form(event);
  const result = await submit<StaffMember>("POST", api, {
    name: text(data, "name"), jobRole: text(data, "jobRole"), employmentStart: text(data, "employmentStart"), email: text(data, "email"),
    phone: text(data, "phone"), userId: text(data, "userId"), therapistId: text(data, "therapistId"),
  });
  if (await answer(result, m => `Added ${m.name} to the roster.`)) { target.reset(); if (result.ok) selected = result.value.staffId; show(); }
}

async function addCredential(member: StaffMember, event: Event): Promise<void> {
  const { target, data } = form(event);
  const result = await submit<StaffMember>("POST", `${api}/${encodeURIComponent(member.staffId)}/credentials`,
    { type: text(data, "type"), number: text(data, "number"), issuer: text(data, "issuer"), expiry: text(data, "expiry") });
  if (await answer(result, m => `Credential recorded for ${m.name}.`)) target.reset();
}

async function removeCredential(member: StaffMember, credentialId: string): Promise<void> {
  const result = await submit<StaffMember>("DELETE", `${api}/${encodeURIComponent(member.staffId)}/credentials/${encodeURIComponent(credentialId)}`, undefined);
  await answer(result, m => `Credential removed from ${m.name}.`);
}

async function addTraining(member: StaffMember, event: Event): Promise<void> {
  const { target, data } = form(event);
  const result = await submit<StaffMember>("POST", `${api}/${encodeURIComponent(member.staffId)}/training`,
    { type: text(data, "type"), completedOn: text(data, "completedOn"), dueOn: text(data, "dueOn") });
  if (await answer(result, m => `Training recorded for ${m.name}.`)) target.reset();
}

async function saveSettings(next: StaffSettings, words: string): Promise<boolean> {
  return answer(await submit<StaffSettings>("PUT", `${api}/settings`, next), () => words);
}

async function setLeadDays(event: Event): Promise<void> {
  const { data } = form(event);
  if (!settings) return;
  const leadDays = String(data.get("leadDays") ?? "").split(",").map(s => s.trim()).filter(Boolean).map(Number);
  await saveSettings({ ...settings, leadDays }, `Alerts now ${leadDays.join(", ")} days ahead.`);
}

async function addCredentialType(event: Event): Promise<void> {
  const { target, data } = form(event);
  if (!settings) return;
  const type = { code: text(data, "code") ?? "", name: text(data, "name") ?? "", licence: data.get("licence") === "on" };
  if (await saveSettings({ ...settings, credentialTypes: [...settings.credentialTypes, type] }, `Credential type ${type.name} added.`)) target.reset();
}

async function addTrainingType(event: Event): Promise<void> {
  const { target, data } = form(event);
  if (!settings) return;
  const type = { code: text(data, "code") ?? "", name: text(data, "name") ?? "", intervalMonths: Number(data.get("intervalMonths")) };
  if (await saveSettings({ ...settings, trainingTypes: [...settings.trainingTypes, type] }, `Training type ${type.name} added.`)) target.reset();
}

function errors(name: string): TemplateResult[] {
  return (problem?.errors[name] ?? []).map(m => html`<span class="field-error" role="alert">${m}</span>`);
}

function credentialsTable(member: StaffMember, editable: boolean): TemplateResult {
  return html`<table class="credentials" aria-label=${`Credentials of ${member.name}`}>
    <thead><tr><th scope="col">Type</th><th scope="col">Number</th><th scope="col">Issuer</th><th scope="col">Expires</th>
      ${editable ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>` : nothing}</tr></thead>
    <tbody>${repeat(member.credentials, c => c.credentialId, c => html`<tr data-credential=${c.credentialId}>
      <td>${typeName(c.typeCode, "credential")}</td><td>${c.number}</td><td>${c.issuer ?? ""}</td><td>${c.expiry ?? "does not expire"}</td>
      ${editable ? html`<td><button type="button" class="secondary" @click=${() => removeCredential(member, c.credentialId)}>Remove</button></td>` : nothing}
    </tr>`)}</tbody></table>`;
}

function trainingTable(member: StaffMember): TemplateResult {
  return html`<table class="training" aria-label=${`Training of ${member.name}`}>
    <thead><tr><th scope="col">Training</th><th scope="col">Completed</th><th scope="col">Due</th></tr></thead>
    <tbody>${repeat(member.training, t => t.trainingId, t => html`<tr><td>${typeName(t.typeCode, "training")}</td>
      <td>${t.completedOn ?? "not yet"}</td><td>${t.dueOn}</td></tr>`)}</tbody></table>`;
}

function person(member: StaffMember): TemplateResult {
  return html`<section class="person" aria-labelledby="person-title" data-staff=${member.staffId}>
    <h2 id="person-title">${member.name} · ${member.jobRole}</h2>
    <h3>Credentials</h3>
    ${credentialsTable(member, true)}
    <form class="staff-form" aria-label="Add a credential" @submit=${(e: Event) => addCredential(member, e)}>
      <label>Type <select name="type">${(settings?.credentialTypes ?? []).map(t => html`<option value=${t.code}>${t.name}</option>`)}</select></label>${errors("type")}
      <label>Number <input name="number" type="text" required></label>${errors("number")}
      <label>Issuer <input name="issuer" type="text"></label>
      <label>Expires <input name="expiry" type="date"></label>
      <div class="buttons"><button type="submit" class="primary">Add credential</button></div>
    </form>
    <h3>Training</h3>
    ${trainingTable(member)}
    <form class="staff-form" aria-label="Record training" @submit=${(e: Event) => addTraining(member, e)}>
      <label>Training <select name="type">${(settings?.trainingTypes ?? []).map(t => html`<option value=${t.code}>${t.name}</option>`)}</select></label>
      <label>Completed <input name="completedOn" type="date"></label>${errors("completedOn")}
      <label>Due (default: the training's interval after completion) <input name="dueOn" type="date"></label>${errors("dueOn")}
      <div class="buttons"><button type="submit" class="primary">Record training</button></div>
    </form>
    ${checklist?.staffId === member.staffId ? checklistView(checklist, config?.timeZoneId ?? "UTC", {
      undoing,
      complete: itemId => void tick(member.staffId, itemId),
      askWhy: itemId => { undoing = itemId; show(); },
      undo: (itemId, reason) => void untick(member.staffId, itemId, reason),
    }) : nothing}
  </section>`;
}

function onboardingLink(member: StaffMember): TemplateResult | typeof nothing {
  const p = progress.find(x => x.staffId === member.staffId);
  return p ? html`<a href=${`#onboarding-${member.staffId}`} aria-label=${`Onboarding of ${member.name}: ${progressText(p.done, p.total)}`}
    @click=${(e: Event) => { e.preventDefault(); history.replaceState(null, "", `#onboarding-${member.staffId}`); void select(member.staffId, "onboarding"); }}>${progressText(p.done, p.total)}</a>` : nothing;
}

function itemsEditor(): TemplateResult {
  return html`<h3>Onboarding checklist</h3>
    <ul class="onboarding-items">${repeat(items, i => i.itemId, i => html`<li data-item=${i.itemId}>
      <form class="staff-form inline" aria-label=${`Checklist item ${i.name}`} @submit=${(e: Event) => {
        const { data } = form(e);
        const name = text(data, "name") ?? "";
        void changeItem(i, name, i.retired, `Renamed to ${name}.`);
      }}>
        <label>Item <input name="name" type="text" .value=${i.name} maxlength="80"></label>${i.retired ? " (retired)" : nothing}
        <div class="buttons"><button type="submit" class="secondary">Rename</button>
          <button type="button" class="secondary" @click=${() => changeItem(i, i.name, !i.retired, i.retired ? `${i.name} is back on the checklist.` : `${i.name} retired from the checklist.`)}>
            ${i.retired ? "Bring back" : "Retire"}</button></div>
      </form></li>`)}</ul>
    <form class="staff-form" aria-label="Add a checklist item" @submit=${addItem}>
      <label>New item <input name="name" type="text" required maxlength="80"></label>
      ${(itemProblem?.errors["name"] ?? []).map(m => html`<span class="field-error" role="alert">${m}</span>`)}
      <div class="buttons"><button type="submit" class="secondary">Add item</button></div>
    </form>`;
}

function showManager(): void {
  const member = roster.find(m => m.staffId === selected) ?? null;
  render(html`
    <p role="status" id="said">${said}</p>
    ${problem && Object.keys(problem.errors).length === 0 ? html`<p class="search-error" role="alert">${messagesOf(problem).join(" ")}</p>` : nothing}
    <section aria-labelledby="alerts-title"><h2 id="alerts-title">Alerts</h2>
      <p id="alert-count">${alerts ? `${alerts.alerts.length} alert(s) on ${alerts.today}, at ${alerts.leadDays.join(", ")} days ahead.` : ""}</p>
      <ul id="staff-alerts">${repeat(alerts?.alerts ?? [], a => `${a.staffId}:${a.subject}:${a.typeCode}`, a => html`<li class=${a.past ? "past" : ""}>${a.past ? html`<strong>Past:</strong> ` : nothing}${alertText(a)}</li>`)}</ul>
    </section>
    <section aria-labelledby="roster-title"><h2 id="roster-title">Roster</h2>
      <table class="roster">
        <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Since</th><th scope="col">Contact</th>
          <th scope="col">Schedule hours</th><th scope="col">HIPAA training</th><th scope="col">Onboarding</th>
          <th scope="col"><span class="visually-hidden">Open</span></th></tr></thead>
        <tbody>${repeat(roster, m => m.staffId, m => html`<tr data-staff=${m.staffId} aria-selected=${m.staffId === selected ? "true" : "false"}>
          <th scope="row">${m.name}</th><td>${m.jobRole}</td><td>${m.employmentStart}</td><td>${[m.email, m.phone].filter(Boolean).join(" · ")}</td>
          <td>${hours(m)}</td><td>${standingWords[hipaa.find(h => h.staffId === m.staffId)?.standing ?? ""] ?? ""}</td>
          <td class="onboarding-progress">${onboardingLink(m)}</td>
          <td><button type="button" class="secondary" @click=${() => select(m.staffId, "person")}>Credentials and training…</button>
            <a href=${`/injury-log/${encodeURIComponent(clinicId)}?staff=${encodeURIComponent(m.staffId)}`}>Injury cases</a></td></tr>`)}</tbody>
      </table>
      <p class="hint">Working hours are the therapist's in <a href=${`/settings/${encodeURIComponent(clinicId)}`}>Setup</a>, the ones the schedule books against.</p>
    </section>
    ${member ? person(member) : nothing}
    <form class="staff-form" aria-label="Add a person" @submit=${addPerson}>
      <h2>Add a person</h2>
      <label>Name <input name="name" type="text" required></label>${member || itemProblem ? nothing : errors("name")}
      <label>Role <input name="jobRole" type="text" required placeholder="PT, PTA, aide, front desk"></label>${errors("jobRole")}
      <label>Employed since <input name="employmentStart" type="date" required></label>${errors("employmentStart")}
      <label>E-mail <input name="email" type="email"></label>${errors("email")}
      <label>Phone <input name="phone" type="tel"></label>
      <label>Therapist in the schedule <select name="therapistId"><option value="">(none)</option>
        ${(config?.therapists ?? []).map(t => html`<option value=${t.id}>${t.displayName}</option>`)}</select></label>${errors("therapistId")}
      <label>Sign-in account (user name) <input name="userId" type="text"></label>${errors("userId")}
      <div class="buttons"><button type="submit" class="primary">Add person</button></div>
    </form>
    <section aria-labelledby="settings-title" class="staff-settings"><h2 id="settings-title">Types and alerts</h2>
      <form class="staff-form" aria-label="Alert lead days" @submit=${setLeadDays}>
        <label>Alert this many days ahead (comma-separated) <input name="leadDays" type="text" .value=${settings?.leadDays.join(", ") ?? ""}></label>${errors("leadDays")}
        <div class="buttons"><button type="submit" class="secondary">Save lead days</button></div>
      </form>
      <p>Credential types: ${(settings?.credentialTypes ?? []).map(t => `${t.name}${t.licence ? " (licence to treat)" : ""}`).join(", ")}</p>
      <form class="staff-form" aria-label="Add a credential type" @submit=${addCredentialType}>
        <label>Code <input name="code" type="text" pattern="[a-z0-9-]+" required></label><label>Name <input name="name" type="text" required></label>
        <label><input name="licence" type="checkbox"> A licence to treat (booking checks it)</label>${errors("credentialTypes")}
        <div class="buttons"><button type="submit" class="secondary">Add credential type</button></div>
      </form>
      <p>Training types: ${(settings?.trainingTypes ?? []).map(t => `${t.name} (every ${t.intervalMonths} months)`).join(", ")}</p>
      <form class="staff-form" aria-label="Add a training type" @submit=${addTrainingType}>
        <label>Code <input name="code" type="text" pattern="[a-z0-9-]+" required></label><label>Name <input name="name" type="text" required></label>
        <label>Every (months) <input name="intervalMonths" type="number" min="1" max="120" value="12"></label>${errors("trainingTypes")}
        <div class="buttons"><button type="submit" class="secondary">Add training type</button></div>
      </form>
      ${itemsEditor()}
    </section>`, root);
}

async function showOwn(): Promise<void> {
  const response = await fetch(`${api}/me`, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    render(html`<p id="not-on-roster">${response.status === 404 ? "You are not on this clinic's roster yet; a manager can add you." : `The server answered ${response.status}.`}</p>`, root);
    return;
  }
  settings = null;
  const me = await response.json() as StaffMember;
  const mine = await getJson<OnboardingChecklist>(`${api}/me/onboarding`);
  render(html`<section aria-labelledby="mine-title"><h2 id="mine-title">My credentials and training · ${me.name}</h2>
    <h3>Credentials</h3>${credentialsTable(me, false)}<h3>Training</h3>${trainingTable(me)}
    ${checklistView(mine, config?.timeZoneId ?? "UTC", null)}</section>`, root);
}

const manages = session?.role === "Admin" || session?.role === "Manager";
function show(): void { if (manages) showManager(); }

config = await clinicOrNotFound<ClinicConfig>(`/api/clinics/${encodeURIComponent(clinicId)}`, root);
if (config) {
  document.getElementById("clinic-title")!.textContent = `Staff · ${config.name}`;
  if (manages) {
    await load();
    const linked = /^#onboarding-(.+)$/.exec(location.hash)?.[1];
    if (linked && roster.some(m => m.staffId === linked)) await select(linked, "onboarding");
  } else await showOwn();
}
