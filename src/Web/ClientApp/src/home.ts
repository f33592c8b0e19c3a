// The start page: the screens of the user's clinics that their role opens, and for administrators a new clinic.
import { el, getJson, replace, signIn } from "./dom";
import { mountNav } from "./nav";
import { mountNewClinic } from "./newclinic";

import type { ClinicListing } from "./types";

const list = document.getElementById("clinics")!;
const session = await mountNav();
if (!session) signIn();

const desk = session.role !== "Therapist";
const manages = session.role === "Admin" || session.role === "Manager";
if (session.role === "Admin") {
  const section = document.getElementById("new-clinic")!;
  section.hidden = false;
  mountNewClinic(document.getElementById("new-clinic-slot")!);
}

try {
  const clinics = await getJson<ClinicListing[]>("/api/clinics");
  replace(list, ...(clinics.length === 0
    ? [el("li", {}, session.role === "Admin" ? "No clinic yet. Create your first one below." : "You belong to no clinic yet.")]
    : clinics.map(c => el("li", { class: "clinic" },
      el("span", { class: "name" }, c.name),
      session.role === "Therapist" ? el("a", { href: `/therapist/${encodeURIComponent(c.clinicId)}` }, "My day") : null,
      desk ? el("a", { href: `/board/${encodeURIComponent(c.clinicId)}` }, "Front-desk board") : null,
      el("a", { href: `/lobby/${encodeURIComponent(c.clinicId)}` }, "Lobby display"),
      manages ? el("a", { href: `/manager/${encodeURIComponent(c.clinicId)}` }, "Manager view") : null,
      manages ? el("a", { href: `/settings/${encodeURIComponent(c.clinicId)}` }, "Setup") : null))));
} catch (error) {
  replace(list, el("li", { class: "error" }, `Could not load clinics: ${(error as Error).message}`));
}
