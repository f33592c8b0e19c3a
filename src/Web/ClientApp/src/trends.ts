// The manager's trends: KPIs over a range by day, week or month from the daily roll-up, against the targets, per
// therapist, with the period before (week over week, month over month) and the same period last year for comparison;
// a manager sets the clinic's targets here, beside the targets they judge. A click on a chart point (or a row's
// "Visits") lists the visits behind it. Every figure is defined in docs/figures.md and computed on the server; this page only shows them.
import { html, nothing, render, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { clinicFromPath, clinicOrNotFound, clockTime, getJson } from "./dom";
import { kpiColumns, targetMark } from "./kpi-columns";
import { mountNav } from "./nav";
import { submit, type Problem } from "./problem";
import { statusLabel } from "./statuses";
import { say } from "./toast";
import type { ClinicConfig, KpiFigures, KpiReport, KpiTarget, KpiVisit, VisitStatus } from "./types";

const session = mountNav();

type Figures = KpiFigures;
type Report = KpiReport;

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}`;
const main = document.getElementById("trends")!;
const charts: uPlot[] = [];
let config: ClinicConfig;
let report: Report | null = null;
let previous: Report | null = null;
let lastYear: Report | null = null;
let drill: { period: Figures; visits: KpiVisit[] } | null = null;
let error = "";
// The clinic's targets as the manager is editing them (null for those who may only read them), and the problem of
// the last save, shown beside its fields.
let targetDraft: KpiTarget[] | null = null;
let targetProblem: Problem | null = null;
let editorOpen = false;

function params(): URLSearchParams { return new URLSearchParams(window.location.search); }

function isoDay(date: Date): string { return date.toISOString().slice(0, 10); }

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** The same calendar day a year earlier (29 February goes to the 28th). */
function yearBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  if (d.getUTCMonth() !== month) d.setUTCDate(0);
  return isoDay(d);
}

function query(from: string, to: string): string {
  const p = params();
  const q = new URLSearchParams({ from, to, by: p.get("by") ?? "week" });
  const therapist = p.get("therapist");
  if (therapist) q.set("therapistId", therapist);
  return q.toString();
}

async function load(): Promise<void> {
  const p = params();
  const to = p.get("to") ?? report?.to ?? new Intl.DateTimeFormat("en-CA", { timeZone: config.timeZoneId }).format(new Date());
  const from = p.get("from") ?? addDays(to, -83);
  const length = (Date.parse(to) - Date.parse(from)) / 86400000 + 1;
  try {
    [report, previous, lastYear] = await Promise.all([
      getJson<Report>(`${api}/kpis?${query(from, to)}`),
      getJson<Report>(`${api}/kpis?${query(addDays(from, -length), addDays(from, -1))}`),
      getJson<Report>(`${api}/kpis?${query(yearBefore(from), yearBefore(to))}`),
    ]);
    error = "";
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  drill = null;
  draw();
}

function apply(event: Event): void {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const p = new URLSearchParams();
  for (const name of ["from", "to", "by", "therapist"]) {
    const value = String(form.get(name) ?? "");
    if (value) p.set(name, value);
  }
  history.replaceState(null, "", `${window.location.pathname}?${p}`);
  void load();
}

async function showVisits(period: Figures): Promise<void> {
  const q = new URLSearchParams({ from: period.start, to: period.end });
  const therapist = params().get("therapist");
  if (therapist) q.set("therapistId", therapist);
  drill = { period, visits: await getJson<KpiVisit[]>(`${api}/kpis/visits?${q}`) };
  draw();
  document.getElementById("drill")?.scrollIntoView({ block: "nearest" });
}

function periodLabel(f: Figures): string { return f.start === f.end ? f.start : `${f.start} – ${f.end}`; }

function change(now: number | null, before: number | null, unit: string, then = "the period before"): string {
  if (now === null || before === null) return "";
  const d = Math.round((now - before) * 10) / 10;
  return d === 0 ? `same as ${then}` : `${d > 0 ? "+" : ""}${d}${unit} on ${then}`;
}

function figure(r: Report | null, name: string): number | null {
  return r ? (r.total as unknown as Record<string, number | null>)[name] ?? null : null;
}

function controls(): TemplateResult {
  const p = params();
  return html`<form id="range" class="range" @submit=${apply}>
    <label>From <input type="date" name="from" .value=${report?.from ?? p.get("from") ?? ""}></label>
    <label>To <input type="date" name="to" .value=${report?.to ?? p.get("to") ?? ""}></label>
    <label>By <select name="by">
      ${["day", "week", "month"].map(b => html`<option value=${b} ?selected=${(p.get("by") ?? "week") === b}>${b}</option>`)}
    </select></label>
    <label>Therapist <select name="therapist">
      <option value="">All</option>
      ${config.therapists.map(t => html`<option value=${t.id} ?selected=${p.get("therapist") === t.id}>${t.displayName}</option>`)}
    </select></label>
    <button type="submit">Show</button>
    ${report ? html`<a id="csv" class="csv" href=${`${api}/kpis.csv?${query(report.from, report.to)}`} download>Download CSV</a>` : nothing}
  </form>`;
}

function targets(r: Report): TemplateResult {
  return html`<ul id="targets" class="targets">
    ${repeat(r.targets, t => t.figure, t => html`<li class="target ${t.state}" data-target=${t.figure} data-state=${t.state}>
      <span class="mark">${targetMark(t.state)}</span> ${t.text}
      ${previous ? html`<span class="note" data-compare="previous">${change(t.value, figure(previous, t.figure), "")}</span>` : nothing}
      ${lastYear ? html`<span class="note" data-compare="last-year">${change(t.value, figure(lastYear, t.figure), "", "the same period last year")}</span>` : nothing}
    </li>`)}
  </ul>`;
}

function fieldErrors(name: string): TemplateResult[] {
  return (targetProblem?.errors[name] ?? []).map(m => html`<span class="field-error" role="alert">${m}</span>`);
}

function targetEditor(r: Report): TemplateResult | typeof nothing {
  const draft = targetDraft;
  if (!draft) return nothing;
  const labels = new Map(r.targets.map(t => [t.figure, t]));
  const edit = (i: number, field: "on" | "near") => (e: Event) => {
    const text = (e.target as HTMLInputElement).value;
    // An empty or unreadable box is sent as it stands, so the server's problem names it rather than the page guessing.
    draft[i] = { ...draft[i], [field]: text === "" ? Number.NaN : Number(text) };
  };
  const other = Object.entries(targetProblem?.errors ?? {}).filter(([k]) => !/^targets\[\d+\]\.(on|near)$/.test(k)).flatMap(([, v]) => v);
  return html`<details id="target-editor" class="target-editor" .open=${editorOpen}
      @toggle=${(e: Event) => { editorOpen = (e.target as HTMLDetailsElement).open; }}>
    <summary>Set this clinic's targets</summary>
    <form id="targets-form" @submit=${saveTargets}>
      <table class="loads"><thead><tr><th scope="col">Figure</th><th scope="col">On target when</th><th scope="col">Near target when</th></tr></thead>
      <tbody>${repeat(draft, t => t.figure, (t, i) => {
        const shown = labels.get(t.figure);
        const word = shown?.target.startsWith("≤") ? "at most" : "at least";
        return html`<tr data-figure=${t.figure}><th scope="row">${shown?.label ?? t.figure}</th>
          <td><label>${word} <input type="number" step="0.1" name=${`${t.figure}-on`} .value=${Number.isNaN(t.on) ? "" : String(t.on)} @input=${edit(i, "on")}
            aria-invalid=${fieldErrors(`targets[${i}].on`).length > 0 ? "true" : "false"}></label>${fieldErrors(`targets[${i}].on`)}</td>
          <td><label>${word} <input type="number" step="0.1" name=${`${t.figure}-near`} .value=${Number.isNaN(t.near) ? "" : String(t.near)} @input=${edit(i, "near")}
            aria-invalid=${fieldErrors(`targets[${i}].near`).length > 0 ? "true" : "false"}></label>${fieldErrors(`targets[${i}].near`)}</td></tr>`;
      })}</tbody></table>
      ${other.map(m => html`<p class="field-error" role="alert">${m}</p>`)}
      <button type="submit">Save targets</button>
      <button type="button" class="secondary" @click=${resetTargets}>Back to the defaults</button>
    </form>
  </details>`;
}

async function saveTargets(event: Event): Promise<void> {
  event.preventDefault();
  if (!targetDraft) return;
  // JSON has no NaN: an empty box goes as null, which the server refuses by name.
  const targets = targetDraft.map(t => ({ figure: t.figure, on: Number.isNaN(t.on) ? null : t.on, near: Number.isNaN(t.near) ? null : t.near }));
  await changeTargets("PUT", { targets }, "Targets saved: the range is judged by them now.");
}

async function resetTargets(): Promise<void> {
  await changeTargets("DELETE", undefined, "Targets back to the defaults.");
}

/** Sends a change of the targets; a refusal stays beside the form, an answer becomes the form's draft and re-judges the range. */
async function changeTargets(method: "PUT" | "DELETE", body: unknown, done: string): Promise<void> {
  const answer = await submit<KpiTarget[]>(method, `${api}/kpi-targets`, body);
  if (!answer.ok) {
    targetProblem = answer.problem;
    draw();
    return;
  }
  targetProblem = null;
  targetDraft = answer.value;
  say(done, "info");
  await load();
}

function table(r: Report): TemplateResult {
  return html`<table id="periods" class="loads kpi-table">
    <thead><tr><th scope="col">Period</th>${kpiColumns.map(c => html`<th scope="col">${c[0]}</th>`)}<th scope="col"><span class="visually-hidden">Visits</span></th></tr></thead>
    <tbody>
      ${repeat(r.periods, f => f.start, f => html`<tr data-period=${f.start}>
        <th scope="row">${periodLabel(f)}</th>${kpiColumns.map(c => html`<td>${c[2](f[c[1]])}</td>`)}
        <td><button type="button" class="visits" @click=${() => void showVisits(f)}>Visits</button></td></tr>`)}
      <tr class="total" data-period="total"><th scope="row">Whole range</th>${kpiColumns.map(c => html`<td>${c[2](r.total[c[1]])}</td>`)}<td></td></tr>
      ${previous ? html`<tr class="previous" data-period="previous"><th scope="row">Period before (${previous.from} – ${previous.to})</th>
        ${kpiColumns.map(c => html`<td>${c[2](previous!.total[c[1]])}</td>`)}<td></td></tr>` : nothing}
      ${lastYear ? html`<tr class="previous" data-period="last-year"><th scope="row">Same period last year (${lastYear.from} – ${lastYear.to})</th>
        ${kpiColumns.map(c => html`<td>${c[2](lastYear!.total[c[1]])}</td>`)}<td></td></tr>` : nothing}
    </tbody>
  </table>`;
}

function therapists(r: Report): TemplateResult {
  const names = new Map(config.therapists.map(t => [t.id, t.displayName]));
  return html`<table id="by-therapist" class="loads kpi-table">
    <thead><tr><th scope="col">Therapist</th>${kpiColumns.map(c => html`<th scope="col">${c[0]}</th>`)}</tr></thead>
    <tbody>${repeat(r.therapists, b => b.id, b => html`<tr data-therapist=${b.id}><th scope="row">${names.get(b.id) ?? b.id}</th>
      ${kpiColumns.map(c => html`<td>${c[2](b.figures[c[1]])}</td>`)}</tr>`)}</tbody>
  </table>`;
}

function drillDown(): TemplateResult | typeof nothing {
  if (!drill) return nothing;
  return html`<section id="drill" aria-labelledby="drill-title">
    <h2 id="drill-title">Visits of ${periodLabel(drill.period)} (${drill.visits.length})</h2>
    <table class="loads"><thead><tr><th scope="col">Date</th><th scope="col">Time</th><th scope="col">Therapist</th><th scope="col">Type</th>
      <th scope="col">Status</th><th scope="col">Wait</th><th scope="col">Units</th><th scope="col">Patient</th></tr></thead>
    <tbody>${repeat(drill.visits, v => v.visitId, v => html`<tr data-visit=${v.visitId}>
      <td>${v.day}</td><td>${clockTime(v.scheduledStart, config.timeZoneId)}</td><td>${v.therapistId}</td><td>${v.visitType}</td>
      <td>${statusLabel[v.status as VisitStatus] ?? v.status}${v.lateCancellation ? " (late)" : ""}${v.walkIn ? " · walk-in" : ""}</td>
      <td>${v.waitMinutes === null ? "–" : `${v.waitMinutes} min`}</td><td>${v.units}</td>
      <td><a href=${`/patients/${encodeURIComponent(clinicId)}/${encodeURIComponent(v.patientId)}`}>Profile</a></td></tr>`)}</tbody></table>
  </section>`;
}

function draw(): void {
  render(html`
    ${controls()}
    ${error ? html`<p class="problem" role="alert">${error}</p>` : nothing}
    ${report ? html`
      <section aria-labelledby="target-title"><h2 id="target-title">Targets, ${report.from} – ${report.to}</h2>${targets(report)}${targetEditor(report)}</section>
      <section aria-labelledby="chart-title"><h2 id="chart-title">Trends by ${report.by} <span class="note">(click a point for its visits)</span></h2>
        <div class="trend-charts"><figure id="chart-visits" class="trend-chart"></figure><figure id="chart-rates" class="trend-chart"></figure>
        <figure id="chart-waits" class="trend-chart"></figure></div></section>
      ${drillDown()}
      <section aria-labelledby="table-title"><h2 id="table-title">Periods</h2>${table(report)}</section>
      <section aria-labelledby="therapist-title"><h2 id="therapist-title">By therapist</h2>${therapists(report)}</section>` : nothing}
  `, main);
  if (report) plot(report);
}

function plot(r: Report): void {
  for (const chart of charts.splice(0)) chart.destroy();
  const xs = r.periods.map(f => Date.parse(`${f.start}T12:00:00Z`) / 1000);
  const series = (keys: [keyof Figures, string, string][]) => keys.map(([, label, stroke]) =>
    ({ label, stroke, width: 2, points: { show: true, size: 7 }, value: (_: uPlot, v: number | null) => (v === null ? "–" : String(v)) }));
  const make = (id: string, title: string, keys: [keyof Figures, string, string][]) => {
    const target = document.getElementById(id)!;
    target.replaceChildren();
    const data = [xs, ...keys.map(([key]) => r.periods.map(f => f[key] as number | null))] as uPlot.AlignedData;
    const chart = new uPlot({
      title, width: Math.max(320, Math.min(620, target.clientWidth || 600)), height: 240,
      scales: { x: { time: true } }, series: [{ value: (_: uPlot, v: number) => new Date(v * 1000).toISOString().slice(0, 10) }, ...series(keys)],
      axes: [{}, {}],
    }, data, target);
    chart.over.addEventListener("click", (event: MouseEvent) => {
      // The point nearest the click along the time axis (the cursor's index is set a frame later than the click).
      const idx = chart.posToIdx(event.offsetX);
      if (r.periods[idx]) void showVisits(r.periods[idx]);
    });
    target.dataset.points = String(xs.length);
    charts.push(chart);
  };
  make("chart-visits", "Visits", [["scheduled", "Scheduled", "#1f5fa8"], ["attended", "Attended", "#1d7a3a"], ["noShows", "No-shows", "#b3261e"], ["cancelled", "Cancelled", "#8a5a00"]]);
  make("chart-rates", "Rates (%)", [["cancelNoShowRate", "Cancel + no-show", "#b3261e"], ["onTimeStartRate", "On-time start", "#1f5fa8"], ["seenWithin15Rate", "Seen ≤ 15 min", "#1d7a3a"], ["productivity", "Productivity", "#6a3d9a"]]);
  make("chart-waits", "Wait (min)", [["waitMean", "Mean", "#1f5fa8"], ["waitMedian", "Median", "#1d7a3a"], ["wait90th", "90th percentile", "#8a5a00"]]);
}

async function start(): Promise<void> {
  const found = await clinicOrNotFound<ClinicConfig>(api, main);
  if (!found) return;
  config = found;
  document.getElementById("clinic-name")!.textContent = `${config.name}: trends`;
  const me = await session;
  // Managers and administrators set the clinic's targets; everyone else who may read the page only sees them judged.
  if (me && (me.role === "Manager" || me.role === "Admin")) targetDraft = await getJson<KpiTarget[]>(`${api}/kpi-targets`);
  await load();
}

void start();
