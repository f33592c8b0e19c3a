// The roll-up across every clinic the user may see (GET /api/kpis): one row per clinic and the chain's total over a
// range, the total judged against the default targets in words, and the CSV of the same table. Each clinic opens its
// trends for the same range.
import { html, nothing, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { getJson } from "./dom";
import { kpiColumns, targetMark } from "./kpi-columns";
import { mountNav } from "./nav";
import type { ClinicListing, KpiReport } from "./types";

void mountNav();

const main = document.getElementById("rollup")!;
let report: KpiReport | null = null;
let names = new Map<string, string>();
let error = "";

function params(): URLSearchParams { return new URLSearchParams(window.location.search); }

function query(): string {
  const q = new URLSearchParams({ by: "month" });
  for (const name of ["from", "to"]) {
    const value = params().get(name);
    if (value) q.set(name, value);
  }
  return q.toString();
}

async function load(): Promise<void> {
  try {
    report = await getJson<KpiReport>(`/api/kpis?${query()}`);
    error = "";
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  draw();
}

function apply(event: Event): void {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const p = new URLSearchParams();
  for (const name of ["from", "to"]) {
    const value = String(form.get(name) ?? "");
    if (value) p.set(name, value);
  }
  history.replaceState(null, "", `${window.location.pathname}?${p}`);
  void load();
}

function draw(): void {
  const r = report;
  const range = r ? `from=${r.from}&to=${r.to}` : "";
  render(html`
    <form id="range" class="range" @submit=${apply}>
      <label>From <input type="date" name="from" .value=${r?.from ?? params().get("from") ?? ""}></label>
      <label>To <input type="date" name="to" .value=${r?.to ?? params().get("to") ?? ""}></label>
      <button type="submit">Show</button>
      ${r ? html`<a id="csv" class="csv" href=${`/api/kpis.csv?${query()}`} download>Download CSV</a>` : nothing}
    </form>
    ${error ? html`<p class="problem" role="alert">${error}</p>` : nothing}
    ${r ? html`
      <section aria-labelledby="target-title"><h2 id="target-title">All clinics against the default targets, ${r.from} – ${r.to}</h2>
        <ul id="targets" class="targets">${repeat(r.targets, t => t.figure, t => html`<li class="target ${t.state}" data-target=${t.figure} data-state=${t.state}>
          <span class="mark">${targetMark(t.state)}</span> ${t.text}</li>`)}</ul></section>
      <section aria-labelledby="clinics-title"><h2 id="clinics-title">By clinic (${r.clinics.length} with visits of ${r.clinicIds.length})</h2>
        <table id="clinics" class="loads kpi-table">
          <thead><tr><th scope="col">Clinic</th>${kpiColumns.map(c => html`<th scope="col">${c[0]}</th>`)}</tr></thead>
          <tbody>
            ${repeat(r.clinics, b => b.id, b => html`<tr data-clinic=${b.id}>
              <th scope="row"><a href=${`/trends/${encodeURIComponent(b.id)}?${range}&by=week`}>${names.get(b.id) ?? b.id}</a></th>
              ${kpiColumns.map(c => html`<td>${c[2](b.figures[c[1]])}</td>`)}</tr>`)}
            <tr class="total" data-clinic="total"><th scope="row">All clinics</th>${kpiColumns.map(c => html`<td>${c[2](r.total[c[1]])}</td>`)}</tr>
          </tbody>
        </table></section>` : nothing}
  `, main);
}

names = new Map((await getJson<ClinicListing[]>("/api/clinics")).map(c => [c.clinicId, c.name]));
await load();
