// The year's annual summary (the OSHA 300A's shape) on the injury-log screen: the totals by outcome and by case type,
// days away and restricted, the manager's average employees and hours worked, and the two incidence rates. Every
// figure is the server's (docs/figures.md, "Injury and illness log").
import { html, nothing, type TemplateResult } from "lit-html";
import type { InjuryCaseType, InjuryLogSummary } from "./types";

export const caseTypes: Record<InjuryCaseType, string> = {
  Injury: "Injury", SkinDisorder: "Skin disorder", RespiratoryCondition: "Respiratory condition", Poisoning: "Poisoning",
  HearingLoss: "Hearing loss", AllOtherIllnesses: "All other illnesses",
};

function rate(value: number | null | undefined): string {
  return value == null ? "enter the hours worked" : value.toFixed(2);
}

export function summaryView(summary: InjuryLogSummary, csvHref: string, errors: (name: string) => TemplateResult[],
  enter: (event: Event) => void): TemplateResult {
  const t = summary.totals;
  const e = summary.establishment;
  const rows: [string, string | number][] = [
    ["Total cases", t.cases], ["Deaths", t.deaths], ["Cases with days away from work", t.daysAwayCases],
    ["Cases with job transfer or restriction", t.jobTransferOrRestrictionCases], ["Other recordable cases", t.otherRecordableCases],
    ["Days away from work", t.daysAway], ["Days of job transfer or restriction", t.daysRestricted],
    ["Injuries", t.injuries ?? 0], ["Skin disorders", t.skinDisorders ?? 0], ["Respiratory conditions", t.respiratoryConditions ?? 0],
    ["Poisonings", t.poisonings ?? 0], ["Hearing loss", t.hearingLosses ?? 0], ["All other illnesses", t.allOtherIllnesses ?? 0],
    ["Annual average number of employees", e ? e.averageEmployees : "not entered"], ["Total hours worked by all employees", e ? e.hoursWorked : "not entered"],
    ["Total recordable case rate (per 200,000 hours)", rate(summary.totalRecordableRate)],
    ["Days away, restricted or transferred rate", rate(summary.daysAwayRestrictedRate)],
  ];
  return html`<section class="injury-summary" aria-labelledby="summary-title">
    <h2 id="summary-title">${summary.year} annual summary</h2>
    <table id="injury-summary" aria-label=${`${summary.year} annual summary`}>
      <tbody>${rows.map(([figure, value]) => html`<tr><th scope="row">${figure}</th><td>${value}</td></tr>`)}</tbody>
    </table>
    <p><a class="button secondary" id="summary-csv" href=${csvHref} download>Export the ${summary.year} summary (CSV)</a></p>
    <form class="injury-form" aria-label="Establishment figures" @submit=${enter}>
      <input type="hidden" name="year" .value=${String(summary.year)}>
      <label>Annual average number of employees <input name="averageEmployees" type="number" min="0" step="1" .value=${e ? String(e.averageEmployees) : ""} required></label>${errors("averageEmployees")}
      <label>Total hours worked by all employees <input name="hoursWorked" type="number" min="0" step="1" .value=${e ? String(e.hoursWorked) : ""} required></label>${errors("hoursWorked")}
      ${errors("year")}
      <div class="buttons"><button type="submit" class="secondary">Save ${summary.year} figures</button></div>
      ${e ? html`<p class="hint">Entered by ${e.enteredBy}.</p>` : nothing}
    </form>
  </section>`;
}
