// The manager's view: treatment spaces, therapist load, today's KPIs and the day's curve, live. No names.
import { LiveConnection, LiveView } from "./live";
import { clinicFromPath, el, replace } from "./dom";
import type { DayKpis, ManagerView, SpaceLoad, TherapistLoad, TimelinePoint } from "./types";

const clinicId = clinicFromPath();
const stateLabels: Record<string, string> = { free: "Free", occupied: "In use", full: "Full", "out-of-service": "Out of service" };

function space(s: SpaceLoad): HTMLElement {
  return el("article", { class: `space ${s.state}`, "data-space": s.id },
    el("h3", {}, s.name),
    el("p", { class: "kind" }, s.kind),
    el("p", { class: "occupancy" }, `${s.occupied} of ${s.capacity}`),
    el("p", { class: "state" }, `${s.state === "full" ? "■" : s.state === "free" ? "□" : s.state === "out-of-service" ? "✕" : "◧"} ${stateLabels[s.state] ?? s.state}`),
    el("p", { class: "util" }, `${s.utilizationPercent}% used today`));
}

function therapistRow(t: TherapistLoad): HTMLElement {
  return el("tr", {},
    el("th", { scope: "row" }, t.displayName),
    el("td", {}, `${t.treating} of ${t.capacity}`),
    el("td", {}, String(t.waiting)),
    el("td", {}, `${t.treatingMinutes} / ${t.scheduledMinutes} min`),
    el("td", {}, `${t.utilizationPercent}%`));
}

function kpi(label: string, value: string, id: string): HTMLElement {
  return el("div", { class: "kpi", "data-kpi": id }, el("span", { class: "value" }, value), el("span", { class: "name" }, label));
}

function minutes(value: number | null): string {
  return value === null ? "–" : `${value} min`;
}

function kpis(k: DayKpis): HTMLElement[] {
  return [
    kpi("Scheduled", String(k.scheduled), "scheduled"),
    kpi("Arrived", String(k.arrived), "arrived"),
    kpi("Completed", String(k.completed), "completed"),
    kpi("Cancelled + no-show", `${k.cancelled + k.noShows} (${k.cancelNoShowRatePercent}%)`, "cancel-noshow"),
    kpi("Waiting now", String(k.waitingNow), "waiting"),
    kpi("In treatment now", String(k.inTreatmentNow), "in-treatment"),
    kpi("Average wait today", minutes(k.averageWaitMinutes), "average-wait"),
    kpi("Longest current wait", minutes(k.longestCurrentWaitMinutes), "longest-wait"),
  ];
}

const svgNs = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

function chart(points: TimelinePoint[]): SVGElement {
  const width = 900, height = 260, left = 40, bottom = 30, top = 10;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Patients waiting and in treatment over the day" });
  const max = Math.max(1, ...points.map(p => Math.max(p.waiting, p.inTreatment)));
  const x = (i: number) => left + (points.length <= 1 ? 0 : (i * (width - left - 10)) / (points.length - 1));
  const y = (v: number) => height - bottom - (v * (height - bottom - top)) / max;
  for (let v = 0; v <= max; v += Math.max(1, Math.ceil(max / 4))) {
    root.append(svg("line", { x1: left, x2: width - 10, y1: y(v), y2: y(v), class: "grid" }));
    const label = svg("text", { x: left - 8, y: y(v) + 5, "text-anchor": "end", class: "axis" });
    label.textContent = String(v);
    root.append(label);
  }

  points.forEach((p, i) => {
    if (i % 4 !== 0) return;
    const label = svg("text", { x: x(i), y: height - 8, "text-anchor": "middle", class: "axis" });
    label.textContent = new Date(p.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    root.append(label);
  });
  for (const [key, cls] of [["waiting", "line-waiting"], ["inTreatment", "line-treating"]] as const) {
    const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" ");
    root.append(svg("path", { d: path || "M0,0", class: cls }));
  }

  return root;
}

function render(view: ManagerView): void {
  document.getElementById("clinic-name")!.textContent = view.clinicName;
  document.title = `${view.clinicName} · Manager`;
  replace(document.getElementById("kpis")!, ...kpis(view.kpis));
  replace(document.getElementById("spaces")!, ...view.spaces.map(space));
  replace(document.getElementById("therapist-rows")!, ...view.therapists.map(therapistRow));
  replace(document.getElementById("chart")!, chart(view.timeline),
    el("p", { class: "legend" }, el("span", { class: "key waiting" }, "— Waiting"), " ", el("span", { class: "key treating" }, "— In treatment")));
}

const live = new LiveConnection(document.getElementById("live"));
new LiveView<ManagerView, ManagerView>(live, "SubscribeManager", "ManagerChanged", clinicId, (_, next) => next, render);
void live.start();
