// The KPI table columns the trends and roll-up screens share: label, figure and how it is shown (docs/figures.md,
// "KPI trends"). Every figure is computed on the server; these only format it.
import type { KpiFigures } from "./types";

export type KpiColumn = [string, keyof KpiFigures, (v: number | string | null) => string];

export function n(v: number | string | null): string { return v === null ? "–" : String(v); }
export function pct(v: number | string | null): string { return v === null ? "–" : `${v} %`; }
export function min(v: number | string | null): string { return v === null ? "–" : `${v} min`; }
export function money(v: number | string | null): string { return v === null ? "–" : `$${Number(v).toFixed(2)}`; }

export const kpiColumns: KpiColumn[] = [
  ["Scheduled", "scheduled", n], ["Attended", "attended", n], ["Arrival rate", "arrivalRate", pct],
  ["Cancel + no-show", "cancelNoShowRate", pct], ["Cancelled", "cancellationRate", pct], ["Late cancelled", "lateCancellationRate", pct],
  ["No-shows", "noShowRate", pct], ["Initial evaluations", "initialEvaluations", n], ["Walk-ins", "walkInRate", pct],
  ["Units / visit", "unitsPerVisit", n], ["Charges / visit", "chargesPerVisit", money], ["Mean wait", "waitMean", min],
  ["Median wait", "waitMedian", min], ["90th pct wait", "wait90th", min], ["Seen ≤ 15 min", "seenWithin15Rate", pct],
  ["On-time start", "onTimeStartRate", pct], ["Quote MAE", "quoteMae", min], ["Copays", "copaysCollected", n],
  ["Copay collection", "copayCollectionRate", pct], ["Copays due collected", "copayVisitCollectionRate", pct],
  ["Visits / discharge", "visitsPerDischarge", n], ["Plans discharged", "plansDischarged", n],
  ["Visits / plan-week", "planWeeklyFrequency", n], ["Prescribed / week", "prescribedWeeklyFrequency", n],
  ["Frequency vs plan", "weeklyFrequencyRate", pct], ["Plans under-scheduled", "plansUnderScheduled", n],
  ["Visits short", "underScheduledVisits", n],
  ["Treating min", "treatingMinutes", n], ["Working min", "workingMinutes", n], ["Productivity", "productivity", pct],
  ["Space used", "spaceUtilization", pct],
];

/** A target's state as a mark beside its words (the words say it too: never colour alone). */
export function targetMark(state: string): string {
  return state === "on" ? "✓" : state === "near" ? "≈" : state === "off" ? "✕" : "–";
}
