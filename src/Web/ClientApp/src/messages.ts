// The clinic's message queue, /messages/{clinic} (managers): every reminder the outbox holds, failed and bounced
// first (what staff must act on), then what is still to go, then the rest. "Refresh" reads it again; the time of the
// last read is shown. Each row leads to the patient's profile, where the desk fixes a number or an opt-out. Below the
// queue, the clinic's reminder settings (messaging-settings.ts).
import { html, render } from "lit-html";
import { clinicFromPath, clinicOrNotFound, clockTime, getJson, signIn } from "./dom";
import { mountNav } from "./nav";
import { messagesTable } from "./messages-table";
import { saveSettings, settingsPart, type SettingsState } from "./messaging-settings";
import type { ClinicConfig, MessagingSettings, OutboxMessage } from "./types";

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}`;
const root = document.getElementById("messages")!;
let config: ClinicConfig;
let list: OutboxMessage[] = [];
let readAt = new Date();
let failure: string | null = null;
let settings: SettingsState | null = null;

const profileOf = (patientId: string) => `/patients/${encodeURIComponent(clinicId)}/${encodeURIComponent(patientId)}`;

function page() {
  const failed = list.filter(m => m.status === "Failed" || m.status === "Bounced").length;
  const queued = list.filter(m => m.status === "Pending").length;
  const unsent = list.filter(m => m.status === "Pending" && m.lastError === "no channel configured").length;
  return html`<p class="hint" id="queue-summary">
      <strong>${failed}</strong> failed or bounced · <strong>${queued}</strong> queued · ${list.length} shown ·
      read at ${clockTime(readAt, config.timeZoneId, true)} (clinic time)
      <button type="button" id="refresh" @click=${load}>Refresh</button></p>
    ${unsent > 0 ? html`<p class="alert" role="status" id="no-channel">${unsent} queued message(s) cannot go out: no channel configured for this clinic (see the README's PtHub:Communication settings).</p>` : ""}
    ${failure ? html`<p class="alert" role="alert">${failure}</p>` : ""}
    ${messagesTable(list, config.timeZoneId, "queue", profileOf)}
    ${settings ? settingsPart(settings, save) : ""}`;
}

async function save(event: Event): Promise<void> {
  event.preventDefault();
  if (!settings) return;
  const pending = saveSettings(`${api}/messaging`, event.target as HTMLFormElement, settings);
  render(page(), root);
  await pending;
  render(page(), root);
}

async function load(): Promise<void> {
  try {
    list = await getJson<OutboxMessage[]>(`${api}/messages?limit=500`);
    readAt = new Date();
    failure = null;
  } catch (error) {
    failure = (error as Error).message;
  }
  render(page(), root);
}

async function start(): Promise<void> {
  if (!(await mountNav())) signIn();
  const found = await clinicOrNotFound<ClinicConfig>(api, root);
  if (!found) return;
  config = found;
  document.getElementById("clinic-title")!.textContent = `Messages · ${config.name}`;
  settings = { settings: await getJson<MessagingSettings>(`${api}/messaging`), result: null, busy: false };
  await load();
}

void start();
