// The front desk's calendar: a day with one column per therapist (or per treatment space), or one therapist's week,
// on a 15-minute grid in the clinic's time zone. Live: each date shown is its own subscription of the live protocol,
// so a booking, a move or a status change made anywhere appears here without a reload. Keyed templates keep focus,
// scroll and an open dialog in place through every push.
import { html, nothing, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { cssom } from "./cssom";
import { LiveConnection, LiveView } from "./live";
import { clinicFromPath, clinicOrNotFound, clockTime } from "./dom";
import { mountNav } from "./nav";
import type { BoardOpening, ClinicConfig, ScheduleDelta, ScheduleEntry, ScheduleSpan, ScheduleView } from "./types";
import { addDays, dayLabel, hhmm, instantAt, localDate, minuteOfDay, mondayOf } from "./clinic-time";
import { didNotHappen, statusLabel } from "./statuses";
import { ScheduleDialogs, type Slot } from "./schedule-dialogs";

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}`;
const params = new URLSearchParams(window.location.search);
const mode: "day" | "week" = params.get("view") === "week" ? "week" : "day";
const by: "therapist" | "space" = params.get("by") === "space" ? "space" : "therapist";
const pxPerMinute = 2;
const slotMinutes = 15;

const main = document.getElementById("schedule")!;
const bar = document.getElementById("schedule-bar")!;

interface Column {
  key: string; title: string; subtitle: string; date: string; view: ScheduleView;
  therapistId: string | null; roomId: string | null; available: ScheduleSpan[]; entries: ScheduleEntry[]; openings: BoardOpening[];
}

let config: ClinicConfig;
let zone = "UTC";
let date = "";
let weekTherapist = "";
let showClosed = false;
const views = new Map<string, LiveView<ScheduleView, ScheduleDelta>>();
let dialogs: ScheduleDialogs;
let dragged: string | null = null;

function applyDelta(state: ScheduleView, delta: ScheduleDelta): ScheduleView {
  const entries = new Map(state.entries.map(e => [e.visitId, e]));
  for (const id of delta.removed) entries.delete(id);
  for (const entry of delta.upserts) entries.set(entry.visitId, entry);
  return {
    ...state, version: delta.version, frame: delta.frame ?? state.frame, openings: delta.openings ?? state.openings,
    entries: [...entries.values()].sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart) || a.visitId.localeCompare(b.visitId)),
  };
}

function go(changes: Record<string, string | null>): void {
  const next = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  window.location.assign(`${window.location.pathname}?${next.toString()}`);
}

function dates(): string[] {
  if (mode === "day") return [date];
  const monday = mondayOf(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

function columns(): Column[] {
  const shown = (e: ScheduleEntry) => showClosed || !didNotHappen.includes(e.status);
  if (mode === "week") {
    return dates().flatMap(d => {
      const view = views.get(d)?.current;
      if (!view) return [];
      const therapist = view.frame.therapists.find(t => t.id === weekTherapist);
      return [{
        key: d, title: dayLabel(d), subtitle: therapist?.dayOff ? "Day off" : spansText(therapist?.working ?? [], view.frame.timeZoneId),
        date: d, view, therapistId: weekTherapist, roomId: null, available: therapist?.working ?? [],
        entries: view.entries.filter(e => e.therapistId === weekTherapist && shown(e)),
        openings: view.openings.filter(o => o.opening.therapistId === weekTherapist),
      }];
    });
  }

  const view = views.get(date)?.current;
  if (!view) return [];
  if (by === "space") {
    const spaces: Column[] = view.frame.spaces.map(s => ({
      key: s.id, title: s.name, subtitle: s.outOfService ? "Out of service" : `${s.kind}, ${s.capacity} at once`, date, view,
      therapistId: null, roomId: s.id, available: s.outOfService ? [] : view.frame.open,
      entries: view.entries.filter(e => e.roomId === s.id && shown(e)), openings: [],
    }));
    const unplaced = view.entries.filter(e => e.roomId === null && shown(e));
    return unplaced.length === 0 ? spaces : [...spaces, {
      key: "-", title: "No space planned", subtitle: `${unplaced.length} visit${unplaced.length === 1 ? "" : "s"}`, date, view,
      therapistId: null, roomId: null, available: view.frame.open, entries: unplaced, openings: [],
    }];
  }

  return view.frame.therapists.map(t => ({
    key: t.id, title: t.displayName, subtitle: t.dayOff ? "Day off" : spansText(t.working, view.frame.timeZoneId), date, view,
    therapistId: t.id, roomId: null, available: t.working,
    entries: view.entries.filter(e => e.therapistId === t.id && shown(e)),
    openings: view.openings.filter(o => o.opening.therapistId === t.id),
  }));
}

function spansText(spans: ScheduleSpan[], timeZone: string): string {
  return spans.length === 0 ? "Not working" : spans.map(s => `${clockTime(s.from, timeZone)}–${clockTime(s.until, timeZone)}`).join(", ");
}

/** Minutes of the column's day covered by a span (clipped to the day). */
function spanMinutes(span: ScheduleSpan, column: Column): [number, number] {
  const midnight = new Date(column.view.frame.midnight).getTime();
  const from = Math.max(0, Math.round((new Date(span.from).getTime() - midnight) / 60000));
  const until = Math.min(1440, Math.round((new Date(span.until).getTime() - midnight) / 60000));
  return [from, until];
}

/** The rows the grid shows: the earliest hour anything opens, works or is booked to the latest, 08:00–18:00 when empty. */
function range(cols: Column[]): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  for (const column of cols) {
    for (const span of [...column.available, ...column.view.frame.open]) {
      const [from, until] = spanMinutes(span, column);
      first = Math.min(first, from);
      last = Math.max(last, until);
    }
    for (const entry of column.entries) {
      const start = minuteOfDay(entry.scheduledStart, zone);
      first = Math.min(first, start);
      last = Math.max(last, start + entry.durationMinutes);
    }
  }
  if (!Number.isFinite(first)) [first, last] = [8 * 60, 18 * 60];
  return [Math.max(0, Math.floor(first / 60) * 60), Math.min(1440, Math.ceil(last / 60) * 60)];
}

/** Side-by-side lanes for visits that overlap, so none hides another. */
function lanes(entries: ScheduleEntry[]): Map<string, { lane: number; of: number }> {
  const placed = new Map<string, { lane: number; of: number }>();
  const sorted = [...entries].sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
  let cluster: { id: string; lane: number; end: number }[] = [];
  let clusterEnd = -Infinity;
  const close = () => {
    const of = Math.max(1, ...cluster.map(c => c.lane + 1));
    for (const c of cluster) placed.set(c.id, { lane: c.lane, of });
    cluster = [];
  };
  for (const entry of sorted) {
    const start = new Date(entry.scheduledStart).getTime();
    const end = start + entry.durationMinutes * 60000;
    if (start >= clusterEnd) close();
    const taken = new Set(cluster.filter(c => c.end > start).map(c => c.lane));
    let lane = 0;
    while (taken.has(lane)) lane++;
    cluster.push({ id: entry.visitId, lane, end });
    clusterEnd = Math.max(clusterEnd, end);
  }
  close();
  return placed;
}

function available(column: Column, minute: number): boolean {
  return column.available.some(span => {
    const [from, until] = spanMinutes(span, column);
    return minute >= from && minute + slotMinutes <= until;
  });
}

function slotOf(column: Column, minute: number): Slot {
  return {
    date: column.date, minute, start: instantAt(column.view.frame.midnight, minute, zone),
    therapistId: column.therapistId ?? undefined, roomId: column.roomId ?? undefined,
  };
}

function entryTemplate(entry: ScheduleEntry, first: number, lane: { lane: number; of: number }) {
  const start = minuteOfDay(entry.scheduledStart, zone);
  const style = {
    top: `${(start - first) * pxPerMinute}px`, height: `${Math.max(entry.durationMinutes * pxPerMinute - 2, 22)}px`,
    left: `calc(${lane.lane} * 100% / ${lane.of})`, width: `calc(100% / ${lane.of} - 4px)`,
  };
  const movable = entry.actions.includes("reschedule");
  const when = `${hhmm(start)}–${hhmm(start + entry.durationMinutes)}`;
  return html`<button type="button" class="appt status-${entry.status}" ${cssom(style)} data-visit-id=${entry.visitId}
      draggable=${movable ? "true" : "false"} aria-label=${`${when} ${entry.patientName}, ${entry.visitTypeName}, ${statusLabel[entry.status]}${entry.confirmedAt ? ", confirmed" : ""}`}
      @dragstart=${(e: DragEvent) => { dragged = entry.visitId; e.dataTransfer?.setData("text/plain", entry.visitId); }}
      @dragend=${() => { dragged = null; }}
      @click=${() => dialogs.visitMenu(entry)}>
    <span class="appt-time">${when}</span>
    <span class="appt-name">${entry.patientName}</span>
    <span class="appt-type">${entry.visitTypeName}${entry.walkIn ? " · walk-in" : ""}${entry.confirmedAt ? html` · <span class="confirmed-mark">✓ confirmed</span>` : nothing}</span>
    <span class="chip ${entry.status}">${statusLabel[entry.status]}</span>
  </button>`;
}

function openingTemplate(opening: BoardOpening, first: number) {
  const start = minuteOfDay(opening.opening.start, zone);
  const style = { top: `${(start - first) * pxPerMinute}px`, height: `${Math.max(opening.opening.minutes * pxPerMinute - 2, 22)}px` };
  const count = opening.candidates.length;
  return html`<button type="button" class="opening" ${cssom(style)} data-opening-id=${opening.opening.openingId}
      @click=${() => dialogs.openingMenu(opening)}>
    <span class="appt-time">${hhmm(start)} opening</span>
    <span>${count === 0 ? "No one on the waitlist fits" : `${count} on the waitlist fit${count === 1 ? "s" : ""}`}</span>
  </button>`;
}

/** An opening a waiting patient took through an offer is a booked visit now: the schedule draws the visit only. */
const stillFree = (o: BoardOpening) => o.offer?.state !== "accepted";

function columnTemplate(column: Column, first: number, last: number) {
  const minutes = Array.from({ length: (last - first) / slotMinutes }, (_, i) => first + i * slotMinutes);
  const placed = lanes(column.entries);
  const label = mode === "week" ? `${column.title}` : column.title;
  return html`<section class="sched-col" data-column=${column.key} aria-label=${label}>
    <h2 class="sched-head"><span>${column.title}</span><small>${column.subtitle}</small></h2>
    <div class="sched-body" ${cssom({ height: `${(last - first) * pxPerMinute}px` })}>
      ${minutes.map(minute => {
        const free = available(column, minute);
        return html`<button type="button" class="slot ${free ? "" : "off"} ${minute % 60 === 0 ? "hour" : ""}" data-time=${hhmm(minute)}
          ${cssom({ top: `${(minute - first) * pxPerMinute}px`, height: `${slotMinutes * pxPerMinute}px` })}
          aria-label=${`Book ${hhmm(minute)}, ${column.title}${free ? "" : " (outside working hours)"}`}
          @click=${() => dialogs.book(slotOf(column, minute))}
          @dragover=${(e: DragEvent) => { if (dragged) e.preventDefault(); }}
          @drop=${(e: DragEvent) => { e.preventDefault(); const id = dragged ?? e.dataTransfer?.getData("text/plain"); dragged = null; if (id) void dialogs.moveTo(id, slotOf(column, minute)); }}>
        </button>`;
      })}
      ${repeat(column.openings.filter(stillFree), o => o.opening.openingId, o => openingTemplate(o, first))}
      ${repeat(column.entries, e => e.visitId, e => entryTemplate(e, first, placed.get(e.visitId)!))}
    </div>
  </section>`;
}

function nowLine(first: number, last: number) {
  if (!dates().includes(localDate(Date.now(), zone))) return nothing;
  const minute = minuteOfDay(Date.now(), zone);
  if (minute < first || minute > last) return nothing;
  return html`<div class="now-line" ${cssom({ top: `${(minute - first) * pxPerMinute}px` })} aria-hidden="true"></div>`;
}

function draw(): void {
  const cols = columns();
  const [first, last] = range(cols);
  const hours = Array.from({ length: (last - first) / 60 }, (_, i) => first + i * 60);
  const closed = mode === "day" && views.get(date)?.current?.frame.open.length === 0;
  const hidden = [...views.values()].flatMap(v => v.current?.entries ?? []).filter(e => didNotHappen.includes(e.status)
    && (mode === "day" || e.therapistId === weekTherapist)).length;
  render(html`
    ${closed ? html`<p class="closed-note" role="note">The clinic is closed on ${dayLabel(date)}.</p>` : nothing}
    <div class="sched" ${cssom({ "--cols": String(Math.max(cols.length, 1)) })}>
      <div class="sched-times" aria-hidden="true">
        <div class="sched-head"></div>
        <div class="sched-body" ${cssom({ height: `${(last - first) * pxPerMinute}px` })}>
          ${hours.map(h => html`<span ${cssom({ top: `${(h - first) * pxPerMinute}px` })}>${hhmm(h)}</span>`)}
        </div>
      </div>
      <div class="sched-cols">
        ${repeat(cols, c => c.key, c => columnTemplate(c, first, last))}
        <div class="sched-now">${nowLine(first, last)}</div>
      </div>
    </div>
    <label class="show-closed"><input type="checkbox" id="show-closed" .checked=${showClosed}
      @change=${(e: Event) => { showClosed = (e.target as HTMLInputElement).checked; draw(); }}>
      Show cancelled and no-shows (${hidden})</label>`, main);
}

function drawBar(): void {
  const step = mode === "week" ? 7 : 1;
  const today = localDate(Date.now(), zone);
  render(html`
    <h1 id="clinic-name">Schedule · ${config.name}</h1>
    <div class="controls">
      <div class="date-nav" role="group" aria-label="Date">
        <button type="button" class="secondary" id="prev" @click=${() => go({ date: addDays(date, -step) })}>‹ Previous</button>
        <button type="button" class="secondary" id="today" ?disabled=${dates().includes(today)} @click=${() => go({ date: null })}>Today</button>
        <button type="button" class="secondary" id="next" @click=${() => go({ date: addDays(date, step) })}>Next ›</button>
        <label><span class="visually-hidden">Go to date</span>
          <input type="date" id="date" .value=${date} @change=${(e: Event) => { const v = (e.target as HTMLInputElement).value; if (v) go({ date: v }); }}></label>
      </div>
      <div class="toggle" role="group" aria-label="View">
        <button type="button" id="view-day" aria-pressed=${String(mode === "day")} @click=${() => go({ view: null })}>Day</button>
        <button type="button" id="view-week" aria-pressed=${String(mode === "week")} @click=${() => go({ view: "week", therapist: weekTherapist })}>Week</button>
      </div>
      ${mode === "day"
        ? html`<div class="toggle" role="group" aria-label="Columns">
            <button type="button" id="by-therapist" aria-pressed=${String(by === "therapist")} @click=${() => go({ by: null })}>Therapists</button>
            <button type="button" id="by-space" aria-pressed=${String(by === "space")} @click=${() => go({ by: "space" })}>Spaces</button>
          </div>`
        : html`<label>Therapist <select id="week-therapist" @change=${(e: Event) => go({ therapist: (e.target as HTMLSelectElement).value })}>
            ${config.therapists.map(t => html`<option value=${t.id} ?selected=${t.id === weekTherapist}>${t.displayName}</option>`)}
          </select></label>`}
      <button type="button" class="secondary" id="find-slots" @click=${() => dialogs.freeSlots()}>Next free slots</button>
      <button type="button" class="secondary" id="plan-of-care" @click=${() => dialogs.planOfCare()}>Plan of care</button>
      <button type="button" class="primary" id="book" @click=${() => dialogs.book(null)}>+ Book</button>
    </div>
    <span id="live" class="live" data-state="connecting">○ Connecting…</span>`, bar);
}

async function start(): Promise<void> {
  void mountNav();
  const loaded = await clinicOrNotFound<ClinicConfig>(api, main);
  if (!loaded) return;
  config = loaded;
  zone = config.timeZoneId;
  date = params.get("date") && /^\d{4}-\d{2}-\d{2}$/.test(params.get("date")!) ? params.get("date")! : localDate(Date.now(), zone);
  weekTherapist = config.therapists.some(t => t.id === params.get("therapist")) ? params.get("therapist")! : config.therapists[0]?.id ?? "";
  document.title = `Schedule · ${config.name}`;
  drawBar();
  const live = new LiveConnection(document.getElementById("live"));
  live.timeZone = zone;
  dialogs = new ScheduleDialogs(api, config, document.getElementById("ask") as HTMLDialogElement,
    id => [...views.values()].flatMap(v => v.current?.entries ?? []).find(e => e.visitId === id) ?? null, () => date,
    d => views.get(d)?.current?.frame.midnight ?? null);
  for (const d of dates()) {
    views.set(d, new LiveView<ScheduleView, ScheduleDelta>(live, "SubscribeSchedule", "ScheduleChanged", clinicId, applyDelta,
      () => draw(), [d], push => push.date === d));
  }
  await live.start();
  // The now-line moves with the clock; nothing else on the grid does.
  window.setInterval(() => draw(), 60000);
}

void start();
