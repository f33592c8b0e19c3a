// A therapist's own day: who is waiting for them and in which room, who is with them, what comes later. Only their
// patients (the server answers nothing else). It refreshes every 30 s in the background, which never extends the
// session; starting, finishing and running late are what the therapist does.
import { clinicFromPath, clockTime, currentSession, el, getJson, getJsonInBackground, minutesSince, replace, send, signIn } from "./dom";
import { mountNav } from "./nav";

void mountNav();

interface TherapistVisit {
  visitId: string; scheduledStart: string; durationMinutes: number; visitType: string; patientName: string; status: string;
  statusSince: string; roomId: string | null; roomName: string | null; arrivedAt: string | null; walkIn: boolean;
}
interface TherapistDay { therapistName: string; date: string; runningLateMinutes: number; visits: TherapistVisit[]; }
interface Space { id: string; name: string; }
interface ClinicConfig { name: string; timeZoneId: string; rooms: Space[]; }

const clinicId = clinicFromPath();
const session = await currentSession();
if (!session) signIn();
const therapistId = new URLSearchParams(window.location.search).get("therapist") ?? session.therapistId ?? "";
const api = `/api/clinics/${encodeURIComponent(clinicId)}`;
const dayUrl = `${api}/therapists/${encodeURIComponent(therapistId)}/day`;
const notice = document.getElementById("notice")!;
const updated = document.getElementById("updated")!;
const late = document.getElementById("late") as HTMLSelectElement;
let config: ClinicConfig | null = null;

function tell(text: string): void {
  notice.textContent = text;
  notice.hidden = !text;
}

async function act(visit: TherapistVisit, action: string, body: object = {}): Promise<void> {
  try {
    await send("POST", `${api}/visits/${encodeURIComponent(visit.visitId)}/${action}`, { commandId: crypto.randomUUID(), ...body });
    tell("");
    await refresh(false);
  } catch (error) {
    tell((error as Error).message);
  }
}

function item(visit: TherapistVisit): HTMLElement {
  const zone = config?.timeZoneId;
  const details = [
    `${clockTime(visit.scheduledStart, zone)} · ${visit.durationMinutes} min · ${visit.visitType}`,
    visit.roomName ? `in ${visit.roomName}` : null,
    visit.status === "checked-in" || visit.status === "arrived" ? `waiting ${minutesSince(visit.arrivedAt ?? visit.statusSince)} min` : null,
    visit.status === "in-treatment" ? `for ${minutesSince(visit.statusSince)} min` : null,
    ["noshow", "cancelled", "left-without-being-seen"].includes(visit.status) ? (visit.status === "noshow" ? "no-show" : visit.status.replace(/-/g, " ")) : null,
  ].filter(Boolean).join(" · ");
  const actions: HTMLElement[] = [];
  if (visit.status === "checked-in") {
    const room = el("select", { "aria-label": "Room" }, ...(config?.rooms ?? []).map(r => el("option", { value: r.id }, r.name)));
    if (visit.roomId) room.value = visit.roomId;
    const start = el("button", { class: "primary", type: "button" }, "Start");
    start.addEventListener("click", () => void act(visit, "start", { roomId: room.value }));
    actions.push(room, start);
  } else if (visit.status === "in-treatment") {
    const finish = el("button", { class: "primary", type: "button" }, "Finish");
    finish.addEventListener("click", () => void act(visit, "finish"));
    actions.push(finish);
  }

  return el("li", { class: `appointment ${visit.status}`, "data-visit": visit.visitId, "data-status": visit.status },
    el("span", { class: "name" }, visit.patientName), el("span", { class: "details" }, details), el("span", { class: "actions" }, ...actions));
}

function render(day: TherapistDay): void {
  document.getElementById("title")!.textContent = `${day.therapistName} · ${config?.name ?? ""}`;
  document.title = `${day.therapistName} · My day`;
  late.value = String(day.runningLateMinutes);
  const by = (...statuses: string[]) => day.visits.filter(v => statuses.includes(v.status));
  const empty = (text: string) => el("li", { class: "empty" }, text);
  const fill = (id: string, visits: TherapistVisit[], none: string) =>
    replace(document.getElementById(id)!, ...(visits.length ? visits.map(item) : [empty(none)]));
  fill("waiting", by("checked-in", "arrived"), "Nobody is waiting for you.");
  fill("treating", by("in-treatment"), "Nobody is with you.");
  fill("later", by("booked"), "No more visits booked today.");
  fill("done", by("finished", "checked-out", "noshow", "cancelled", "left-without-being-seen"), "Nothing yet.");
  updated.dataset.state = "live";
  updated.textContent = `● updated ${new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })}`;
}

async function refresh(background: boolean): Promise<void> {
  try {
    render(background ? await getJsonInBackground<TherapistDay>(dayUrl) : await getJson<TherapistDay>(dayUrl));
  } catch (error) {
    updated.dataset.state = "reconnecting";
    updated.textContent = `○ ${(error as Error).message}`;
  }
}

late.addEventListener("change", async () => {
  try {
    await send("PUT", `${api}/therapists/${encodeURIComponent(therapistId)}/running-late`, { minutes: Number(late.value) });
    tell(Number(late.value) === 0 ? "Back on time: the lobby shows it." : `Running ${late.value} min late: the lobby and the desk see it.`);
  } catch (error) {
    tell((error as Error).message);
  }
});

if (!therapistId) {
  tell("This screen is a therapist's own day: sign in as a therapist, or add ?therapist=<id>.");
} else {
  config = await getJson<ClinicConfig>(api);
  await refresh(false);
  window.setInterval(() => void refresh(true), 30000);
}
