// A clinic's supplies: each item's stock with low stock said in words, receive / use / count in a dialog, the
// reorder list as CSV. Managers also add items and take stock; the front desk records use and receiving.
import { html, nothing, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicFromPath, clinicOrNotFound, currentSession, getJson, signIn } from "./dom";
import { mountNav } from "./nav";
import { messagesOf, submit, type Problem } from "./problem";
import type { ClinicConfig, SupplyItem } from "./types";

void mountNav();

type Action = "receive" | "use" | "count";
interface Open { item: SupplyItem; action: Action; }

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}/supplies`;
const root = document.getElementById("supplies")!;
const session = await currentSession();
if (!session) signIn();
const manages = session.role === "Admin" || session.role === "Manager";

let items: SupplyItem[] = [];
let open: Open | null = null;
let problem: Problem | null = null;
let said = "";
const titles: Record<Action, string> = { receive: "Receive", use: "Use", count: "Count (stock take)" };

async function load(): Promise<void> {
  items = await getJson<SupplyItem[]>(api);
  show();
}

function dialog(): HTMLDialogElement { return document.getElementById("supply-dialog") as HTMLDialogElement; }

function start(item: SupplyItem, action: Action): void {
  open = { item, action }; problem = null; show();
  dialog().showModal();
}

async function confirm(event: Event): Promise<void> {
  event.preventDefault();
  if (!open) return;
  const form = new FormData(event.target as HTMLFormElement);
  const visitId = String(form.get("visitId") ?? "").trim();
  const answer = await submit<SupplyItem>("POST", `${api}/${encodeURIComponent(open.item.itemId)}/${open.action}`,
    { quantity: Number(form.get("quantity")), visitId: visitId || null });
  if (!answer.ok) { problem = answer.problem; show(); return; }
  said = `${titles[open.action]}: ${answer.value.name} now ${answer.value.stock} ${answer.value.unit}.`;
  open = null; dialog().close();
  await load();
}

async function add(event: Event): Promise<void> {
  event.preventDefault();
  const target = event.target as HTMLFormElement;
  const form = new FormData(target);
  const answer = await submit<SupplyItem>("POST", api, {
    name: form.get("name"), unit: form.get("unit"), supplier: form.get("supplier"),
    reorderPoint: Number(form.get("reorderPoint")), reorderQuantity: Number(form.get("reorderQuantity")),
  });
  if (!answer.ok) { problem = answer.problem; show(); return; }
  problem = null; said = `Added ${answer.value.name}.`; target.reset();
  await load();
}

function errors(name: string) {
  return (problem?.errors[name] ?? []).map(m => html`<span class="field-error" role="alert">${m}</span>`);
}

function dialogView() {
  return html`<dialog id="supply-dialog" aria-labelledby="supply-dialog-title">
    ${open ? html`<form method="dialog" @submit=${confirm}>
      <h2 id="supply-dialog-title">${titles[open.action]} · ${open.item.name}</h2>
      <p>In stock: ${open.item.stock} ${open.item.unit}</p>
      <label>${open.action === "count" ? "Counted on the shelf" : "Quantity"}
        <input name="quantity" type="number" min=${open.action === "count" ? 0 : 1} step="1" required autofocus></label>${errors("quantity")}
      ${open.action === "use" ? html`<label>Visit (optional) <input name="visitId" type="text"></label>${errors("visitId")}` : nothing}
      ${problem && Object.keys(problem.errors).length === 0 ? html`<p class="search-error" role="alert">${messagesOf(problem).join(" ")}</p>` : nothing}
      <div class="buttons"><button type="submit" class="primary">${titles[open.action]}</button>
        <button type="button" class="secondary" @click=${() => { open = null; dialog().close(); show(); }}>Cancel</button></div>
    </form>` : nothing}
  </dialog>`;
}

function show(): void {
  const low = items.filter(i => i.low).length;
  render(html`
    <p role="status" id="said">${said}</p>
    <p id="low-count">${low === 0 ? "Nothing is low." : `${low} item(s) at or under their reorder point.`}
      ${manages ? html`<a class="button secondary" id="reorder-csv" href=${`${api}/reorder.csv`} download>Reorder list (CSV)</a>` : nothing}</p>
    <table class="supplies">
      <thead><tr><th scope="col">Item</th><th scope="col">Supplier</th><th scope="col">Stock</th><th scope="col">Reorder at</th>
        <th scope="col">Reorder qty</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${repeat(items, i => i.itemId, i => html`<tr data-item=${i.itemId} class=${i.low ? "low" : ""}>
        <td>${i.name}</td><td>${i.supplier ?? ""}</td>
        <td>${i.stock} ${i.unit}${i.low ? html` <strong class="low-stock">Low stock</strong>` : nothing}</td>
        <td>${i.reorderPoint}</td><td>${i.reorderQuantity}</td>
        <td class="buttons">
          <button type="button" class="secondary" @click=${() => start(i, "receive")}>Receive…</button>
          <button type="button" class="secondary" @click=${() => start(i, "use")}>Use…</button>
          ${manages ? html`<button type="button" class="secondary" @click=${() => start(i, "count")}>Count…</button>` : nothing}
        </td></tr>`)}</tbody>
    </table>
    ${manages ? html`<form class="supply-add" aria-label="Add a supply item" @submit=${add}>
      <label>Name <input name="name" type="text" required></label>${open ? nothing : errors("name")}
      <label>Unit <input name="unit" type="text" required placeholder="box"></label>${open ? nothing : errors("unit")}
      <label>Supplier <input name="supplier" type="text"></label>
      <label>Reorder at <input name="reorderPoint" type="number" min="0" value="0"></label>${open ? nothing : errors("reorderPoint")}
      <label>Reorder qty <input name="reorderQuantity" type="number" min="1" value="1"></label>${open ? nothing : errors("reorderQuantity")}
      <div class="buttons"><button type="submit" class="primary">Add item</button></div>
    </form>` : nothing}
    ${dialogView()}`, root);
}

const config = await clinicOrNotFound<ClinicConfig>(`/api/clinics/${encodeURIComponent(clinicId)}`, root);
if (config) {
  document.getElementById("clinic-title")!.textContent = `Supplies · ${config.name}`;
  await load();
}
