// The clinic's reminder settings on the message queue screen (managers): lead times, quiet hours (clinic time), the
// reminder template, and the waitlist offers (off by default: wave size, minutes between waves, minutes before the
// start they stop, and the offer message). The server checks every field; its messages are shown, nothing is changed.
import { html, nothing, type TemplateResult } from "lit-html";
import { messagesOf, submit } from "./problem";
import type { MessagingSettings } from "./types";

export interface SettingsState { settings: MessagingSettings; result: { kind: "ok" | "error"; lines: string[] } | null; busy: boolean; }

const hhmm = (time: string) => time.slice(0, 5);
/** A whole number as typed, or null (the server then names the field). */
const whole = (text: string) => /^\d+$/.test(text) ? Number(text) : null;
const valueOf = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement).value.trim();

export function settingsPart(state: SettingsState, save: (event: Event) => void): TemplateResult {
  const s = state.settings;
  const reminder = s.templates.find(t => t.name === "reminder") ?? { name: "reminder", subject: "", body: "" };
  return html`<section class="settings-part" id="reminder-settings" aria-labelledby="part-reminders">
    <h2 id="part-reminders">Reminder settings</h2>
    <form id="messaging-form" novalidate @submit=${save}>
      <div class="settings-grid">
        <label>Lead times, hours before the visit (comma-separated)<input name="leads" value=${s.reminderLeadHours.join(", ")}></label>
        <label>Quiet hours from<input name="quietFrom" type="time" value=${hhmm(s.quietFrom)}></label>
        <label>until<input name="quietUntil" type="time" value=${hhmm(s.quietUntil)}></label>
        <label class="check"><input type="checkbox" name="enabled" ?checked=${s.remindersEnabled}> Send reminders</label>
        <label>At most one recall per patient every (days)<input name="recallEveryDays" type="number" min="1" max="365" value=${s.recallEveryDays}></label>
      </div>
      <label>Subject (e-mail)<input name="subject" value=${reminder.subject}></label>
      <label>Message<textarea name="body" rows="3">${reminder.body}</textarea></label>
      <p class="hint">Merge fields: ${s.mergeFields.map(f => `{${f}}`).join(", ")}. Nothing else can be merged (minimum necessary).
        Equal quiet times turn quiet hours off.</p>
      <fieldset id="offer-settings"><legend>Waitlist offers</legend>
        <div class="settings-grid">
          <label class="check"><input type="checkbox" name="offersEnabled" ?checked=${s.offers.enabled}> Offer freed slots to the waitlist</label>
          <label class="check"><input type="checkbox" name="offersAutomatic" ?checked=${s.offers.automatic ?? false}> Start offers as soon as a slot is freed (no tap needed)</label>
          <label>Patients per wave<input name="waveSize" type="number" min="1" max="100" value=${String(s.offers.waveSize)}></label>
          <label>Minutes between waves<input name="waveMinutes" type="number" min="1" value=${String(s.offers.waveMinutes)}></label>
          <label>Stop this many minutes before the start<input name="stopBeforeMinutes" type="number" min="0" value=${String(s.offers.stopBeforeMinutes)}></label>
        </div>
        <label>Offer message<textarea name="offerBody" rows="2">${s.offerTemplate.body}</textarea></label>
      </fieldset>
      <button type="submit" class="primary" ?disabled=${state.busy}>Save reminder settings</button>
      ${state.result ? html`<div class=${`save-result ${state.result.kind}`} role="status" id="messaging-result">
        ${state.result.lines.map(line => html`<p>${line}</p>`)}</div>` : nothing}
    </form>
  </section>`;
}

/** Sends the form; the state then holds the saved settings, or the server's messages. */
export async function saveSettings(url: string, form: HTMLFormElement, state: SettingsState): Promise<void> {
  const leads = valueOf(form, "leads").split(",").map(part => part.trim()).filter(part => part !== "").map(Number);
  const body = {
    remindersEnabled: (form.elements.namedItem("enabled") as HTMLInputElement).checked,
    reminderLeadHours: leads, quietFrom: valueOf(form, "quietFrom"), quietUntil: valueOf(form, "quietUntil"),
    templates: [{ name: "reminder", subject: valueOf(form, "subject"), body: valueOf(form, "body") },
      { name: "offer", subject: state.settings.offerTemplate.subject, body: valueOf(form, "offerBody") }],
    offers: {
      enabled: (form.elements.namedItem("offersEnabled") as HTMLInputElement).checked,
      waveSize: whole(valueOf(form, "waveSize")), waveMinutes: whole(valueOf(form, "waveMinutes")),
      stopBeforeMinutes: whole(valueOf(form, "stopBeforeMinutes")),
      automatic: (form.elements.namedItem("offersAutomatic") as HTMLInputElement).checked,
    },
    recallEveryDays: whole(valueOf(form, "recallEveryDays")),
  };
  state.busy = true;
  const answer = await submit<MessagingSettings>("PUT", url, body);
  state.busy = false;
  if (answer.ok) {
    state.settings = answer.value;
    state.result = { kind: "ok", lines: ["Saved. New bookings and moved visits get reminders at these times."] };
  } else {
    state.result = { kind: "error", lines: ["Not saved:", ...messagesOf(answer.problem)] };
  }
}
