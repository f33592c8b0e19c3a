// "New clinic", for administrators: a name, an id made from it (editable) and a time zone. Creating it lands on
// its setup, where the rest (spaces, therapists, visit types, hours) is filled in.
import { html, nothing, render } from "lit-html";
import { idFrom } from "./ids";
import { messagesOf, submit, type Problem } from "./problem";
import { browserTimeZone, timeZones } from "./zones";

export function mountNewClinic(target: HTMLElement): void {
  let name = "";
  let clinicId = "";
  let idTyped = false;
  let timeZoneId = browserTimeZone();
  let problem: Problem | null = null;
  let busy = false;

  const fieldErrors = (field: string) => {
    const messages = problem?.errors[field] ?? [];
    return messages.length === 0 ? nothing : html`<span class="field-errors" data-errors=${field}>${messages.join(" ")}</span>`;
  };

  const draw = () => render(html`<form id="new-clinic-form" class="inline-form" novalidate @submit=${create}>
    <label>Clinic name <input name="name" maxlength="200" .value=${name}
      @input=${(e: Event) => { name = (e.target as HTMLInputElement).value; if (!idTyped) clinicId = idFrom(name); draw(); }}>${fieldErrors("name")}</label>
    <label>Id (in its addresses) <input name="clinicId" maxlength="64" .value=${clinicId}
      @input=${(e: Event) => { idTyped = true; clinicId = (e.target as HTMLInputElement).value; draw(); }}>${fieldErrors("clinicId")}</label>
    <label>Time zone <select name="timeZoneId" @change=${(e: Event) => { timeZoneId = (e.target as HTMLSelectElement).value; }}>
      ${timeZones(timeZoneId).map(z => html`<option value=${z} ?selected=${z === timeZoneId}>${z.replaceAll("_", " ")}</option>`)}</select>${fieldErrors("timeZoneId")}</label>
    <button type="submit" class="primary" ?disabled=${busy}>Create clinic</button>
    ${problem && Object.keys(problem.errors).length === 0 ? html`<p class="error" role="alert">${messagesOf(problem).join(" ")}</p>` : nothing}
  </form>`, target);

  async function create(event: Event): Promise<void> {
    event.preventDefault();
    busy = true;
    draw();
    const answer = await submit<unknown>("POST", "/api/clinics", { clinicId: clinicId.trim(), name, timeZoneId });
    busy = false;
    if (answer.ok) {
      window.location.assign(`/settings/${encodeURIComponent(clinicId.trim())}?created=1`);
      return;
    }

    problem = answer.problem;
    draw();
  }

  draw();
}
