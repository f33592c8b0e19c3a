// The schedule's dialogs: book a slot (find or register the patient), move a visit, a visit's menu, book a waiting
// patient into an opening, next free slots, and a plan of care. The server decides every rule: its conflicts come back
// in words, and the desk may book anyway with a reason, which the visit keeps.
import { html, nothing, render, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clockTime, clinicDate, send } from "./dom";
import { commandId } from "./ids";
import { messagesOf, submit } from "./problem";
import type { BoardOpening, ClinicConfig, ScheduleEntry } from "./types";

/** A patient as the dialogs show one: enough to tell two apart (the phone's last digits at most). */
interface PatientMatch { patientId: string; firstName: string; lastName: string; birthDate: string; phone: string | null; }
import { hhmm, instantAt, localDate, minuteOfDay, parseHhmm, weekdayNames } from "./clinic-time";
import { statusLabel } from "./statuses";
import { say } from "./toast";

/** A place on the grid: a date, a minute of it, and the column's therapist or space. */
export interface Slot { date: string; minute: number; start: Date; therapistId?: string; roomId?: string; }

interface PatientPicker {
  chosen: PatientMatch | null; query: string; results: PatientMatch[]; searching: boolean; note: string;
  registering: boolean; first: string; last: string; birthDate: string; phone: string; matches: PatientMatch[];
}

interface Booking {
  kind: "book" | "move"; visit?: ScheduleEntry; picker: PatientPicker; date: string; time: string; therapistId: string;
  roomId: string; visitType: string; minutes: number; messages: string[]; conflicts: string[]; reason: string; busy: boolean;
}

function picker(chosen: PatientMatch | null = null): PatientPicker {
  return { chosen, query: "", results: [], searching: false, note: "", registering: false, first: "", last: "", birthDate: "", phone: "", matches: [] };
}

function nameOf(p: PatientMatch): string { return `${p.lastName}, ${p.firstName}`; }

function value(e: Event): string { return (e.target as HTMLInputElement).value; }

function asMatches(body: unknown): PatientMatch[] {
  const list = Array.isArray(body) ? body : (body as { matches?: unknown[] })?.matches ?? [];
  return (list as Record<string, unknown>[]).map(p => ({
    patientId: String(p.patientId ?? p.id ?? ""),
    firstName: String(p.firstName ?? (p.details as Record<string, unknown>)?.firstName ?? ""),
    lastName: String(p.lastName ?? (p.details as Record<string, unknown>)?.lastName ?? ""),
    birthDate: String(p.birthDate ?? (p.details as Record<string, unknown>)?.birthDate ?? ""),
    phone: p.phoneLast4 ? `…${String(p.phoneLast4)}` : (p.phone ?? (p.details as Record<string, unknown>)?.phone ?? null) as string | null,
  }));
}

export class ScheduleDialogs {
  private searchTimer = 0;

  constructor(
    private readonly api: string,
    private readonly config: ClinicConfig,
    private readonly dialog: HTMLDialogElement,
    private readonly findEntry: (visitId: string) => ScheduleEntry | null,
    private readonly shownDate: () => string,
    /** The instant a date begins, when the page holds that date's schedule. */
    private readonly heldMidnight: (date: string) => string | null,
  ) {
    dialog.addEventListener("close", () => render(nothing, dialog));
  }

  private get zone(): string { return this.config.timeZoneId; }

  private show(template: TemplateResult): void {
    render(template, this.dialog);
    if (!this.dialog.open) this.dialog.showModal();
  }

  private close(): void { this.dialog.close(); }


  private therapistName(id: string): string { return this.config.therapists.find(t => t.id === id)?.displayName ?? id; }

  // --- the patient: search as you type, or register ---------------------------------------------------------------

  private pickerTemplate(p: PatientPicker, redraw: () => void): TemplateResult {
    if (p.chosen) {
      return html`<div class="picked" id="picked-patient"><strong>${nameOf(p.chosen)}</strong>
        <small>born ${p.chosen.birthDate}${p.chosen.phone ? ` · ${p.chosen.phone}` : ""}</small>
        <button type="button" class="secondary" @click=${() => { p.chosen = null; redraw(); }}>Change</button></div>`;
    }

    if (p.registering) {
      return html`<fieldset class="register"><legend>New patient</legend>
        <label>First name <input name="firstName" required .value=${p.first} @input=${(e: Event) => { p.first = value(e); }}></label>
        <label>Last name <input name="lastName" required .value=${p.last} @input=${(e: Event) => { p.last = value(e); }}></label>
        <label>Birth date <input name="birthDate" type="date" required .value=${p.birthDate} @input=${(e: Event) => { p.birthDate = value(e); }}></label>
        <label>Phone <input name="phone" type="tel" .value=${p.phone} @input=${(e: Event) => { p.phone = value(e); }}></label>
        ${p.matches.length > 0 ? html`<div class="matches" role="alert"><p>Already known, same name and birth date or phone:</p>
          ${p.matches.map(m => html`<button type="button" class="secondary match" @click=${() => { p.chosen = m; p.registering = false; p.matches = []; redraw(); }}>
            Use ${nameOf(m)}, born ${m.birthDate}</button>`)}
          <button type="button" class="secondary" id="confirm-new" @click=${() => void this.register(p, redraw, true)}>No, register a new patient</button></div>` : nothing}
        ${p.note ? html`<p class="field-errors" role="alert">${p.note}</p>` : nothing}
        <div class="buttons"><button type="button" class="secondary" @click=${() => { p.registering = false; redraw(); }}>Search instead</button>
          <button type="button" class="primary" id="register" @click=${() => void this.register(p, redraw, false)}>Register</button></div>
      </fieldset>`;
    }

    return html`<div class="patient-search">
      <label>Patient <input id="patient-query" type="search" autocomplete="off" placeholder="Name, birth date or phone" .value=${p.query}
        @input=${(e: Event) => { p.query = value(e); this.search(p, redraw); }}></label>
      <ul class="results" aria-live="polite">
        ${repeat(p.results, r => r.patientId, r => html`<li><button type="button" class="result" data-patient-id=${r.patientId}
          @click=${() => { p.chosen = r; redraw(); }}>${nameOf(r)} <small>born ${r.birthDate}${r.phone ? ` · ${r.phone}` : ""}</small></button></li>`)}
      </ul>
      ${p.note ? html`<p class="hint">${p.note}</p>` : nothing}
      <button type="button" class="secondary" id="new-patient" @click=${() => { p.registering = true; p.note = ""; redraw(); }}>Register a new patient</button>
    </div>`;
  }

  private search(p: PatientPicker, redraw: () => void): void {
    window.clearTimeout(this.searchTimer);
    const query = p.query.trim();
    if (query.length < 2) { p.results = []; p.note = ""; redraw(); return; }
    this.searchTimer = window.setTimeout(async () => {
      try {
        const found = asMatches(await send("GET", `${this.api}/patients?q=${encodeURIComponent(query)}`));
        if (p.query.trim() !== query) return;
        p.results = found;
        p.note = found.length === 0 ? `No patient matches "${query}".` : "";
      } catch (error) {
        p.results = [];
        p.note = (error as Error).message;
      }
      redraw();
    }, 200);
  }

  private async register(p: PatientPicker, redraw: () => void, confirmedNew: boolean): Promise<void> {
    const answer = await submit<Record<string, unknown>>("POST", `${this.api}/patients`, {
      firstName: p.first.trim(), lastName: p.last.trim(), birthDate: p.birthDate || null, phone: p.phone.trim() || null, confirmedNew,
    });
    if (answer.ok) {
      p.chosen = asMatches([answer.value])[0];
      p.registering = false;
      p.matches = [];
      p.note = "";
    } else if (answer.problem.status === 409 && Array.isArray(answer.problem.body.matches)) {
      p.matches = asMatches(answer.problem.body.matches);
      p.note = "";
    } else {
      p.note = messagesOf(answer.problem).join(" ");
    }
    redraw();
  }

  // --- book and move ------------------------------------------------------------------------------------------------

  book(slot: Slot | null, patient: PatientMatch | null = null): void {
    const type = this.config.visitTypes.find(t => t.code === "follow-up") ?? this.config.visitTypes[0];
    const state: Booking = {
      kind: "book", picker: picker(patient), date: slot?.date ?? this.shownDate(), time: slot ? hhmm(slot.minute) : "09:00",
      therapistId: slot?.therapistId ?? this.config.therapists[0]?.id ?? "", roomId: slot?.roomId ?? "",
      visitType: type?.code ?? "", minutes: type?.defaultMinutes ?? 45, messages: [], conflicts: [], reason: "", busy: false,
    };
    this.drawBooking(state);
    this.dialog.querySelector<HTMLInputElement>("#patient-query")?.focus();
  }

  /** A visit dropped on another slot: moved at once when nothing conflicts, else the move dialog says why. */
  async moveTo(visitId: string, slot: Slot): Promise<void> {
    const visit = this.findEntry(visitId);
    if (!visit) return;
    const state = this.moveState(visit);
    state.date = slot.date;
    state.time = hhmm(slot.minute);
    state.therapistId = slot.therapistId ?? visit.therapistId;
    state.roomId = slot.roomId ?? visit.roomId ?? "";
    await this.sendBooking(state, true);
  }

  move(visit: ScheduleEntry): void {
    this.drawBooking(this.moveState(visit));
  }

  private moveState(visit: ScheduleEntry): Booking {
    const minute = minuteOfDay(visit.scheduledStart, this.zone);
    return {
      kind: "move", visit, picker: picker(), date: localDate(visit.scheduledStart, this.zone), time: hhmm(minute), therapistId: visit.therapistId,
      roomId: visit.roomId ?? "", visitType: visit.visitTypeCode, minutes: visit.durationMinutes, messages: [], conflicts: [], reason: "", busy: false,
    };
  }

  private drawBooking(state: Booking): void {
    const redraw = () => this.drawBooking(state);
    const move = state.kind === "move";
    this.show(html`<form class="booking" @submit=${(e: Event) => { e.preventDefault(); void this.sendBooking(state, false); }}>
      <h2>${move ? `Move ${state.visit!.patientName}` : "Book a visit"}</h2>
      ${move ? html`<p>${state.visit!.visitTypeName}, ${state.visit!.durationMinutes} min · now ${clinicDate(state.visit!.scheduledStart, this.zone)} ${clockTime(state.visit!.scheduledStart, this.zone)} with ${this.therapistName(state.visit!.therapistId)}</p>`
        : this.pickerTemplate(state.picker, redraw)}
      ${move ? nothing : html`<div class="row">
        <label>Visit type <select name="visitType" @change=${(e: Event) => {
          state.visitType = value(e);
          state.minutes = this.config.visitTypes.find(t => t.code === state.visitType)?.defaultMinutes ?? state.minutes;
          redraw();
        }}>${this.config.visitTypes.map(t => html`<option value=${t.code} ?selected=${t.code === state.visitType}>${t.name} (${t.defaultMinutes} min)</option>`)}</select></label>
        <label>Minutes <input name="minutes" type="number" min="5" max="480" step="5" .value=${String(state.minutes)} @input=${(e: Event) => { state.minutes = Number(value(e)); }}></label>
      </div>`}
      <div class="row">
        <label>Date <input name="date" type="date" required .value=${state.date} @input=${(e: Event) => { state.date = value(e); }}></label>
        <label>Time <input name="time" type="time" step="300" required .value=${state.time} @input=${(e: Event) => { state.time = value(e); }}></label>
      </div>
      <div class="row">
        <label>Therapist <select name="therapistId" @change=${(e: Event) => { state.therapistId = value(e); }}>
          ${this.config.therapists.map(t => html`<option value=${t.id} ?selected=${t.id === state.therapistId}>${t.displayName}</option>`)}</select></label>
        <label>Space <select name="roomId" @change=${(e: Event) => { state.roomId = value(e); }}>
          <option value="" ?selected=${state.roomId === ""}>Any (decided on arrival)</option>
          ${this.config.rooms.map(r => html`<option value=${r.id} ?selected=${r.id === state.roomId}>${r.name}</option>`)}</select></label>
      </div>
      ${state.messages.length > 0 ? html`<ul class="field-errors" role="alert">${state.messages.map(m => html`<li>${m}</li>`)}</ul>` : nothing}
      ${state.conflicts.length > 0 ? html`<div class="conflicts" role="alert"><p><strong>This ${move ? "move" : "booking"} conflicts:</strong></p>
        <ul>${state.conflicts.map(c => html`<li>${c}</li>`)}</ul>
        <label>Reason to ${move ? "move" : "book"} anyway <input id="override-reason" name="overrideReason" maxlength="200" required .value=${state.reason}
          @input=${(e: Event) => { state.reason = value(e); }}></label></div>` : nothing}
      <div class="buttons">
        <button type="button" class="secondary" @click=${() => this.close()}>Back</button>
        <button type="submit" class="primary" id="confirm" ?disabled=${state.busy}>${state.conflicts.length > 0 ? `${move ? "Move" : "Book"} anyway` : move ? "Move" : "Book"}</button>
      </div>
    </form>`);
  }

  private async sendBooking(state: Booking, quiet: boolean): Promise<void> {
    const minute = parseHhmm(state.time);
    state.messages = [];
    if (state.kind === "book" && !state.picker.chosen) state.messages.push("Choose the patient first (search, or register a new one).");
    if (minute === null) state.messages.push("Give the time as hh:mm.");
    if (state.messages.length > 0) { this.drawBooking(state); return; }

    const midnight = await this.midnightOf(state.date);
    const start = instantAt(midnight, minute!, this.zone).toISOString();
    const override = state.conflicts.length > 0 ? state.reason.trim() || null : null;
    state.busy = true;
    if (!quiet) this.drawBooking(state);
    const answer = state.kind === "book"
      ? await submit<{ warnings?: string[] }>("POST", `${this.api}/visits`, {
          patientId: state.picker.chosen!.patientId, therapistId: state.therapistId, visitType: state.visitType, scheduledStart: start,
          durationMinutes: state.minutes, roomId: state.roomId || null, overrideReason: override, commandId: commandId(),
        })
      : await submit<unknown>("POST", `${this.api}/visits/${encodeURIComponent(state.visit!.visitId)}/reschedule`, {
          scheduledStart: start, therapistId: state.therapistId, roomId: state.roomId || null, overrideReason: override, commandId: commandId(),
        });
    state.busy = false;
    if (answer.ok) {
      this.close();
      const who = state.kind === "book" ? nameOf(state.picker.chosen!) : state.visit!.patientName;
      const warnings = (answer.value as { warnings?: string[] } | null)?.warnings ?? [];
      say(`${state.kind === "book" ? "Booked" : "Moved"} ${who}: ${state.date} ${state.time} with ${this.therapistName(state.therapistId)}.${warnings.length ? ` ⚠ ${warnings.join(" ")}` : ""}`,
        warnings.length ? "error" : "info");
      return;
    }

    const conflicts = answer.problem.body.conflicts as string[] | undefined;
    if (answer.problem.status === 409 && conflicts && conflicts.length > 0) {
      state.conflicts = conflicts;
    } else {
      state.conflicts = [];
      state.messages = messagesOf(answer.problem);
    }
    this.drawBooking(state);
    this.dialog.querySelector<HTMLInputElement>("#override-reason")?.focus();
  }

  /**
   * The instant a date begins in the clinic: from the schedule the page holds, or else (a date typed into the dialog)
   * from the one the server sends for that date.
   */
  private async midnightOf(date: string): Promise<string> {
    const held = this.heldMidnight(date);
    if (held) return held;
    const view = await send("GET", `${this.api}/schedule?date=${date}`) as { frame: { midnight: string } };
    return view.frame.midnight;
  }

  // --- a visit's menu -----------------------------------------------------------------------------------------------

  visitMenu(entry: ScheduleEntry): void {
    const start = minuteOfDay(entry.scheduledStart, this.zone);
    const can = (action: string) => entry.actions.includes(action);
    const patient: PatientMatch = { patientId: entry.patientId, firstName: entry.patientName.split(", ")[1] ?? "", lastName: entry.patientName.split(", ")[0] ?? entry.patientName, birthDate: "", phone: null };
    this.show(html`<div class="visit-menu">
      <h2>${entry.patientName}</h2>
      <p>${clinicDate(entry.scheduledStart, this.zone)} ${hhmm(start)}–${hhmm(start + entry.durationMinutes)} · ${entry.visitTypeName} · ${this.therapistName(entry.therapistId)}
        ${entry.roomId ? ` · ${this.config.rooms.find(r => r.id === entry.roomId)?.name ?? entry.roomId}` : ""}</p>
      <p><span class="chip ${entry.status}">${statusLabel[entry.status]}</span></p>
      <div class="menu-actions">
        <a class="button secondary" href=${`/patients/${encodeURIComponent(this.clinicId())}/${encodeURIComponent(entry.patientId)}`}>Patient profile</a>
        ${can("reschedule") ? html`<button type="button" class="secondary" id="menu-move" @click=${() => this.move(entry)}>Move…</button>` : nothing}
        ${can("arrive") ? html`<button type="button" class="secondary" id="menu-arrive" @click=${() => void this.step(entry, "arrive")}>Arrived</button>` : nothing}
        ${can("cancel") ? html`<button type="button" class="danger" id="menu-cancel" @click=${() => this.cancel(entry)}>Cancel visit…</button>` : nothing}
        ${can("noshow") ? html`<button type="button" class="danger" id="menu-noshow" @click=${() => void this.step(entry, "noshow", { reason: "did not come" })}>No-show</button>` : nothing}
        <button type="button" class="secondary" id="menu-slots" @click=${() => this.freeSlots(patient)}>Next free slots for this patient</button>
        <button type="button" class="secondary" id="menu-plan" @click=${() => this.planOfCare(patient)}>Plan of care…</button>
      </div>
      <div class="buttons"><button type="button" class="secondary" @click=${() => this.close()}>Close</button></div>
    </div>`);
  }

  private clinicId(): string { return decodeURIComponent(this.api.split("/")[3] ?? ""); }

  private cancel(entry: ScheduleEntry): void {
    let reason = "";
    let message = "";
    const draw = () => this.show(html`<form @submit=${async (e: Event) => {
        e.preventDefault();
        message = await this.step(entry, "cancel", { reason: reason.trim() }) ?? "";
        if (message) draw();
      }}>
      <h2>Cancel ${entry.patientName}'s visit</h2>
      ${entry.cancelIsLate ? html`<p class="warning" role="alert">⚠ This is a late cancellation (within ${this.config.lateCancelHours} h of the start) and will be recorded as one.</p>` : nothing}
      <label>Reason <input id="cancel-reason" required maxlength="200" .value=${reason} @input=${(e: Event) => { reason = value(e); }}></label>
      ${message ? html`<p class="field-errors" role="alert">${message}</p>` : nothing}
      <div class="buttons"><button type="button" class="secondary" @click=${() => this.close()}>Back</button>
        <button type="submit" class="danger" id="confirm-cancel">Cancel the visit</button></div>
    </form>`);
    draw();
  }

  /** Sends a step of the visit; closes the dialog when taken, else answers the server's message. */
  private async step(entry: ScheduleEntry, action: string, body: Record<string, string> = {}): Promise<string | null> {
    const answer = await submit<unknown>("POST", `${this.api}/visits/${encodeURIComponent(entry.visitId)}/${action}`, { commandId: commandId(), ...body });
    if (answer.ok) {
      this.close();
      say(`${entry.patientName}: ${action === "noshow" ? "no-show" : action === "cancel" ? "cancelled" : "arrived"}.`, "info");
      return null;
    }
    return messagesOf(answer.problem).join(" ");
  }

  // --- an opening and its waitlist candidates -----------------------------------------------------------------------

  openingMenu(opening: BoardOpening): void {
    const start = minuteOfDay(opening.opening.start, this.zone);
    let message = "";
    const draw = () => this.show(html`<div class="opening-menu">
      <h2>Opening ${hhmm(start)}–${hhmm(start + opening.opening.minutes)} with ${opening.therapistName}</h2>
      ${opening.candidates.length === 0 ? html`<p>No one on the waitlist fits this slot.</p>` : html`<ol class="candidates">
        ${opening.candidates.map(c => html`<li><span><strong>${c.patientName}</strong> <small>priority ${c.priority}, waiting since ${clinicDate(c.waitingSince, this.zone)}</small></span>
          <button type="button" class="primary" data-entry-id=${c.entryId} @click=${async () => {
            const answer = await submit<unknown>("POST", `${this.api}/waitlist/${encodeURIComponent(c.entryId)}/book`,
              { start: opening.opening.start, therapistId: opening.opening.therapistId, commandId: commandId() });
            if (answer.ok) { this.close(); say(`Booked ${c.patientName} into the opening at ${hhmm(start)}.`, "info"); }
            else { message = messagesOf(answer.problem).join(" "); draw(); }
          }}>Book</button></li>`)}</ol>`}
      ${message ? html`<p class="field-errors" role="alert">${message}</p>` : nothing}
      <div class="buttons"><button type="button" class="secondary" @click=${() => this.close()}>Close</button></div>
    </div>`);
    draw();
  }

  // --- next free slots ------------------------------------------------------------------------------------------------

  freeSlots(patient: PatientMatch | null = null): void {
    const p = picker(patient?.birthDate ? patient : null);
    if (patient && !patient.birthDate) p.chosen = patient;
    const state = {
      visitType: this.config.visitTypes.find(t => t.code === "follow-up")?.code ?? this.config.visitTypes[0]?.code ?? "",
      therapistId: "", days: new Set<string>(), after: "", before: "", from: this.shownDate(),
      slots: [] as { start: string; therapistId: string }[], message: "", searched: false,
    };
    const find = async () => {
      const query = new URLSearchParams({ visitType: state.visitType, from: state.from, days: "14" });
      if (state.therapistId) query.set("therapistId", state.therapistId);
      if (state.days.size > 0) query.set("weekdays", [...state.days].join(","));
      if (state.after) query.set("after", state.after);
      if (state.before) query.set("before", state.before);
      const answer = await fetch(`${this.api}/free-slots?${query.toString()}`, { headers: { Accept: "application/json" } });
      const body = await answer.json();
      if (answer.ok) { state.slots = (body.slots as { start: string; therapistId: string }[]).slice(0, 24); state.message = ""; }
      else { state.slots = []; state.message = messagesOf({ title: body.title, detail: body.detail ?? null, errors: body.errors ?? {}, status: answer.status, body }).join(" "); }
      state.searched = true;
      draw();
    };
    const bookSlot = (slot: { start: string; therapistId: string }) => {
      const date = localDate(slot.start, this.zone);
      const minute = minuteOfDay(slot.start, this.zone);
      const type = this.config.visitTypes.find(t => t.code === state.visitType);
      this.book({ date, minute, start: new Date(slot.start), therapistId: slot.therapistId }, p.chosen);
      if (type) {
        const select = this.dialog.querySelector<HTMLSelectElement>("select[name=visitType]");
        if (select) { select.value = type.code; select.dispatchEvent(new Event("change")); }
      }
    };
    const draw = () => this.show(html`<form class="free-slots" @submit=${(e: Event) => { e.preventDefault(); void find(); }}>
      <h2>Next free slots</h2>
      ${this.pickerTemplate(p, draw)}
      <div class="row">
        <label>Visit type <select name="visitType" @change=${(e: Event) => { state.visitType = value(e); }}>
          ${this.config.visitTypes.map(t => html`<option value=${t.code} ?selected=${t.code === state.visitType}>${t.name} (${t.defaultMinutes} min)</option>`)}</select></label>
        <label>Therapist <select name="therapistId" @change=${(e: Event) => { state.therapistId = value(e); }}>
          <option value="">Any therapist</option>
          ${this.config.therapists.map(t => html`<option value=${t.id} ?selected=${t.id === state.therapistId}>${t.displayName}</option>`)}</select></label>
      </div>
      <fieldset class="weekdays"><legend>Days (none: any)</legend>
        ${weekdayNames.map(d => html`<label class="check"><input type="checkbox" name="weekday" value=${d} .checked=${state.days.has(d)}
          @change=${(e: Event) => { if ((e.target as HTMLInputElement).checked) state.days.add(d); else state.days.delete(d); }}>${d.slice(0, 3)}</label>`)}
      </fieldset>
      <div class="row">
        <label>From <input type="date" name="from" .value=${state.from} @input=${(e: Event) => { state.from = value(e); }}></label>
        <label>Not before <input type="time" name="after" .value=${state.after} @input=${(e: Event) => { state.after = value(e); }}></label>
        <label>Done by <input type="time" name="before" .value=${state.before} @input=${(e: Event) => { state.before = value(e); }}></label>
      </div>
      ${state.message ? html`<p class="field-errors" role="alert">${state.message}</p>` : nothing}
      ${state.searched && state.slots.length === 0 && !state.message ? html`<p>No free slot in the next 14 days fits.</p>` : nothing}
      <ul class="slot-list">${state.slots.map(s => html`<li><button type="button" class="secondary free-slot" data-start=${s.start} @click=${() => bookSlot(s)}>
        ${clinicDate(s.start, this.zone)} ${clockTime(s.start, this.zone)} · ${this.therapistName(s.therapistId)}</button></li>`)}</ul>
      <div class="buttons"><button type="button" class="secondary" @click=${() => this.close()}>Close</button>
        <button type="submit" class="primary" id="find">Find</button></div>
    </form>`);
    draw();
  }

  // --- a plan of care -------------------------------------------------------------------------------------------------

  planOfCare(patient: PatientMatch | null = null): void {
    const p = picker(patient);
    const state = {
      therapistId: this.config.therapists[0]?.id ?? "", visitType: this.config.visitTypes.find(t => t.code === "follow-up")?.code ?? "",
      perWeek: 2, weeks: 4, startDate: this.shownDate(), days: new Set<string>(["Monday", "Thursday"]), time: "09:00", roomId: "",
      messages: [] as string[], result: null as null | { visitIds: string[]; unplaced: { weekOf: string; reason: string }[] },
    };
    const create = async () => {
      state.messages = p.chosen ? [] : ["Choose the patient first."];
      if (!p.chosen) { draw(); return; }
      const answer = await submit<{ visitIds: string[]; unplaced: { weekOf: string; reason: string }[] }>("POST",
        `${this.api}/patients/${encodeURIComponent(p.chosen.patientId)}/plans-of-care`, {
          therapistId: state.therapistId, visitType: state.visitType, visitsPerWeek: state.perWeek, weeks: state.weeks,
          startDate: state.startDate, preferredDays: [...state.days], preferredTime: `${state.time}:00`, roomId: state.roomId || null,
        });
      if (answer.ok) state.result = answer.value;
      else state.messages = messagesOf(answer.problem);
      draw();
    };
    const draw = () => this.show(state.result ? html`<div class="plan-result">
        <h2>Plan of care booked</h2>
        <p id="plan-summary">${state.result.visitIds.length} of ${state.perWeek * state.weeks} visits booked for ${p.chosen ? nameOf(p.chosen) : ""}.</p>
        ${state.result.unplaced.length > 0 ? html`<p><strong>${state.result.unplaced.length} could not be placed:</strong></p>
          <ul id="plan-unplaced">${state.result.unplaced.map(u => html`<li>Week of ${u.weekOf}: ${u.reason}</li>`)}</ul>` : html`<p>Every session found a time.</p>`}
        <div class="buttons"><button type="button" class="primary" @click=${() => this.close()}>Done</button></div>
      </div>` : html`<form class="plan" @submit=${(e: Event) => { e.preventDefault(); void create(); }}>
      <h2>Plan of care</h2>
      ${this.pickerTemplate(p, draw)}
      <div class="row">
        <label>Therapist <select name="therapistId" @change=${(e: Event) => { state.therapistId = value(e); }}>
          ${this.config.therapists.map(t => html`<option value=${t.id} ?selected=${t.id === state.therapistId}>${t.displayName}</option>`)}</select></label>
        <label>Visit type <select name="visitType" @change=${(e: Event) => { state.visitType = value(e); }}>
          ${this.config.visitTypes.map(t => html`<option value=${t.code} ?selected=${t.code === state.visitType}>${t.name}</option>`)}</select></label>
      </div>
      <div class="row">
        <label>Visits a week <input type="number" name="perWeek" min="1" max="7" .value=${String(state.perWeek)} @input=${(e: Event) => { state.perWeek = Number(value(e)); }}></label>
        <label>Weeks <input type="number" name="weeks" min="1" max="26" .value=${String(state.weeks)} @input=${(e: Event) => { state.weeks = Number(value(e)); }}></label>
        <label>Starting <input type="date" name="startDate" .value=${state.startDate} @input=${(e: Event) => { state.startDate = value(e); }}></label>
        <label>At <input type="time" name="time" .value=${state.time} @input=${(e: Event) => { state.time = value(e); }}></label>
      </div>
      <fieldset class="weekdays"><legend>Preferred days</legend>
        ${weekdayNames.map(d => html`<label class="check"><input type="checkbox" name="weekday" value=${d} .checked=${state.days.has(d)}
          @change=${(e: Event) => { if ((e.target as HTMLInputElement).checked) state.days.add(d); else state.days.delete(d); }}>${d.slice(0, 3)}</label>`)}
      </fieldset>
      ${state.messages.length > 0 ? html`<ul class="field-errors" role="alert">${state.messages.map(m => html`<li>${m}</li>`)}</ul>` : nothing}
      <div class="buttons"><button type="button" class="secondary" @click=${() => this.close()}>Back</button>
        <button type="submit" class="primary" id="create-plan">Book the plan</button></div>
    </form>`);
    draw();
  }
}
