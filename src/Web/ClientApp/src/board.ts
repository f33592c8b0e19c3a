// The front desk's patient-flow board: today's visits by status, time in status, alerts and one-tap actions.
// Rendered with keyed templates, so a push changes only the rows it carries: focus, scroll and an open menu stay put.
// Which steps a row offers is the server's answer (row.actions, from the visit state machine), never decided here.
import { html, nothing, render, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { LiveConnection, LiveView } from "./live";
import { clinicFromPath, clinicOrNotFound, clockTime, el, minutesSince, postJson, replace } from "./dom";
import type { BoardDelta, BoardOpening, BoardRow, BoardView, ClinicConfig, ManagerView, PatientMatch, VisitStatus } from "./types";
import { messagesOf, submit } from "./problem";
import { mountNav } from "./nav";
import { statusLabel } from "./statuses";
import { commandId } from "./ids";
import { say } from "./toast";

void mountNav();

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}`;

const groups: { id: string; title: string; statuses: VisitStatus[] }[] = [
  { id: "waiting", title: "Waiting", statuses: ["arrived", "checked-in"] },
  { id: "treatment", title: "In treatment", statuses: ["in-treatment"] },
  { id: "checkout", title: "To check out", statuses: ["finished"] },
  { id: "upcoming", title: "Upcoming", statuses: ["booked"] },
  { id: "done", title: "Done", statuses: ["checked-out"] },
  { id: "closed", title: "Cancelled, no-show, left", statuses: ["cancelled", "noshow", "left-without-being-seen", "entered-in-error"] },
];

const waitingStatuses: VisitStatus[] = ["arrived", "checked-in"];
const quietStatuses: VisitStatus[] = ["booked", "checked-out", "cancelled", "noshow", "left-without-being-seen", "entered-in-error"];

let config: ClinicConfig | null = null;
const boardElement = document.getElementById("board")!;
const therapistFilter = document.getElementById("filter-therapist") as HTMLSelectElement;
const groupFilter = document.getElementById("filter-status") as HTMLSelectElement;
const dialog = document.getElementById("ask") as HTMLDialogElement;
const pending = new Set<string>();

/** Groups this device keeps folded, remembered across visits. */
const collapsedKey = `pthub.board.collapsed.${clinicId}`;
const collapsed = new Set<string>(JSON.parse(window.localStorage.getItem(collapsedKey) ?? "[]") as string[]);

function zone(): string | undefined { return config?.timeZoneId; }

function time(iso: string): string { return clockTime(iso, zone()); }

interface Choice { name: string; label: string; options: { value: string; label: string }[]; value?: string; }

interface Question { title: string; message?: string; warning?: string; confirm: string; reason?: boolean; choices?: Choice[]; fields?: { name: string; label: string; type: string; value?: string; step?: string; max?: string }[]; }

/** A modal question; resolves with the form's values, or null when dismissed. */
function ask(q: Question): Promise<Record<string, string> | null> {
  const form = el("form", { method: "dialog" },
    el("h2", {}, q.title),
    q.message ? el("p", {}, q.message) : null,
    q.warning ? el("p", { class: "warning", role: "alert" }, `⚠ ${q.warning}`) : null,
    ...(q.fields ?? []).map(f => el("label", {}, f.label, el("input", { name: f.name, type: f.type, required: "", ...(f.step ? { step: f.step, min: "0" } : {}), ...(f.max ? { max: f.max } : {}), ...(f.value !== undefined ? { value: f.value } : {}) }))),
    ...(q.choices ?? []).map(c => el("label", {}, c.label,
      el("select", { name: c.name }, ...c.options.map(o => {
        const option = el("option", { value: o.value }, o.label);
        option.selected = o.value === c.value;
        return option;
      })))),
    q.reason ? el("label", {}, "Reason", el("input", { name: "reason", type: "text", required: "", maxlength: "200" })) : null,
    el("div", { class: "buttons" },
      el("button", { value: "cancel", type: "button", class: "secondary", "data-dismiss": "" }, "Back"),
      el("button", { value: "ok", type: "submit", class: "primary" }, q.confirm)));
  replace(dialog, form);
  return new Promise(resolve => {
    form.querySelector("[data-dismiss]")!.addEventListener("click", () => { dialog.close(); resolve(null); });
    form.addEventListener("submit", event => {
      event.preventDefault();
      const values: Record<string, string> = {};
      new FormData(form).forEach((v, k) => { values[k] = String(v); });
      dialog.close();
      resolve(values);
    });
    dialog.addEventListener("cancel", () => resolve(null), { once: true });
    dialog.showModal();
  });
}

/** Sends one step; true when the visit took it. */
async function command(row: BoardRow, action: string, body: Record<string, string | undefined> = {}): Promise<boolean> {
  try {
    await postJson(`${api}/visits/${encodeURIComponent(row.visitId)}/${action}`, { commandId: commandId(), ...body });
    return true;
  } catch (error) {
    say((error as Error).message);
    return false;
  }
}

function freeRooms(current: string | null): { value: string; label: string }[] {
  const spaces = manager.current?.spaces ?? [];
  return spaces.filter(s => s.id === current || (s.state !== "out-of-service" && s.occupied < s.capacity))
    .map(s => ({ value: s.id, label: `${s.name} (${s.occupied} of ${s.capacity})` }));
}

function freeTherapists(current: string): { value: string; label: string }[] {
  const loads = manager.current?.therapists ?? [];
  return loads.filter(t => t.id === current || t.treating < t.capacity)
    .map(t => ({ value: t.id, label: `${t.displayName} (${t.treating} of ${t.capacity})` }));
}

function roomName(id: string | undefined): string {
  return config?.rooms.find(r => r.id === id)?.name ?? id ?? "";
}

async function room(row: BoardRow): Promise<void> {
  const rooms = freeRooms(row.roomId);
  if (rooms.length === 0) { say("Every treatment space is full."); return; }
  const answer = await ask({ title: `Room ${row.patientName}`, confirm: "Room", choices: [{ name: "roomId", label: "Treatment space", options: rooms, value: row.roomId ?? undefined }] });
  if (!answer || answer.roomId === row.roomId) return;
  if (!await command(row, "assign", { roomId: answer.roomId })) return;
  const previous = row.roomId;
  // A move has an exact reverse: back to the space the patient was in.
  say(`${row.patientName} is now in ${roomName(answer.roomId)}.`, "info", previous
    ? { label: "Undo", run: async () => { if (await command({ ...row, roomId: answer.roomId }, "assign", { roomId: previous })) say(`${row.patientName} is back in ${roomName(previous)}.`, "info"); } }
    : undefined);
}

/** The toast's way back from a step just taken: the server's undo (its state machine decides whether it still may). */
function undoOf(row: BoardRow, action: string): { label: string; run: () => Promise<void> } {
  const step = stepNames[action] ?? action;
  return { label: "Undo", run: async () => { if (await command(row, "undo")) say(`${row.patientName}: ${step} undone.`, "info"); } };
}

const stepNames: Record<string, string> = {
  arrive: "arrival", "check-in": "check-in", start: "start of treatment", finish: "finish", cancel: "cancellation",
  "no-show": "no-show", "left-without-being-seen": "\u201cleft without being seen\u201d",
};

async function start(row: BoardRow): Promise<void> {
  const rooms = freeRooms(row.roomId);
  const therapists = freeTherapists(row.therapistId);
  if (therapists.length === 0) { say("No therapist has room for another patient right now."); return; }
  const answer = await ask({
    title: `Start treatment: ${row.patientName}`, confirm: "Start",
    choices: [
      { name: "roomId", label: "Treatment space", options: rooms, value: row.roomId ?? undefined },
      { name: "therapistId", label: "Therapist", options: therapists, value: row.therapistId },
    ],
  });
  if (answer && await command(row, "start", { roomId: answer.roomId, therapistId: answer.therapistId })) {
    say(`${row.patientName}: treatment started in ${roomName(answer.roomId)}.`, "info", undoOf(row, "start"));
  }
}

async function confirmAndSend(row: BoardRow, action: string, title: string, needsReason: boolean, done: string, warning?: string): Promise<void> {
  const answer = await ask({ title, message: `${row.patientName}, ${time(row.scheduledStart)} with ${row.therapistName}`, warning, confirm: title, reason: needsReason });
  if (answer && await command(row, action, needsReason ? { reason: answer.reason } : {})) say(`${row.patientName}: ${done}.`, "info", undoOf(row, action));
}

/** The copay question: the amount is the coverage's, and the desk may change it to what was really taken. */
function askCopay(row: BoardRow, title: string, confirm: string): Promise<Record<string, string> | null> {
  return ask({
    title, confirm, message: `Copay due: $${row.copayDue?.toFixed(2)}`,
    fields: [{ name: "amount", label: "Amount taken ($)", type: "number", step: "0.01", max: "10000", value: row.copayDue?.toFixed(2) }],
    choices: [{ name: "method", label: "Paid by", options: [
      { value: "card", label: "Card" }, { value: "cash", label: "Cash" }, { value: "check", label: "Check" }, { value: "waived", label: "Waived" }] }],
  });
}

async function collectCopay(row: BoardRow): Promise<void> {
  const answer = await askCopay(row, `Copay: ${row.patientName}`, "Collected");
  if (answer && await command(row, "collect-copay", { amount: answer.amount, method: answer.method })) {
    say(`${row.patientName}: copay of $${Number(answer.amount).toFixed(2)} recorded.`, "info");
  }
}

/** Checking out a patient whose copay is still due takes the copay first, in the same dialog. */
async function checkOut(row: BoardRow): Promise<void> {
  if (row.copayDue === null) {
    if (await command(row, "check-out")) say(`${row.patientName} is checked out.`, "info");
    return;
  }
  const answer = await askCopay(row, `Check out: ${row.patientName}`, "Collect and check out");
  if (!answer || !await command(row, "collect-copay", { amount: answer.amount, method: answer.method })) return;
  if (await command(row, "check-out")) say(`${row.patientName} is checked out; copay of $${Number(answer.amount).toFixed(2)} recorded.`, "info");
}

/** The step a server action code stands for on the board: its label, style and what a tap does. */
function step(row: BoardRow, action: string): { label: string; cls: string; run: () => Promise<void> } | null {
  const simple = (label: string, done: string, undo = true) => ({ label, cls: "primary", run: async () => {
    if (await command(row, action)) say(`${row.patientName} ${done}.`, "info", undo ? undoOf(row, action) : undefined);
  } });
  const lateCancel = row.cancelIsLate && config
    ? `This is a late cancellation: the visit is less than ${config.lateCancelHours} h away, and it will be recorded as late.` : undefined;
  switch (action) {
    case "arrive": return simple("Arrive", "has arrived");
    case "check-in": return simple("Check in", "is checked in");
    case "start": return { label: "Start…", cls: "primary", run: () => start(row) };
    case "assign": return { label: row.roomId ? "Move…" : "Room…", cls: "secondary", run: () => room(row) };
    case "finish": return simple("Finish", "has finished treatment");
    // Check-out bills the visit, so it has no undo.
    case "check-out": return { label: row.copayDue === null ? "Check out" : "Check out…", cls: "primary", run: () => checkOut(row) };
    case "cancel": return { label: "Cancel…", cls: "danger", run: () => confirmAndSend(row, "cancel", "Cancel visit", true, "visit cancelled", lateCancel) };
    case "no-show": return { label: "No-show…", cls: "danger", run: () => confirmAndSend(row, "no-show", "Mark no-show", false, "marked a no-show") };
    case "left-without-being-seen": return { label: "Left…", cls: "danger", run: () => confirmAndSend(row, "left-without-being-seen", "Left without being seen", false, "left without being seen") };
    default: return null;
  }
}

async function runStep(row: BoardRow, run: () => Promise<void>): Promise<void> {
  pending.add(row.visitId);
  show();
  try { await run(); } finally { pending.delete(row.visitId); show(); }
}

function actions(row: BoardRow): TemplateResult[] {
  const busy = pending.has(row.visitId);
  const buttons = (row.actions ?? []).map(a => step(row, a)).filter(s => s !== null).map(s =>
    html`<button type="button" class=${s.cls} ?disabled=${busy} @click=${() => runStep(row, s.run)}>${s.label}</button>`);
  if (row.copayDue !== null) {
    buttons.push(html`<button type="button" class="secondary" ?disabled=${busy} @click=${() => runStep(row, () => collectCopay(row))}>Copay $${row.copayDue.toFixed(2)}…</button>`);
  }
  return buttons;
}

/** Time in status, or for a waiting patient the wait since arrival: the same base as the long-wait alert. */
function timing(row: BoardRow, now: number): string {
  if (quietStatuses.includes(row.status)) return "";
  if (waitingStatuses.includes(row.status) && row.arrivedAt) {
    const estimate = row.estimatedWaitMinutes !== null ? ` · est. ${row.estimatedWaitMinutes} min more` : "";
    return `waiting ${minutesSince(row.arrivedAt, now)} min${estimate}`;
  }
  return `${minutesSince(row.statusSince, now)} min`;
}

function rowTemplate(row: BoardRow, now: number): TemplateResult {
  return html`<article class="visit status-${row.status}" data-visit=${row.visitId} data-status=${row.status}>
    <div class="time">${time(row.scheduledStart)}<small>${row.expectedStart ? `now ~${time(row.expectedStart)}` : `${row.durationMinutes} min`}</small></div>
    <div class="who"><strong><a class="patient" href="/patients/${encodeURIComponent(clinicId)}/${encodeURIComponent(row.patientId)}">${row.patientName}</a></strong>
      <small>${[row.visitType, row.walkIn ? "walk-in" : "", row.ticket ? `ticket #${row.ticket}` : ""].filter(Boolean).join(" · ")}</small></div>
    <div class="where"><span>${row.therapistName}</span><small>${row.roomName ?? "no room"}</small></div>
    <div class="state"><span class="chip ${row.status}">${statusLabel[row.status]}</span>${row.confirmedAt
      ? html` <span class="confirmed-mark" title=${`Confirmed at ${time(row.confirmedAt)}`}>✓ Confirmed</span>` : nothing}<small>${timing(row, now)}</small></div>
    <ul class="alerts">${row.alerts.map(a => html`<li class="alert ${a.code}">${alertContent(row, a.code, a.message)}</li>`)}</ul>
    <div class="actions">${row.copayPaid ? html`<span class="paid">Copay $${row.copayPaid.amount.toFixed(2)} paid · ${row.copayPaid.method}</span>` : nothing}${actions(row)}</div>
  </article>`;
}

/** An insurance alert leads to where it is settled: the patient's coverage. */
function alertContent(row: BoardRow, code: string, message: string): TemplateResult {
  return code === "no-insurance" || code.startsWith("insurance")
    ? html`<a href="/patients/${encodeURIComponent(clinicId)}/${encodeURIComponent(row.patientId)}#coverage">⚠ ${message}</a>`
    : html`⚠ ${message}`;
}

async function bookFromWaitlist(o: BoardOpening, entryId: string, name: string): Promise<void> {
  try {
    await postJson(`${api}/waitlist/${encodeURIComponent(entryId)}/book`, { start: o.opening.start, therapistId: o.opening.therapistId, commandId: commandId() });
    say(`${name} booked at ${time(o.opening.start)}.`, "info");
  } catch (error) {
    say((error as Error).message);
  }
}

/** The desk starts or stops an opening's waitlist offers; the board hears the outcome live, like every change. */
async function offers(o: BoardOpening, date: string, stop: boolean): Promise<void> {
  const url = `${api}/openings/${encodeURIComponent(o.opening.openingId)}/offers${stop ? "/stop" : ""}`;
  const answer = await submit("POST", url, stop ? {} : { date });
  if (answer.ok) say(stop ? `Offers for ${time(o.opening.start)} stopped.` : `${time(o.opening.start)} offered to the waitlist.`, "info");
  else say(messagesOf(answer.problem).join(" "));
}

/** "Offered to N · waiting", "Accepted by …", "Offers stopped", "Offers closed" (docs/figures.md, "Opening offers"). */
function offerLine(o: BoardOpening): TemplateResult | typeof nothing {
  const offer = o.offer;
  if (!offer) return nothing;
  const text = offer.state === "accepted" ? `Accepted by ${offer.acceptedBy ?? "a waiting patient"}`
    : offer.state === "offering" ? `Offered to ${offer.offered} · waiting`
    : offer.state === "stopped" ? `Offers stopped · offered to ${offer.offered}`
    : `Offers closed · offered to ${offer.offered}`;
  return html`<small class=${`offer-state ${offer.state}`} data-offer-state=${offer.state}>${text}</small>`;
}

function offerButton(o: BoardOpening, date: string): TemplateResult | typeof nothing {
  const state = o.offer?.state;
  if (state === "accepted") return nothing;
  return state === "offering"
    ? html`<button type="button" class="danger" data-offer="stop" @click=${() => offers(o, date, true)}>Stop offers</button>`
    : html`<button type="button" class="primary" data-offer="start" @click=${() => offers(o, date, false)}>Offer to waitlist</button>`;
}

function openingsSection(view: BoardView): TemplateResult | typeof nothing {
  const openings = view.openings ?? [];
  if (openings.length === 0) return nothing;
  return html`<section class="group openings" aria-label="Openings">
    <h2>Openings for the waitlist <span class="count">${openings.length}</span></h2>
    ${repeat(openings, o => o.opening.openingId, o => html`<article class="opening" data-opening=${o.opening.openingId}>
      <div class="time">${time(o.opening.start)}<small>${o.opening.minutes} min</small></div>
      <div class="who"><strong>${o.therapistName}</strong><small>freed slot</small>${offerLine(o)}</div>
      <div class="actions">${o.offer?.state === "accepted" ? nothing : html`${o.candidates.length > 0 || o.offer?.state === "offering" ? offerButton(o, view.date) : nothing}${
        o.candidates.length === 0
        ? html`<span class="empty">No one on the waitlist fits</span>`
        : o.candidates.map(c => html`<button type="button" class="secondary" data-entry=${c.entryId}
            @click=${() => bookFromWaitlist(o, c.entryId, c.patientName)}>Book ${c.patientName} (P${c.priority})</button>`)}`}</div>
    </article>`)}
  </section>`;
}

function toggle(groupId: string): void {
  if (collapsed.has(groupId)) collapsed.delete(groupId); else collapsed.add(groupId);
  window.localStorage.setItem(collapsedKey, JSON.stringify([...collapsed]));
  show();
}

function show(): void {
  const view = board.current;
  if (!view) return;
  const now = Date.now();
  const therapist = therapistFilter.value;
  const group = groupFilter.value;
  const rows = view.rows.filter(r => !therapist || r.therapistId === therapist);
  render(html`${openingsSection(view)}${groups.filter(g => !group || g.id === group).map(g => {
    const mine = rows.filter(r => g.statuses.includes(r.status));
    const open = !collapsed.has(g.id);
    return html`<section class="group ${g.id}" aria-label=${g.title}>
      <h2><button type="button" class="fold" aria-expanded=${open ? "true" : "false"} @click=${() => toggle(g.id)}>
        <span aria-hidden="true">${open ? "▾" : "▸"}</span> ${g.title} <span class="count">${mine.length}</span></button></h2>
      ${!open ? nothing : mine.length === 0 ? html`<p class="empty">None</p>` : repeat(mine, r => r.visitId, r => rowTemplate(r, now))}
    </section>`;
  })}`, boardElement);
}

function applyDelta(state: BoardView, delta: BoardDelta): BoardView {
  const rows = new Map(state.rows.map(r => [r.visitId, r]));
  for (const row of delta.upserts) rows.set(row.visitId, row);
  for (const id of delta.removed) rows.delete(id);
  const ordered = [...rows.values()].sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart) || a.visitId.localeCompare(b.visitId));
  return { ...state, version: delta.version, rows: ordered, openings: delta.openings ?? state.openings };
}

async function walkIn(): Promise<void> {
  if (!config) return;
  const answer = await ask({
    title: "Walk-in", confirm: "Add walk-in",
    fields: [{ name: "firstName", label: "First name", type: "text" }, { name: "lastName", label: "Last name", type: "text" }, { name: "birthDate", label: "Birth date", type: "date" }],
    choices: [
      { name: "therapistId", label: "Therapist", options: config.therapists.map(t => ({ value: t.id, label: t.displayName })) },
      { name: "visitType", label: "Visit type", options: config.visitTypes.map(t => ({ value: t.code, label: t.name })), value: "follow-up" },
    ],
  });
  if (!answer) return;
  try {
    const patientId = await walkInPatient(answer);
    if (!patientId) return;
    await postJson(`${api}/walk-ins`, { patientId, therapistId: answer.therapistId, visitType: answer.visitType, commandId: commandId() });
    say(`${answer.firstName} ${answer.lastName} added as a walk-in.`, "info");
  } catch (error) {
    say((error as Error).message);
  }
}

/**
 * The walk-in's patient: registered, or, when the clinic already knows somebody with the same name and birth date
 * (the server's 409 and its matches), the known record the desk picks; null when the desk goes back.
 */
async function walkInPatient(answer: Record<string, string>, confirmedNew = false): Promise<string | null> {
  const body = { firstName: answer.firstName, lastName: answer.lastName, birthDate: answer.birthDate, confirmedNew };
  const registered = await submit<{ patientId: string }>("POST", `${api}/patients`, body);
  if (registered.ok) return registered.value.patientId;
  const matches = registered.problem.body.matches as PatientMatch[] | undefined;
  if (registered.problem.status !== 409 || !matches?.length) throw new Error(messagesOf(registered.problem).join(" "));
  const picked = await pickKnown(matches);
  return picked === "new" ? walkInPatient(answer, true) : picked;
}

function pickKnown(matches: PatientMatch[]): Promise<string | null> {
  return new Promise(resolve => {
    const done = (value: string | null) => { dialog.close(); resolve(value); };
    const form = el("form", { method: "dialog", class: "known-patients" },
      el("h2", {}, "Already a patient?"),
      el("p", {}, "The clinic knows somebody with this name and birth date. Book the walk-in for the known record, or register a new one."),
      ...matches.map(m => {
        const use = el("button", { type: "button", class: "primary", "data-patient": m.patientId },
          `Use ${m.lastName}, ${m.firstName} · born ${m.birthDate}${m.phoneLast4 ? ` · phone …${m.phoneLast4}` : ""}`);
        use.addEventListener("click", () => done(m.patientId));
        return use;
      }),
      el("div", { class: "buttons" },
        el("button", { type: "button", class: "secondary", "data-dismiss": "" }, "Back"),
        el("button", { type: "button", class: "secondary", "data-new": "" }, "Register a new patient")));
    form.querySelector("[data-dismiss]")!.addEventListener("click", () => done(null));
    form.querySelector("[data-new]")!.addEventListener("click", () => done("new"));
    dialog.addEventListener("cancel", () => resolve(null), { once: true });
    replace(dialog, form);
    dialog.showModal();
  });
}

const live = new LiveConnection(document.getElementById("live"));
const board = new LiveView<BoardView, BoardDelta>(live, "SubscribeBoard", "BoardChanged", clinicId, applyDelta, () => show());
const manager = new LiveView<ManagerView, ManagerView>(live, "SubscribeManager", "ManagerChanged", clinicId, (_, next) => next, () => undefined);

for (const filter of [therapistFilter, groupFilter]) filter.addEventListener("change", () => show());
for (const g of groups) groupFilter.append(el("option", { value: g.id }, g.title));
document.getElementById("walk-in")!.addEventListener("click", () => void walkIn());
// Minutes in status count on between pushes; keyed rendering touches only the text that changed.
window.setInterval(() => show(), 15000);

config = await clinicOrNotFound<ClinicConfig>(api, boardElement);
if (config) {
  live.timeZone = config.timeZoneId;
  document.getElementById("clinic-name")!.textContent = config.name;
  document.title = `${config.name} · Board`;
  for (const t of config.therapists) therapistFilter.append(el("option", { value: t.id }, t.displayName));
  void live.start();
} else {
  document.getElementById("live")!.hidden = true;
}
