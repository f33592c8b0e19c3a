// A person's onboarding checklist: one box per item, who ticked it and when (in the clinic's time zone). A manager ticks
// a box to complete the item; taking a tick back asks for the reason first. Counts are the server's ("5 of 8").
import { html, nothing, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { clinicDate, clockTime } from "./dom";
import type { OnboardingChecklist } from "./types";

export interface ChecklistActions {
  /** The item whose tick is being taken back (its reason form is open), if any. */
  undoing: string | null;
  complete(itemId: string): void;
  askWhy(itemId: string | null): void;
  undo(itemId: string, reason: string): void;
}

export function progressText(done: number, total: number): string {
  return `${done} of ${total}`;
}

function when(at: string, timeZone: string): string {
  return `${clinicDate(at, timeZone)} ${clockTime(at, timeZone)}`;
}

export function checklistView(checklist: OnboardingChecklist, timeZone: string, actions: ChecklistActions | null): TemplateResult {
  return html`<section class="onboarding" id=${`onboarding-${checklist.staffId}`} aria-labelledby="onboarding-title">
    <h3 id="onboarding-title">Onboarding checklist · <span class="onboarding-count">${progressText(checklist.done, checklist.total)}</span> done</h3>
    <ul class="checklist" aria-label=${`Onboarding of ${checklist.name}`}>${repeat(checklist.items, i => i.itemId, item => {
      const done = item.completedAt != null;
      return html`<li data-item=${item.itemId} class=${done ? "done" : ""}>
        <label><input type="checkbox" .checked=${done} ?disabled=${!actions || (item.retired && !done)}
          @change=${(e: Event) => {
            if (!actions) return;
            const box = e.target as HTMLInputElement;
            if (box.checked) actions.complete(item.itemId);
            else { box.checked = true; actions.askWhy(item.itemId); }
          }}> ${item.name}${item.retired ? " (retired)" : ""}</label>
        <span class="ticked">${done ? `Done · ${item.completedBy} · ${when(item.completedAt!, timeZone)}` : "Not done"}</span>
        ${actions && actions.undoing === item.itemId ? html`<form class="staff-form undo" aria-label=${`Take back ${item.name}`}
          @submit=${(e: Event) => { e.preventDefault(); actions.undo(item.itemId, String(new FormData(e.target as HTMLFormElement).get("reason") ?? "")); }}>
          <label>Why is it not done after all? <input name="reason" type="text" required maxlength="500"></label>
          <div class="buttons"><button type="submit" class="primary">Take back the tick</button>
            <button type="button" class="secondary" @click=${() => actions.askWhy(null)}>Keep it ticked</button></div>
        </form>` : nothing}
      </li>`;
    })}</ul>
    ${checklist.history.some(m => !m.completed) ? html`<details class="onboarding-history"><summary>Ticks taken back</summary><ul>
      ${checklist.history.filter(m => !m.completed).map(m => html`<li>${checklist.items.find(i => i.itemId === m.itemId)?.name ?? m.itemId}: ${m.by}, ${when(m.at, timeZone)} — ${m.reason ?? ""}</li>`)}
    </ul></details>` : nothing}
  </section>`;
}
