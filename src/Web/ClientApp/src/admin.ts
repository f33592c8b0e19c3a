// Administration: staff accounts (passwords are generated and shown once) and lobby displays (paired with a
// one-time link, revoked in one tap, which disconnects the display at once).
import { el, getJson, postJson, replace, send } from "./dom";
import { mountNav } from "./nav";
import { mountNewClinic } from "./newclinic";

import type { ClinicListing, DisplayDevice, DisplayPaired as Paired, StaffUserCreated as Created, StaffUserView as UserView } from "./types";

const notice = document.getElementById("notice")!;
const users = document.getElementById("users")!;
const displays = document.getElementById("displays")!;
const clinicSelect = document.getElementById("display-clinic") as HTMLSelectElement;

function tell(...parts: (string | Node)[]): void {
  replace(notice, ...parts);
  notice.hidden = false;
}

async function act(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    tell(`Refused: ${(error as Error).message}`);
  }
}

async function loadUsers(): Promise<void> {
  const all = await getJson<UserView[]>("/api/users");
  replace(users, ...all.map(u => {
    const reset = el("button", { class: "secondary", type: "button" }, "New password");
    reset.addEventListener("click", () => act(async () => {
      const created = await postJson<Created>(`/api/users/${encodeURIComponent(u.userId)}/password-reset`);
      tell(`New password for ${u.userName} (shown once): `, el("code", {}, created.password));
    }));
    const unlock = el("button", { class: "secondary", type: "button" }, "Unlock");
    unlock.addEventListener("click", () => act(async () => {
      await postJson<UserView>(`/api/users/${encodeURIComponent(u.userId)}/unlock`);
      tell(`${u.userName} is unlocked, from every address.`);
      await loadUsers();
    }));
    const toggle = el("button", { class: u.disabled ? "secondary" : "danger", type: "button" }, u.disabled ? "Enable" : "Disable");
    toggle.addEventListener("click", () => act(async () => {
      await send("PUT", `/api/users/${encodeURIComponent(u.userId)}`, { ...u, disabled: !u.disabled });
      await loadUsers();
    }));
    return el("tr", {},
      el("td", {}, u.userName), el("td", {}, u.displayName), el("td", {}, u.role + (u.therapistId ? ` (${u.therapistId})` : "")),
      el("td", {}, u.role === "Admin" ? "all" : u.clinicIds.join(", ")),
      el("td", {}, u.disabled ? "disabled" : u.lockedOut ? "locked out" : "active"),
      el("td", {}, reset, unlock, toggle));
  }));
}

async function loadDisplays(): Promise<void> {
  const clinicId = clinicSelect.value;
  if (!clinicId) return;
  const all = await getJson<DisplayDevice[]>(`/api/clinics/${encodeURIComponent(clinicId)}/displays`);
  replace(displays, ...all.map(d => {
    const revoke = d.revokedAt ? null : el("button", { class: "danger", type: "button" }, "Revoke");
    revoke?.addEventListener("click", () => act(async () => {
      await send("DELETE", `/api/clinics/${encodeURIComponent(clinicId)}/displays/${d.displayId}`);
      tell(`${d.name} is revoked and was disconnected.`);
      await loadDisplays();
    }));
    return el("tr", {},
      el("td", {}, d.name), el("td", {}, `${new Date(d.pairedAt).toLocaleString()} by ${d.pairedBy}`),
      el("td", {}, d.revokedAt ? `revoked ${new Date(d.revokedAt).toLocaleString()}` : "active"), el("td", {}, revoke));
  }));
}

document.getElementById("new-user")!.addEventListener("submit", event => act(async () => {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  const clinicIds = String(data.get("clinicIds") ?? "").split(",").map(s => s.trim()).filter(Boolean);
  const therapistId = String(data.get("therapistId") ?? "").trim() || null;
  const created = await postJson<Created>("/api/users", {
    userName: data.get("userName"), displayName: data.get("displayName"), role: data.get("role"), clinicIds, therapistId,
  });
  form.reset();
  tell(`Created ${created.user.userName}. Password (shown once, give it to them in person): `, el("code", {}, created.password));
  await loadUsers();
}));

document.getElementById("new-display")!.addEventListener("submit", event => act(async () => {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const name = String(new FormData(form).get("name") ?? "");
  const paired = await postJson<Paired>(`/api/clinics/${encodeURIComponent(clinicSelect.value)}/displays`, { name });
  const link = new URL(paired.pairUrl, window.location.origin).toString();
  tell(`Open this link once on the display (shown only now): `, el("code", { class: "pair-link" }, link));
  // Not form.reset(): that would also put the clinic back to the first one and list another clinic's displays.
  (form.elements.namedItem("name") as HTMLInputElement).value = "";
  await loadDisplays();
}));

clinicSelect.addEventListener("change", () => act(loadDisplays));
await mountNav();
mountNewClinic(document.getElementById("new-clinic-slot")!);
const clinics = await getJson<ClinicListing[]>("/api/clinics");
replace(clinicSelect, ...clinics.map(c => el("option", { value: c.clinicId }, `${c.name} (${c.clinicId})`)));
await act(loadUsers);
await act(loadDisplays);
