// A clinic's equipment for its managers: next service with "Overdue" / "Due soon" in words, record a service, take an
// item out of service (and its treatment space with it, so the schedule and the board stop offering the space) and back.
import { html, nothing, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicFromPath, clinicOrNotFound, getJson } from "./dom";
import { localDate } from "./clinic-time";
import { mountNav } from "./nav";
import { messagesOf, submit, type Problem } from "./problem";
import type { ClinicConfig, EquipmentDue, EquipmentItem } from "./types";

void mountNav();

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}/equipment`;
const root = document.getElementById("equipment")!;

let config: ClinicConfig | null = null;
let items: EquipmentItem[] = [];
let due: EquipmentDue | null = null;
let servicing: EquipmentItem | null = null;
let problem: Problem | null = null;
let said = "";

async function load(): Promise<void> {
  [items, due] = await Promise.all([getJson<EquipmentItem[]>(api), getJson<EquipmentDue>(`${api}/due`)]);
  show();
}

function label(item: EquipmentItem): string {
  if (due?.overdue.some(i => i.itemId === item.itemId)) return "Overdue";
  if (due?.due.some(i => i.itemId === item.itemId)) return "Due soon";
  return "";
}

function where(item: EquipmentItem): string {
  return item.roomId ? config?.rooms.find(r => r.id === item.roomId)?.name ?? item.roomId : item.location ?? "";
}

function dialog(): HTMLDialogElement { return document.getElementById("service-dialog") as HTMLDialogElement; }

async function answer(result: Awaited<ReturnType<typeof submit<EquipmentItem>>>, words: (item: EquipmentItem) => string): Promise<boolean> {
  if (!result.ok) { problem = result.problem; show(); return false; }
  problem = null; said = words(result.value);
  await load();
  return true;
}

async function service(event: Event): Promise<void> {
  event.preventDefault();
  if (!servicing) return;
  const form = new FormData(event.target as HTMLFormElement);
  const result = await submit<EquipmentItem>("POST", `${api}/${encodeURIComponent(servicing.itemId)}/service`,
    { date: form.get("date") || null, by: form.get("by"), note: form.get("note") });
  if (await answer(result, i => `Service recorded: ${i.type} ${i.serial}, next service ${i.nextService ?? "not set"}.`)) {
    servicing = null; dialog().close(); show();
  }
}

async function status(item: EquipmentItem, outOfService: boolean): Promise<void> {
  const result = await submit<EquipmentItem>("POST", `${api}/${encodeURIComponent(item.itemId)}/status`,
    { status: outOfService ? "OutOfService" : "InService", takeSpaceOutOfService: outOfService && item.roomId !== null });
  await answer(result, i => `${i.type} ${i.serial} is ${i.status === "OutOfService" ? "out of service" : "back in service"}`
    + `${i.roomId ? `; ${where(i)} ${i.status === "OutOfService" ? "is out of service too" : "is offered again"}` : ""}.`);
}

async function add(event: Event): Promise<void> {
  event.preventDefault();
  const target = event.target as HTMLFormElement;
  const form = new FormData(target);
  const result = await submit<EquipmentItem>("POST", api, {
    type: form.get("type"), serial: form.get("serial"), location: form.get("location"), roomId: form.get("roomId") || null,
    intervalMonths: Number(form.get("intervalMonths")), lastService: form.get("lastService") || null,
  });
  if (await answer(result, i => `Added ${i.type} ${i.serial}.`)) target.reset();
}

function errors(name: string) {
  return (problem?.errors[name] ?? []).map(m => html`<span class="field-error" role="alert">${m}</span>`);
}

function show(): void {
  const today = config ? localDate(Date.now(), config.timeZoneId) : "";
  render(html`
    <p role="status" id="said">${said}</p>
    ${problem && Object.keys(problem.errors).length === 0 ? html`<p class="search-error" role="alert">${messagesOf(problem).join(" ")}</p>` : nothing}
    <p id="due-count">${due ? `${due.overdue.length} overdue, ${due.due.length} due within ${due.days} days.` : ""}</p>
    <table class="equipment">
      <thead><tr><th scope="col">Type</th><th scope="col">Serial</th><th scope="col">Where</th><th scope="col">Every</th>
        <th scope="col">Last service</th><th scope="col">Next service</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${repeat(items, i => i.itemId, i => html`<tr data-item=${i.itemId} data-due=${label(i)}>
        <td>${i.type}</td><td>${i.serial}</td><td>${where(i)}</td><td>${i.intervalMonths} mo</td>
        <td>${i.lastService ?? "never"}</td>
        <td>${i.nextService ?? ""}${label(i) ? html` <strong class="due-label">${label(i)}</strong>` : nothing}</td>
        <td>${i.status === "OutOfService" ? html`<strong>Out of service</strong>` : "In service"}</td>
        <td class="buttons">
          <button type="button" class="secondary" @click=${() => { servicing = i; problem = null; show(); dialog().showModal(); }}>Record service…</button>
          ${i.status === "OutOfService"
            ? html`<button type="button" class="secondary" @click=${() => status(i, false)}>Back in service</button>`
            : html`<button type="button" class="secondary" @click=${() => status(i, true)}>Take out of service</button>`}
        </td></tr>`)}</tbody>
    </table>
    <form class="equipment-add" aria-label="Add equipment" @submit=${add}>
      <label>Type <input name="type" type="text" required></label>${servicing ? nothing : errors("type")}
      <label>Serial <input name="serial" type="text" required></label>${servicing ? nothing : errors("serial")}
      <label>Treatment space <select name="roomId"><option value="">(none)</option>
        ${(config?.rooms ?? []).map(r => html`<option value=${r.id}>${r.name}</option>`)}</select></label>${errors("roomId")}
      <label>Or location <input name="location" type="text"></label>
      <label>Service every (months) <input name="intervalMonths" type="number" min="1" max="120" value="12"></label>${servicing ? nothing : errors("intervalMonths")}
      <label>Last service <input name="lastService" type="date" max=${today}></label>
      <div class="buttons"><button type="submit" class="primary">Add equipment</button></div>
    </form>
    <dialog id="service-dialog" aria-labelledby="service-dialog-title">
      ${servicing ? html`<form method="dialog" @submit=${service}>
        <h2 id="service-dialog-title">Record service · ${servicing.type} ${servicing.serial}</h2>
        <label>Date <input name="date" type="date" .value=${today} max=${today} required></label>${errors("date")}
        <label>By <input name="by" type="text" required></label>${errors("by")}
        <label>Note <input name="note" type="text"></label>
        <div class="buttons"><button type="submit" class="primary">Record service</button>
          <button type="button" class="secondary" @click=${() => { servicing = null; dialog().close(); show(); }}>Cancel</button></div>
      </form>` : nothing}
    </dialog>`, root);
}

config = await clinicOrNotFound<ClinicConfig>(`/api/clinics/${encodeURIComponent(clinicId)}`, root);
if (config) {
  document.getElementById("clinic-title")!.textContent = `Equipment · ${config.name}`;
  await load();
}
