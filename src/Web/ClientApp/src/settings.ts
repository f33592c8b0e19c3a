// A clinic's setup, for managers and administrators: name, time zone, opening hours, treatment spaces, therapists
// with their working hours and breaks, visit types, alert thresholds, the lobby and the no-show and late-cancel
// policies. The whole setup is one PUT; the server's validation messages are shown beside the part they are about.
import { html, nothing, render, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicFromPath } from "./dom";
import { idFrom } from "./ids";
import { mountNav } from "./nav";
import { messagesOf, submit, type Problem } from "./problem";
import { browserTimeZone, timeZones } from "./zones";
import type { ClinicConfig } from "./types";

/** The configuration as GET answers it and PUT takes it. */
type ClinicSettings = ClinicConfig;
type Day = ClinicSettings["openingHours"][number]["day"];
type Space = ClinicSettings["rooms"][number];
type Kind = Space["kind"];
type Naming = ClinicSettings["lobbyNaming"];
type Therapist = ClinicSettings["therapists"][number];
type OpeningHours = ClinicSettings["openingHours"][number];
type WorkingHours = NonNullable<Therapist["workingHours"]>[number];
type VisitType = ClinicSettings["visitTypes"][number];
type Alerts = ClinicSettings["alerts"];

// The form's working copy. Rows carry a key of their own, so a list re-renders by row while ids are still being typed.
interface Keyed { key: number; }
interface DayOpen { day: Day; open: boolean; opens: string; closes: string; }
interface SpaceRow extends Keyed, Space { isNew: boolean; idTyped: boolean; }
interface Break extends Keyed { from: string; to: string; }
interface DayPlan { day: Day; works: boolean; start: string; end: string; breaks: Break[]; }
interface TherapistRow extends Keyed {
  isNew: boolean; idTyped: boolean; id: string; displayName: string; maxConcurrentPatients: number;
  ownHours: boolean; week: DayPlan[]; timeOff: string[];
}
interface VisitTypeRow extends Keyed, VisitType { isNew: boolean; idTyped: boolean; }
interface Draft {
  name: string; timeZoneId: string; hours: DayOpen[]; rooms: SpaceRow[]; therapists: TherapistRow[]; visitTypes: VisitTypeRow[];
  alerts: Alerts; lobbyNaming: Naming; lobbyMessage: string; closedDates: string[]; lateCancelHours: number; noShowGraceMinutes: number;
}

const days: Day[] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const kinds: [Kind, string][] = [["private", "Private room (one patient)"], ["gym", "Gym"], ["pool", "Pool"], ["other", "Other"]];
const namings: [Naming, string][] = [
  ["initials", "Initials (A. B.)"], ["first-name-last-initial", "First name and last initial (Anna B.)"], ["ticket", "Ticket number only"],
];
/** Which part of the form a server message is about: its field, or the part a field path such as "rooms[0].x" is in. */
const sections = ["clinicId", "name", "timeZoneId", "openingHours", "closedDates", "rooms", "therapists", "visitTypes", "alerts",
  "lobbyNaming", "lobbyMessage", "noShowGraceMinutes", "lateCancelHours"] as const;

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}`;
const root = document.getElementById("settings")!;
// lit-html adds to what a container holds; the "Loading…" placeholder goes first.
root.replaceChildren();
let nextKey = 1;
let draft: Draft;
let errors: Record<string, string[]> = {};
let summary: { kind: "ok" | "error"; lines: string[] } | null = null;
let saving = false;
let configured = true;

const hhmm = (time: string) => time.slice(0, 5);
const wireTime = (time: string) => (time.length === 5 ? `${time}:00` : time);
const numberOf = (event: Event) => (event.target as HTMLInputElement).valueAsNumber;
const textOf = (event: Event) => (event.target as HTMLInputElement).value;
const checkedOf = (event: Event) => (event.target as HTMLInputElement).checked;

function toDraft(config: ClinicSettings): Draft {
  return {
    name: config.name,
    timeZoneId: config.timeZoneId,
    hours: days.map(day => {
      const open = config.openingHours.find(h => h.day === day);
      return { day, open: !!open, opens: hhmm(open?.opens ?? "08:00"), closes: hhmm(open?.closes ?? "18:00") };
    }),
    rooms: config.rooms.map(r => ({ ...r, key: nextKey++, isNew: false, idTyped: true })),
    therapists: config.therapists.map(t => ({
      key: nextKey++, isNew: false, idTyped: true, id: t.id, displayName: t.displayName, maxConcurrentPatients: t.maxConcurrentPatients,
      ownHours: (t.workingHours ?? []).length > 0, week: weekOf(t.workingHours ?? [], config.openingHours), timeOff: [...(t.timeOff ?? [])],
    })),
    visitTypes: config.visitTypes.map(v => ({ ...v, key: nextKey++, isNew: false, idTyped: true })),
    alerts: { ...config.alerts },
    lobbyNaming: config.lobbyNaming,
    lobbyMessage: config.lobbyMessage ?? "",
    closedDates: [...(config.closedDates ?? [])],
    lateCancelHours: config.lateCancelHours,
    noShowGraceMinutes: config.noShowGraceMinutes,
  };
}

/** A therapist's spans of each day as one working time with breaks (the gaps between spans are the breaks). */
function weekOf(spans: WorkingHours[], opening: OpeningHours[]): DayPlan[] {
  return days.map(day => {
    const mine = spans.filter(s => s.day === day).sort((a, b) => a.start.localeCompare(b.start));
    const open = opening.find(h => h.day === day);
    if (mine.length === 0) {
      return { day, works: spans.length === 0 && !!open, start: hhmm(open?.opens ?? "08:00"), end: hhmm(open?.closes ?? "17:00"), breaks: [] };
    }

    const breaks = mine.slice(1).map((span, i) => ({ key: nextKey++, from: hhmm(mine[i].end), to: hhmm(span.start) }));
    return { day, works: true, start: hhmm(mine[0].start), end: hhmm(mine[mine.length - 1].end), breaks };
  });
}

function spansOf(therapist: TherapistRow): WorkingHours[] | null {
  if (!therapist.ownHours) return null;
  return therapist.week.filter(d => d.works).flatMap(d => {
    const edges = [d.start, ...d.breaks.flatMap(b => [b.from, b.to]), d.end];
    const spans: WorkingHours[] = [];
    for (let i = 0; i < edges.length; i += 2) spans.push({ day: d.day, start: wireTime(edges[i]), end: wireTime(edges[i + 1]) });
    return spans;
  });
}

function toSettings(d: Draft): ClinicSettings {
  return {
    name: d.name,
    timeZoneId: d.timeZoneId,
    openingHours: d.hours.filter(h => h.open).map(h => ({ day: h.day, opens: wireTime(h.opens), closes: wireTime(h.closes) })),
    rooms: d.rooms.map(({ id, name, kind, capacity, outOfService }) => ({ id, name, kind, capacity, outOfService })),
    therapists: d.therapists.map(t => ({
      id: t.id, displayName: t.displayName, maxConcurrentPatients: t.maxConcurrentPatients, workingHours: spansOf(t),
      timeOff: t.timeOff.length > 0 ? [...t.timeOff].sort() : null,
    })),
    alerts: d.alerts,
    lobbyNaming: d.lobbyNaming,
    visitTypes: d.visitTypes.map(({ code, name, defaultMinutes }) => ({ code, name, defaultMinutes })),
    lobbyMessage: d.lobbyMessage.trim() || null,
    closedDates: d.closedDates.length > 0 ? [...d.closedDates].sort() : null,
    lateCancelHours: d.lateCancelHours,
    noShowGraceMinutes: d.noShowGraceMinutes,
  };
}

function emptySettings(): ClinicSettings {
  return {
    name: "", timeZoneId: browserTimeZone(),
    openingHours: days.slice(0, 5).map(day => ({ day, opens: "07:00:00", closes: "19:00:00" })),
    rooms: [], therapists: [], alerts: { waitingMinutes: 10, roomedWithoutTherapistMinutes: 15, overrunMinutes: 15 },
    lobbyNaming: "initials", visitTypes: [], lobbyMessage: null, closedDates: null, lateCancelHours: 24, noShowGraceMinutes: 15,
  };
}

function sectionOf(field: string): string {
  const head = field.split(/[.[]/)[0];
  return (sections as readonly string[]).includes(head) ? head : "form";
}

function errorsFor(section: string): string[] {
  return Object.entries(errors).filter(([field]) => sectionOf(field) === section).flatMap(([, messages]) => messages);
}

/** The messages about one part, right beside it; the part's inputs point at them. */
function problems(section: string): TemplateResult | typeof nothing {
  const messages = errorsFor(section);
  return messages.length === 0 ? nothing : html`<ul class="field-errors" id=${`errors-${section}`} data-errors=${section}>
    ${messages.map(m => html`<li>${m}</li>`)}</ul>`;
}

const invalid = (section: string) => (errorsFor(section).length > 0 ? "true" : nothing);
const describedBy = (section: string) => (errorsFor(section).length > 0 ? `errors-${section}` : nothing);

function update(change: () => void): void {
  change();
  draw();
}

function clinicPart(): TemplateResult {
  const zones = timeZones(draft.timeZoneId);
  return html`<section class="settings-part" aria-labelledby="part-clinic">
    <h2 id="part-clinic">Clinic</h2>
    <div class="fields">
      <label>Name <input name="name" maxlength="200" .value=${draft.name} aria-invalid=${invalid("name")} aria-describedby=${describedBy("name")}
        @input=${(e: Event) => update(() => { draft.name = textOf(e); })}></label>
      <label>Time zone <select name="timeZoneId" aria-invalid=${invalid("timeZoneId")} aria-describedby=${describedBy("timeZoneId")}
        @change=${(e: Event) => update(() => { draft.timeZoneId = textOf(e); })}>
        ${zones.map(z => html`<option value=${z} ?selected=${z === draft.timeZoneId}>${z.replaceAll("_", " ")}</option>`)}
      </select></label>
      <p class="hint">Clinic id <code>${clinicId}</code> (in every address; it does not change).</p>
    </div>
    ${problems("clinicId")}${problems("name")}${problems("timeZoneId")}
  </section>`;
}

function hoursPart(): TemplateResult {
  return html`<section class="settings-part" aria-labelledby="part-hours">
    <h2 id="part-hours">Opening hours</h2>
    <p class="hint">Closing at 00:00 means midnight.</p>
    <table class="settings-table"><thead><tr><th scope="col">Day</th><th scope="col">Open</th><th scope="col">Opens</th><th scope="col">Closes</th></tr></thead>
    <tbody>${repeat(draft.hours, h => h.day, h => html`<tr data-day=${h.day}>
      <th scope="row">${h.day}</th>
      <td><input type="checkbox" name="open" aria-label=${`Open on ${h.day}`} .checked=${h.open} @change=${(e: Event) => update(() => { h.open = checkedOf(e); })}></td>
      <td><input type="time" name="opens" aria-label=${`Opens on ${h.day}`} .value=${h.opens} ?disabled=${!h.open} @input=${(e: Event) => update(() => { h.opens = textOf(e); })}></td>
      <td><input type="time" name="closes" aria-label=${`Closes on ${h.day}`} .value=${h.closes} ?disabled=${!h.open} @input=${(e: Event) => update(() => { h.closes = textOf(e); })}></td>
    </tr>`)}</tbody></table>
    ${problems("openingHours")}
    ${datesPart("Closed dates (holidays)", "closed-dates", draft.closedDates, "closedDates")}
  </section>`;
}

/** A list of whole days (closed dates, a therapist's time off): add one with the date picker, remove each. */
function datesPart(label: string, name: string, dates: string[], section: string | null): TemplateResult {
  const add = (event: Event) => update(() => {
    const picked = (event.target as HTMLElement).parentElement!.querySelector<HTMLInputElement>("input[type=date]")!.value;
    if (picked && !dates.includes(picked)) dates.push(picked);
  });
  return html`<div class="dates" data-dates=${name}>
    <span class="dates-label">${label}</span>
    <ul class="date-list">${repeat(dates, d => d, d => html`<li>${d}
      <button type="button" class="link-button" aria-label=${`Remove ${d}`} @click=${() => update(() => { dates.splice(dates.indexOf(d), 1); })}>✕</button></li>`)}
      ${dates.length === 0 ? html`<li class="none">none</li>` : nothing}</ul>
    <input type="date" name=${`${name}-new`} aria-label=${`${label}: date to add`}>
    <button type="button" class="secondary" @click=${add}>Add date</button>
    ${section ? problems(section) : nothing}
  </div>`;
}

function idInput(row: { isNew: boolean; idTyped: boolean }, value: string, label: string, set: (id: string) => void): TemplateResult {
  return row.isNew
    ? html`<input name="id" class="id" maxlength="64" aria-label=${label} .value=${value}
        @input=${(e: Event) => update(() => { row.idTyped = true; set(textOf(e)); })}>`
    : html`<code class="id">${value}</code>`;
}

function roomsPart(): TemplateResult {
  return html`<section class="settings-part" aria-labelledby="part-rooms">
    <h2 id="part-rooms">Treatment spaces</h2>
    <table class="settings-table"><thead><tr><th scope="col">Name</th><th scope="col">Id</th><th scope="col">Kind</th><th scope="col">Capacity</th><th scope="col">Out of service</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
    <tbody>${repeat(draft.rooms, r => r.key, r => html`<tr data-room=${r.key}>
      <td><input name="name" maxlength="100" aria-label="Space name" .value=${r.name}
        @input=${(e: Event) => update(() => { r.name = textOf(e); if (r.isNew && !r.idTyped) r.id = idFrom(r.name); })}></td>
      <td>${idInput(r, r.id, "Space id", id => { r.id = id; })}</td>
      <td><select name="kind" aria-label="Kind" @change=${(e: Event) => update(() => { r.kind = textOf(e) as Kind; })}>
        ${kinds.map(([k, label]) => html`<option value=${k} ?selected=${k === r.kind}>${label}</option>`)}</select></td>
      <td><input type="number" name="capacity" min="1" max="100" aria-label="Capacity" .value=${String(r.capacity)} @input=${(e: Event) => update(() => { r.capacity = numberOf(e); })}></td>
      <td><input type="checkbox" name="outOfService" aria-label="Out of service" .checked=${r.outOfService} @change=${(e: Event) => update(() => { r.outOfService = checkedOf(e); })}></td>
      <td><button type="button" class="danger" @click=${() => update(() => { draft.rooms = draft.rooms.filter(x => x !== r); })}>Remove</button></td>
    </tr>`)}</tbody></table>
    ${draft.rooms.length === 0 ? html`<p class="hint">No treatment space yet.</p>` : nothing}
    <button type="button" class="secondary" id="add-room" @click=${() => update(() => {
      draft.rooms.push({ key: nextKey++, isNew: true, idTyped: false, id: "", name: "", kind: "private", capacity: 1, outOfService: false });
    })}>Add a treatment space</button>
    ${problems("rooms")}
  </section>`;
}

function dayPlan(t: TherapistRow, d: DayPlan): TemplateResult {
  return html`<tr data-day=${d.day}>
    <th scope="row">${d.day}</th>
    <td><input type="checkbox" name="works" aria-label=${`${t.displayName || "Therapist"} works on ${d.day}`} .checked=${d.works} @change=${(e: Event) => update(() => { d.works = checkedOf(e); })}></td>
    <td><input type="time" name="start" aria-label=${`Starts on ${d.day}`} .value=${d.start} ?disabled=${!d.works} @input=${(e: Event) => update(() => { d.start = textOf(e); })}></td>
    <td><input type="time" name="end" aria-label=${`Ends on ${d.day}`} .value=${d.end} ?disabled=${!d.works} @input=${(e: Event) => update(() => { d.end = textOf(e); })}></td>
    <td class="breaks">${repeat(d.breaks, b => b.key, b => html`<span class="break">
      <input type="time" name="break-from" aria-label=${`Break on ${d.day} from`} .value=${b.from} ?disabled=${!d.works} @input=${(e: Event) => update(() => { b.from = textOf(e); })}>–<input
        type="time" name="break-to" aria-label=${`Break on ${d.day} until`} .value=${b.to} ?disabled=${!d.works} @input=${(e: Event) => update(() => { b.to = textOf(e); })}>
      <button type="button" class="link-button" aria-label=${`Remove the break on ${d.day}`} @click=${() => update(() => { d.breaks = d.breaks.filter(x => x !== b); })}>✕</button></span>`)}
      <button type="button" class="link-button add-break" ?disabled=${!d.works} @click=${() => update(() => { d.breaks.push({ key: nextKey++, from: "12:00", to: "13:00" }); })}>+ break</button></td>
  </tr>`;
}

function therapistCard(t: TherapistRow): TemplateResult {
  return html`<fieldset class="therapist-setup" data-therapist=${t.key}>
    <legend>${t.displayName || "New therapist"}</legend>
    <div class="fields">
      <label>Name as shown <input name="displayName" maxlength="100" .value=${t.displayName}
        @input=${(e: Event) => update(() => { t.displayName = textOf(e); if (t.isNew && !t.idTyped) t.id = idFrom(t.displayName); })}></label>
      <label>Id ${idInput(t, t.id, "Therapist id", id => { t.id = id; })}</label>
      <label>Patients at once <input type="number" name="maxConcurrentPatients" min="1" max="10" .value=${String(t.maxConcurrentPatients)}
        @input=${(e: Event) => update(() => { t.maxConcurrentPatients = numberOf(e); })}></label>
      <label class="check"><input type="checkbox" name="ownHours" .checked=${t.ownHours} @change=${(e: Event) => update(() => { t.ownHours = checkedOf(e); })}>
        Own working hours (otherwise the clinic's opening hours)</label>
    </div>
    ${t.ownHours ? html`<table class="settings-table week"><thead><tr><th scope="col">Day</th><th scope="col">Works</th><th scope="col">From</th><th scope="col">Until</th><th scope="col">Breaks</th></tr></thead>
      <tbody>${repeat(t.week, d => d.day, d => dayPlan(t, d))}</tbody></table>` : nothing}
    ${datesPart("Days off", `time-off-${t.key}`, t.timeOff, null)}
    <button type="button" class="danger" @click=${() => update(() => { draft.therapists = draft.therapists.filter(x => x !== t); })}>Remove therapist</button>
  </fieldset>`;
}

function therapistsPart(): TemplateResult {
  return html`<section class="settings-part" aria-labelledby="part-therapists">
    <h2 id="part-therapists">Therapists</h2>
    ${repeat(draft.therapists, t => t.key, therapistCard)}
    ${draft.therapists.length === 0 ? html`<p class="hint">No therapist yet.</p>` : nothing}
    <button type="button" class="secondary" id="add-therapist" @click=${() => update(() => {
      draft.therapists.push({
        key: nextKey++, isNew: true, idTyped: false, id: "", displayName: "", maxConcurrentPatients: 1, ownHours: false,
        week: weekOf([], toSettings(draft).openingHours), timeOff: [],
      });
    })}>Add a therapist</button>
    ${problems("therapists")}
  </section>`;
}

function visitTypesPart(): TemplateResult {
  return html`<section class="settings-part" aria-labelledby="part-visit-types">
    <h2 id="part-visit-types">Visit types</h2>
    <table class="settings-table"><thead><tr><th scope="col">Name</th><th scope="col">Code</th><th scope="col">Default length (minutes)</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
    <tbody>${repeat(draft.visitTypes, v => v.key, v => html`<tr data-visit-type=${v.key}>
      <td><input name="name" maxlength="100" aria-label="Visit type name" .value=${v.name}
        @input=${(e: Event) => update(() => { v.name = textOf(e); if (v.isNew && !v.idTyped) v.code = idFrom(v.name); })}></td>
      <td>${idInput(v, v.code, "Visit type code", code => { v.code = code; })}</td>
      <td><input type="number" name="defaultMinutes" min="5" max="480" step="5" aria-label="Default length in minutes" .value=${String(v.defaultMinutes)}
        @input=${(e: Event) => update(() => { v.defaultMinutes = numberOf(e); })}></td>
      <td><button type="button" class="danger" @click=${() => update(() => { draft.visitTypes = draft.visitTypes.filter(x => x !== v); })}>Remove</button></td>
    </tr>`)}</tbody></table>
    <button type="button" class="secondary" id="add-visit-type" @click=${() => update(() => {
      draft.visitTypes.push({ key: nextKey++, isNew: true, idTyped: false, code: "", name: "", defaultMinutes: 45 });
    })}>Add a visit type</button>
    ${problems("visitTypes")}
  </section>`;
}

function minutesInput(label: string, name: keyof Alerts): TemplateResult {
  return html`<label>${label} <input type="number" name=${name} min="1" .value=${String(draft.alerts[name])}
    @input=${(e: Event) => update(() => { draft.alerts[name] = numberOf(e); })}></label>`;
}

function policiesPart(): TemplateResult {
  return html`<section class="settings-part" aria-labelledby="part-policies">
    <h2 id="part-policies">Alerts, lobby and policies</h2>
    <div class="fields">
      ${minutesInput("Alert when waiting longer than (minutes)", "waitingMinutes")}
      ${minutesInput("Alert when in a room without a therapist for (minutes)", "roomedWithoutTherapistMinutes")}
      ${minutesInput("Alert when a treatment overruns by (minutes)", "overrunMinutes")}
    </div>
    ${problems("alerts")}
    <div class="fields">
      <label>The lobby names patients by <select name="lobbyNaming" @change=${(e: Event) => update(() => { draft.lobbyNaming = textOf(e) as Naming; })}>
        ${namings.map(([n, label]) => html`<option value=${n} ?selected=${n === draft.lobbyNaming}>${label}</option>`)}</select></label>
      <label class="wide">Lobby message <input name="lobbyMessage" maxlength="200" placeholder="e.g. Free parking behind the building" .value=${draft.lobbyMessage}
        aria-invalid=${invalid("lobbyMessage")} aria-describedby=${describedBy("lobbyMessage")} @input=${(e: Event) => update(() => { draft.lobbyMessage = textOf(e); })}></label>
    </div>
    ${problems("lobbyNaming")}${problems("lobbyMessage")}
    <div class="fields">
      <label>No-show after (minutes past the start) <input type="number" name="noShowGraceMinutes" min="0" max="240" .value=${String(draft.noShowGraceMinutes)}
        aria-invalid=${invalid("noShowGraceMinutes")} aria-describedby=${describedBy("noShowGraceMinutes")} @input=${(e: Event) => update(() => { draft.noShowGraceMinutes = numberOf(e); })}></label>
      <label>A cancellation is late within (hours) <input type="number" name="lateCancelHours" min="0" max="168" .value=${String(draft.lateCancelHours)}
        aria-invalid=${invalid("lateCancelHours")} aria-describedby=${describedBy("lateCancelHours")} @input=${(e: Event) => update(() => { draft.lateCancelHours = numberOf(e); })}></label>
    </div>
    ${problems("noShowGraceMinutes")}${problems("lateCancelHours")}
  </section>`;
}

function savePart(): TemplateResult {
  return html`<div class="save-bar">
    <button type="submit" class="primary" id="save" ?disabled=${saving}>${saving ? "Saving…" : configured ? "Save setup" : "Create clinic"}</button>
    <div id="save-result" class=${`save-result ${summary?.kind ?? ""}`} role=${summary?.kind === "error" ? "alert" : "status"}>
      ${summary === null ? nothing : html`<p>${summary.lines[0]}</p>${summary.lines.length > 1 ? html`<ul>${summary.lines.slice(1).map(l => html`<li>${l}</li>`)}</ul>` : nothing}`}
    </div>
  </div>`;
}

function draw(): void {
  render(html`<form id="settings-form" novalidate @submit=${save}>
    ${clinicPart()}${hoursPart()}${roomsPart()}${therapistsPart()}${visitTypesPart()}${policiesPart()}${problems("form")}${savePart()}
  </form>`, root);
}

async function save(event: Event): Promise<void> {
  event.preventDefault();
  saving = true;
  draw();
  const answer = await submit<ClinicSettings>("PUT", api, toSettings(draft));
  saving = false;
  if (answer.ok) {
    draft = toDraft(answer.value);
    errors = {};
    configured = true;
    summary = { kind: "ok", lines: [`Saved at ${new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}. The board, lobby and schedule follow it now.`] };
    document.getElementById("clinic-title")!.textContent = `Setup · ${answer.value.name}`;
  } else {
    refused(answer.problem);
  }

  draw();
}

function refused(problem: Problem): void {
  errors = problem.errors;
  const count = messagesOf(problem).length;
  summary = {
    kind: "error",
    lines: [Object.keys(problem.errors).length > 0 ? `Not saved: ${count === 1 ? "one problem" : `${count} problems`}, shown beside each part.` : "Not saved.",
      ...messagesOf(problem)],
  };
}

const session = await mountNav();
if (session && session.role !== "Admin" && session.role !== "Manager") {
  render(html`<p class="notice">Only a clinic's managers and administrators change its setup.</p>`, root);
} else {
  const response = await fetch(api, { headers: { Accept: "application/json" } });
  // A clinic id an administrator chose (or a manager was given) that has no setup yet: this form creates it.
  configured = response.status !== 404;
  if (configured && !response.ok) {
    const problem = await response.json().catch(() => ({})) as { detail?: string; title?: string };
    render(html`<p class="notice">This clinic's setup cannot be opened: ${problem.detail ?? problem.title ?? `HTTP ${response.status}`}</p>`, root);
    throw new Error(`GET ${api}: ${response.status}`);
  }

  const config = configured ? await response.json() as ClinicSettings : emptySettings();
  draft = toDraft(config);
  const created = new URLSearchParams(window.location.search).has("created");
  summary = created ? { kind: "ok", lines: ["Clinic created. Add its treatment spaces, therapists and visit types, then save."] }
    : configured ? null : { kind: "ok", lines: ["This clinic has no setup yet: fill it in and create it."] };
  document.getElementById("clinic-title")!.textContent = configured ? `Setup · ${config.name}` : `Set up ${clinicId}`;
  draw();
}
