// The manager's view: treatment spaces, therapist load, today's KPIs and the day's curve, live. No names.
// Every figure is defined in docs/figures.md and computed on the server; this page only shows them, in clinic time.
import { html, render, svg, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { LiveConnection, LiveView } from "./live";
import { clinicFromPath, clinicOrNotFound, clockTime, getJson } from "./dom";
import type { ClinicConfig, DayKpis, EquipmentDue, ManagerView, StaffAlerts, SupplyItem, SpaceLoad, TherapistLoad, TimelinePoint } from "./types";
import { mountNav } from "./nav";
import { alertText } from "./staff-alerts";

void mountNav();

const clinicId = clinicFromPath();
const stateLabels: Record<string, string> = { free: "Free", occupied: "In use", full: "Full", "out-of-service": "Out of service" };
const stateMarks: Record<string, string> = { free: "□", occupied: "◧", full: "■", "out-of-service": "✕" };

function space(s: SpaceLoad): TemplateResult {
  return html`<article class="space ${s.state}" data-space=${s.id}>
    <h3>${s.name}</h3>
    <p class="kind">${s.kind}</p>
    <p class="occupancy">${s.occupied} of ${s.capacity}</p>
    <p class="state">${stateMarks[s.state] ?? ""} ${stateLabels[s.state] ?? s.state}</p>
    <p class="util">${s.utilizationPercent}% used today</p>
    <p class="util-basis">${s.occupiedMinutes} of ${s.availableMinutes} place-minutes</p>
  </article>`;
}

function therapistRow(t: TherapistLoad): TemplateResult {
  return html`<tr data-therapist=${t.id}>
    <th scope="row">${t.displayName}</th>
    <td>${t.treating} of ${t.capacity}</td>
    <td>${t.waiting}</td>
    <td>${t.treatingMinutes} / ${t.workingMinutes} min</td>
    <td>${t.scheduledMinutes} min</td>
    <td class="util">${t.workingMinutes === 0 ? "–" : `${t.utilizationPercent}%`}</td>
  </tr>`;
}

function kpi(label: string, value: string, id: string, note = ""): TemplateResult {
  return html`<div class="kpi" data-kpi=${id}><span class="value">${value}</span><span class="name">${label}</span>${note ? html`<span class="note">${note}</span>` : null}</div>`;
}

function minutes(value: number | null): string {
  return value === null ? "–" : `${value} min`;
}

function kpis(k: DayKpis): TemplateResult[] {
  return [
    kpi("Scheduled", String(k.scheduled), "scheduled"),
    kpi("Arrived", String(k.arrived), "arrived"),
    kpi("Completed", String(k.completed), "completed"),
    kpi("Cancelled + no-show", `${k.cancelled + k.noShows} (${k.cancelNoShowRatePercent}%)`, "cancel-noshow"),
    kpi("Waiting now", String(k.waitingNow), "waiting",
      k.waitingNow === 0 ? "" : `average ${minutes(k.averageCurrentWaitMinutes)}, longest ${minutes(k.longestCurrentWaitMinutes)}`),
    kpi("In treatment now", String(k.inTreatmentNow), "in-treatment"),
    kpi("Average wait today", minutes(k.averageWaitMinutes), "average-wait", `arrival to treatment, ${k.waitsMeasured} treated`),
    kpi("Longest current wait", minutes(k.longestCurrentWaitMinutes), "longest-wait"),
  ];
}

function chart(points: TimelinePoint[], timeZone: string): TemplateResult {
  const width = 900, height = 260, left = 40, bottom = 30, top = 10;
  const max = Math.max(1, ...points.map(p => Math.max(p.waiting, p.inTreatment)));
  const x = (i: number) => left + (points.length <= 1 ? 0 : (i * (width - left - 10)) / (points.length - 1));
  const y = (v: number) => height - bottom - (v * (height - bottom - top)) / max;
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += Math.max(1, Math.ceil(max / 4))) ticks.push(v);
  const path = (key: "waiting" | "inTreatment") => points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" ") || "M0,0";
  return html`<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="Patients waiting and in treatment over the day">
    ${ticks.map(v => svg`<line x1=${left} x2=${width - 10} y1=${y(v)} y2=${y(v)} class="grid"></line>
      <text x=${left - 8} y=${y(v) + 5} text-anchor="end" class="axis">${v}</text>`)}
    ${points.map((p, i) => i % 4 === 0 || i === points.length - 1
      ? svg`<text x=${x(i)} y=${height - 8} text-anchor="middle" class="axis">${clockTime(p.at, timeZone)}</text>` : null)}
    <path d=${path("waiting")} class="line-waiting"></path>
    <path d=${path("inTreatment")} class="line-treating"></path>
  </svg>
  <p class="legend"><span class="key waiting">— Waiting</span> <span class="key treating">— In treatment</span></p>`;
}

function show(view: ManagerView): void {
  document.getElementById("clinic-name")!.textContent = view.clinicName;
  document.title = `${view.clinicName} · Manager`;
  render(html`${kpis(view.kpis)}`, document.getElementById("kpis")!);
  render(html`${repeat(view.spaces, s => s.id, space)}`, document.getElementById("spaces")!);
  render(html`${repeat(view.therapists, t => t.id, therapistRow)}`, document.getElementById("therapist-rows")!);
  render(chart(view.timeline, view.timeZoneId), document.getElementById("chart")!);
}

const config = await clinicOrNotFound<ClinicConfig>(`/api/clinics/${encodeURIComponent(clinicId)}`, document.getElementById("manager")!);
const indicator = document.getElementById("live")!;
if (config) {
  const live = new LiveConnection(indicator);
  live.timeZone = config.timeZoneId;
  new LiveView<ManagerView, ManagerView>(live, "SubscribeManager", "ManagerChanged", clinicId, (_, next) => next, show);
  void live.start();
  void backOffice();
  void staffAlerts();
} else {
  indicator.hidden = true;
}

/** Low stock and equipment due or overdue, read once when the page opens (they are not part of the live view). */
async function backOffice(): Promise<void> {
  const base = `/api/clinics/${encodeURIComponent(clinicId)}`;
  const [low, due] = await Promise.all([getJson<SupplyItem[]>(`${base}/supplies/low-stock`), getJson<EquipmentDue>(`${base}/equipment/due`)]);
  render(html`<a href=${`/supplies/${encodeURIComponent(clinicId)}`}>${low.length} supply item(s) low on stock</a> ·
    <a href=${`/equipment/${encodeURIComponent(clinicId)}`}>${due.overdue.length} equipment overdue for service, ${due.due.length} due within ${due.days} days</a>`,
  document.getElementById("back-office")!);
}

/** Credentials expiring and training falling due at the clinic's lead days, or past; read once when the page opens. */
async function staffAlerts(): Promise<void> {
  const base = `/api/clinics/${encodeURIComponent(clinicId)}`;
  const due = await getJson<StaffAlerts>(`${base}/staff/alerts`);
  render(html`<p><a href=${`/staff/${encodeURIComponent(clinicId)}`}>${due.alerts.length} staff alert(s)</a> at ${due.leadDays.join(", ")} days ahead</p>
    <ul>${repeat(due.alerts, a => `${a.staffId}:${a.subject}:${a.typeCode}`, a => html`<li class=${a.past ? "past" : ""}>${alertText(a)}</li>`)}</ul>`,
  document.getElementById("staff-alerts")!);
}
