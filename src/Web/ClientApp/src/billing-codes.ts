// A clinic's procedure codes: the built-in physical-therapy catalogue, and the codes the clinic adds for what else it
// bills (occupational or speech-language therapy, a payer's own codes) with their kind and discipline. Units, the
// 8-minute rule and the charges export treat a clinic's code like a built-in one; the server decides every rule.
import { html, nothing, render, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicFromPath, clinicOrNotFound, getJson } from "./dom";
import { mountNav } from "./nav";
import { messagesOf, submit, type Problem } from "./problem";
import type { BillingCode, ClinicConfig } from "./types";

void mountNav();

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}/billing-codes`;
const root = document.getElementById("billing-codes")!;

let codes: BillingCode[] = [];
let problem: Problem | null = null;
let said = "";

async function load(): Promise<void> {
  codes = await getJson<BillingCode[]>(api);
  show();
}

function text(data: FormData, name: string): string | null {
  const value = String(data.get(name) ?? "").trim();
  return value === "" ? null : value;
}

async function add(event: Event): Promise<void> {
  event.preventDefault();
  const target = event.target as HTMLFormElement;
  const data = new FormData(target);
  const result = await submit<BillingCode>("POST", api, {
    code: text(data, "code"), timed: data.get("timed") === "timed", evaluation: data.get("kind") === "evaluation",
    description: text(data, "description"), discipline: text(data, "discipline"),
  });
  if (!result.ok) { problem = result.problem; show(); return; }
  problem = null; said = `Added ${result.value.code}: ${result.value.description}.`;
  target.reset();
  await load();
}

async function remove(code: BillingCode): Promise<void> {
  const result = await submit<null>("DELETE", `${api}/${encodeURIComponent(code.code)}`, undefined);
  if (!result.ok) { problem = result.problem; show(); return; }
  problem = null; said = `Removed ${code.code}.`;
  await load();
}

function errors(name: string): TemplateResult[] {
  return (problem?.errors[name] ?? []).map(m => html`<span class="field-error" role="alert">${m}</span>`);
}

function show(): void {
  render(html`
    <p role="status" id="said">${said}</p>
    ${problem && Object.keys(problem.errors).length === 0 ? html`<p class="search-error" role="alert">${messagesOf(problem).join(" ")}</p>` : nothing}
    <table class="billing-codes">
      <thead><tr><th scope="col">Code</th><th scope="col">Billed</th><th scope="col">Kind</th><th scope="col">Discipline</th>
        <th scope="col">Description</th><th scope="col">From</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${repeat(codes, c => c.code, c => html`<tr data-code=${c.code}>
        <th scope="row">${c.code}</th><td>${c.timed ? "Timed (15-minute units)" : "Service-based (1 unit a day)"}</td>
        <td>${c.evaluation ? "Evaluation" : "Treatment"}</td><td>${c.discipline}</td><td>${c.description}</td>
        <td>${c.builtIn ? "Built in" : "This clinic"}</td>
        <td>${c.builtIn ? nothing : html`<button type="button" class="secondary" @click=${() => remove(c)}>Remove</button>`}</td></tr>`)}</tbody>
    </table>
    <form class="staff-form" aria-label="Add a code" @submit=${add}>
      <h2>Add a code</h2>
      <label>Code <input name="code" type="text" maxlength="7" required></label>${errors("code")}
      <label>Billed <select name="timed"><option value="timed">Timed (15-minute units)</option><option value="service">Service-based (1 unit a day)</option></select></label>
      <label>Kind <select name="kind"><option value="treatment">Treatment</option><option value="evaluation">Evaluation</option></select></label>
      <label>Discipline <select name="discipline"><option>OT</option><option>SLP</option><option>PT</option><option>Other</option></select></label>${errors("discipline")}
      <label>Description <input name="description" type="text" maxlength="120" required></label>${errors("description")}
      <div class="buttons"><button type="submit" class="primary">Add code</button></div>
    </form>`, root);
}

const config = await clinicOrNotFound<ClinicConfig>(`/api/clinics/${encodeURIComponent(clinicId)}`, root);
if (config) {
  document.getElementById("clinic-title")!.textContent = `Billing codes · ${config.name}`;
  await load();
}
