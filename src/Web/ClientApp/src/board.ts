// The front desk's patient-flow board: today's visits by status, time in status, alerts and one-tap actions.
import { LiveConnection, LiveView } from "./live";
import { clinicFromPath, clockTime, el, getJson, minutesSince, postJson, replace } from "./dom";
import type { BoardDelta, BoardRow, BoardView, ClinicConfig, ManagerView, VisitStatus } from "./types";

const clinicId = clinicFromPath();
const api = `/api/clinics/${encodeURIComponent(clinicId)}`;

const statusLabel: Record<VisitStatus, string> = {
  booked: "Booked", arrived: "Arrived", "checked-in": "Checked in", "in-treatment": "In treatment",
  finished: "Finished", "checked-out": "Checked out", cancelled: "Cancelled", noshow: "No-show",
  "left-without-being-seen": "Left unseen", "entered-in-error": "Entered in error",
};

const groups: { id: string; title: string; statuses: VisitStatus[] }[] = [
  { id: "waiting", title: "Waiting", statuses: ["arrived", "checked-in"] },
  { id: "treatment", title: "In treatment", statuses: ["in-treatment"] },
  { id: "checkout", title: "To check out", statuses: ["finished"] },
  { id: "upcoming", title: "Upcoming", statuses: ["booked"] },
  { id: "done", title: "Done", statuses: ["checked-out"] },
  { id: "closed", title: "Cancelled, no-show, left", statuses: ["cancelled", "noshow", "left-without-being-seen", "entered-in-error"] },
];

let config: ClinicConfig | null = null;
const therapistFilter = document.getElementById("filter-therapist") as HTMLSelectElement;
const groupFilter = document.getElementById("filter-status") as HTMLSelectElement;
const toast = document.getElementById("toast")!;
const dialog = document.getElementById("ask") as HTMLDialogElement;

function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function say(text: string, kind: "error" | "info" = "error"): void {
  toast.textContent = text;
  toast.dataset.kind = kind;
  toast.hidden = false;
  window.clearTimeout(Number(toast.dataset.timer));
  toast.dataset.timer = String(window.setTimeout(() => { toast.hidden = true; }, 6000));
}

interface Choice { name: string; label: string; options: { value: string; label: string }[]; value?: string; }

interface Question { title: string; message?: string; confirm: string; reason?: boolean; choices?: Choice[]; fields?: { name: string; label: string; type: string }[]; }

/** A modal question; resolves with the form's values, or null when dismissed. */
function ask(q: Question): Promise<Record<string, string> | null> {
  const form = el("form", { method: "dialog" },
    el("h2", {}, q.title),
    q.message ? el("p", {}, q.message) : null,
    ...(q.fields ?? []).map(f => el("label", {}, f.label, el("input", { name: f.name, type: f.type, required: "" }))),
    ...(q.choices ?? []).map(c => el("label", {}, c.label,
      el("select", { name: c.name }, ...c.options.map(o => {
        const option = el("option", { value: o.value }, o.label);
        option.selected = o.value === c.value;
        return option;
      })))),
    q.reason ? el("label", {}, "Reason", el("input", { name: "reason", type: "text", required: "", maxlength: "200" })) : null,
    el("div", { class: "buttons" },
      el("button", { value: "cancel", type: "button", class: "secondary", "data-dismiss": "" }, "Back"),
      el("button", { value: "ok", type: "submit", class: "primary" }, q.confirm)));
  replace(dialog, form);
  return new Promise(resolve => {
    form.querySelector("[data-dismiss]")!.addEventListener("click", () => { dialog.close(); resolve(null); });
    form.addEventListener("submit", event => {
      event.preventDefault();
      const values: Record<string, string> = {};
      new FormData(form).forEach((v, k) => { values[k] = String(v); });
      dialog.close();
      resolve(values);
    });
    dialog.addEventListener("cancel", () => resolve(null), { once: true });
    dialog.showModal();
  });
}

async function command(row: BoardRow, action: string, body: Record<string, string | undefined> = {}): Promise<void> {
  try {
    await postJson(`${api}/visits/${encodeURIComponent(row.visitId)}/${action}`, { commandId: uuid(), ...body });
  } catch (error) {
    say((error as Error).message);
  }
}

function freeRooms(current: string | null): { value: string; label: string }[] {
  const spaces = manager.current?.spaces ?? [];
  return spaces.filter(s => s.id === current || (s.state !== "out-of-service" && s.occupied < s.capacity))
    .map(s => ({ value: s.id, label: `${s.name} (${s.occupied} of ${s.capacity})` }));
}

function freeTherapists(current: string): { value: string; label: string }[] {
  const loads = manager.current?.therapists ?? [];
  return loads.filter(t => t.id === current || t.treating < t.capacity)
    .map(t => ({ value: t.id, label: `${t.displayName} (${t.treating} of ${t.capacity})` }));
}

async function room(row: BoardRow): Promise<void> {
  const rooms = freeRooms(row.roomId);
  if (rooms.length === 0) { say("Every treatment space is full."); return; }
  const answer = await ask({ title: `Room ${row.patientName}`, confirm: "Room", choices: [{ name: "roomId", label: "Treatment space", options: rooms, value: row.roomId ?? undefined }] });
  if (answer) await command(row, "assign", { roomId: answer.roomId });
}

async function start(row: BoardRow): Promise<void> {
  const rooms = freeRooms(row.roomId);
  const therapists = freeTherapists(row.therapistId);
  if (therapists.length === 0) { say("No therapist has room for another patient right now."); return; }
  const answer = await ask({
    title: `Start treatment: ${row.patientName}`, confirm: "Start",
    choices: [
      { name: "roomId", label: "Treatment space", options: rooms, value: row.roomId ?? undefined },
      { name: "therapistId", label: "Therapist", options: therapists, value: row.therapistId },
    ],
  });
  if (answer) await command(row, "start", { roomId: answer.roomId, therapistId: answer.therapistId });
}

async function confirmAndSend(row: BoardRow, action: string, title: string, needsReason: boolean): Promise<void> {
  const answer = await ask({ title, message: `${row.patientName}, ${clockTime(row.scheduledStart)} with ${row.therapistName}`, confirm: title, reason: needsReason });
  if (answer) await command(row, action, needsReason ? { reason: answer.reason } : {});
}

async function collectCopay(row: BoardRow): Promise<void> {
  const answer = await ask({
    title: `Copay: ${row.patientName}`, confirm: "Collected", message: `Due: $${row.copayDue?.toFixed(2)}`,
    fields: [],
    choices: [{ name: "method", label: "Paid by", options: [
      { value: "card", label: "Card" }, { value: "cash", label: "Cash" }, { value: "check", label: "Check" }, { value: "waived", label: "Waived" }] }],
  });
  if (answer) await command(row, "collect-copay", { amount: row.copayDue?.toFixed(2), method: answer.method });
}

function actionsFor(row: BoardRow): HTMLElement[] {
  const copay = row.copayDue !== null ? [copayButton(row)] : [];
  return [...lifecycleActions(row), ...copay];
}

function copayButton(row: BoardRow): HTMLElement {
  const b = el("button", { type: "button", class: "secondary" }, `Copay $${row.copayDue?.toFixed(2)}…`);
  b.addEventListener("click", () => void collectCopay(row));
  return b;
}

function lifecycleActions(row: BoardRow): HTMLElement[] {
  const button = (label: string, run: () => Promise<void>, cls = "primary") => {
    const b = el("button", { type: "button", class: cls }, label);
    b.addEventListener("click", async () => {
      b.disabled = true;
      try { await run(); } finally { b.disabled = false; }
    });
    return b;
  };
  switch (row.status) {
    case "booked": return [
      button("Arrive", () => command(row, "arrive")),
      button("Cancel…", () => confirmAndSend(row, "cancel", "Cancel visit", true), "danger"),
      ...(new Date(row.scheduledStart).getTime() <= Date.now() ? [button("No-show…", () => confirmAndSend(row, "no-show", "Mark no-show", false), "danger")] : []),
    ];
    case "arrived": return [
      button("Check in", () => command(row, "check-in")),
      button("Left…", () => confirmAndSend(row, "left-without-being-seen", "Left without being seen", false), "danger"),
    ];
    case "checked-in": return [
      button("Start…", () => start(row)),
      button(row.roomId ? "Move…" : "Room…", () => room(row), "secondary"),
      button("Left…", () => confirmAndSend(row, "left-without-being-seen", "Left without being seen", false), "danger"),
    ];
    case "in-treatment": return [
      button("Finish", () => command(row, "finish")),
      button("Move…", () => room(row), "secondary"),
    ];
    case "finished": return [button("Check out", () => command(row, "check-out"))];
    default: return [];
  }
}

function rowElement(row: BoardRow, now: number): HTMLElement {
  const minutes = minutesSince(row.statusSince, now);
  return el("article", { class: `visit status-${row.status}`, "data-visit": row.visitId, "data-status": row.status },
    el("div", { class: "time" }, clockTime(row.scheduledStart),
      el("small", {}, row.expectedStart ? `now ~${clockTime(row.expectedStart)}` : `${row.durationMinutes} min`)),
    el("div", { class: "who" },
      el("strong", {}, row.patientName),
      el("small", {}, [row.visitType, row.walkIn ? "walk-in" : "", row.ticket ? `ticket #${row.ticket}` : ""].filter(Boolean).join(" · "))),
    el("div", { class: "where" }, el("span", {}, row.therapistName), el("small", {}, row.roomName ?? "no room")),
    el("div", { class: "state" },
      el("span", { class: `chip ${row.status}` }, statusLabel[row.status]),
      el("small", {}, row.status === "booked" || groups[4].statuses.includes(row.status) || groups[5].statuses.includes(row.status)
        ? "" : `${minutes} min${row.estimatedWaitMinutes !== null && (row.status === "arrived" || row.status === "checked-in") ? ` · est. ${row.estimatedWaitMinutes} min more` : ""}`)),
    el("ul", { class: "alerts" }, ...row.alerts.map(a => el("li", { class: `alert ${a.code}` }, `⚠ ${a.message}`))),
    el("div", { class: "actions" }, ...actionsFor(row)));
}

function openingsSection(view: BoardView): HTMLElement | null {
  const openings = view.openings ?? [];
  if (openings.length === 0) return null;
  return el("section", { class: "group openings", "aria-label": "Openings" },
    el("h2", {}, "Openings for the waitlist ", el("span", { class: "count" }, String(openings.length))),
    ...openings.map(o => el("article", { class: "opening", "data-opening": o.opening.openingId },
      el("div", { class: "time" }, clockTime(o.opening.start), el("small", {}, `${o.opening.minutes} min`)),
      el("div", { class: "who" }, el("strong", {}, o.therapistName), el("small", {}, "freed slot")),
      el("div", { class: "actions" }, ...(o.candidates.length === 0
        ? [el("span", { class: "empty" }, "No one on the waitlist fits")]
        : o.candidates.map(c => {
          const b = el("button", { type: "button", class: "secondary", "data-entry": c.entryId }, `Book ${c.patientName} (P${c.priority})`);
          b.addEventListener("click", async () => {
            b.disabled = true;
            try {
              await postJson(`${api}/waitlist/${encodeURIComponent(c.entryId)}/book`, { start: o.opening.start, therapistId: o.opening.therapistId, commandId: uuid() });
              say(`${c.patientName} booked at ${clockTime(o.opening.start)}.`, "info");
            } catch (error) {
              say((error as Error).message);
            } finally {
              b.disabled = false;
            }
          });
          return b;
        }))))));
}

function render(view: BoardView): void {
  const now = Date.now();
  const therapist = therapistFilter.value;
  const group = groupFilter.value;
  const rows = view.rows.filter(r => !therapist || r.therapistId === therapist);
  const sections = groups.filter(g => !group || g.id === group).map(g => {
    const mine = rows.filter(r => g.statuses.includes(r.status));
    return el("section", { class: `group ${g.id}`, "aria-label": g.title },
      el("h2", {}, `${g.title} `, el("span", { class: "count" }, String(mine.length))),
      ...(mine.length === 0 ? [el("p", { class: "empty" }, "None")] : mine.map(r => rowElement(r, now))));
  });
  replace(document.getElementById("board")!, openingsSection(view), ...sections);
}

function applyDelta(state: BoardView, delta: BoardDelta): BoardView {
  const rows = new Map(state.rows.map(r => [r.visitId, r]));
  for (const row of delta.upserts) rows.set(row.visitId, row);
  for (const id of delta.removed) rows.delete(id);
  const ordered = [...rows.values()].sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart) || a.visitId.localeCompare(b.visitId));
  return { ...state, version: delta.version, rows: ordered, openings: delta.openings ?? state.openings };
}

async function walkIn(): Promise<void> {
  if (!config) return;
  const answer = await ask({
    title: "Walk-in", confirm: "Add walk-in",
    fields: [{ name: "firstName", label: "First name", type: "text" }, { name: "lastName", label: "Last name", type: "text" }, { name: "birthDate", label: "Birth date", type: "date" }],
    choices: [
      { name: "therapistId", label: "Therapist", options: config.therapists.map(t => ({ value: t.id, label: t.displayName })) },
      { name: "visitType", label: "Visit type", options: config.visitTypes.map(t => ({ value: t.code, label: t.name })), value: "follow-up" },
    ],
  });
  if (!answer) return;
  try {
    const patient = await postJson<{ patientId: string }>(`${api}/patients`, { firstName: answer.firstName, lastName: answer.lastName, birthDate: answer.birthDate });
    await postJson(`${api}/walk-ins`, { patientId: patient.patientId, therapistId: answer.therapistId, visitType: answer.visitType, commandId: uuid() });
    say(`${answer.firstName} ${answer.lastName} added as a walk-in.`, "info");
  } catch (error) {
    say((error as Error).message);
  }
}

const live = new LiveConnection(document.getElementById("live"));
const board = new LiveView<BoardView, BoardDelta>(live, "SubscribeBoard", "BoardChanged", clinicId, applyDelta, render);
const manager = new LiveView<ManagerView, ManagerView>(live, "SubscribeManager", "ManagerChanged", clinicId, (_, next) => next, () => undefined);

for (const filter of [therapistFilter, groupFilter]) {
  filter.addEventListener("change", () => { if (board.current) render(board.current); });
}
for (const g of groups) groupFilter.append(el("option", { value: g.id }, g.title));
document.getElementById("walk-in")!.addEventListener("click", () => void walkIn());
window.setInterval(() => { if (board.current && !dialog.open) render(board.current); }, 30000);

try {
  config = await getJson<ClinicConfig>(api);
  document.getElementById("clinic-name")!.textContent = config.name;
  document.title = `${config.name} · Board`;
  for (const t of config.therapists) therapistFilter.append(el("option", { value: t.id }, t.displayName));
} catch (error) {
  say((error as Error).message);
}

void live.start();
