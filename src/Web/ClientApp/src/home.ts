// The start page: every clinic with links to its three screens.
import { el, getJson, replace } from "./dom";

interface ClinicListing { clinicId: string; name: string; }

const list = document.getElementById("clinics")!;
try {
  const clinics = await getJson<ClinicListing[]>("/api/clinics");
  replace(list, ...(clinics.length === 0
    ? [el("li", {}, "No clinic yet. Create one with PUT /api/clinics/{id} (see the API page).")]
    : clinics.map(c => el("li", { class: "clinic" },
      el("span", { class: "name" }, c.name),
      el("a", { href: `/board/${encodeURIComponent(c.clinicId)}` }, "Front-desk board"),
      el("a", { href: `/lobby/${encodeURIComponent(c.clinicId)}` }, "Lobby display"),
      el("a", { href: `/manager/${encodeURIComponent(c.clinicId)}` }, "Manager view")))));
} catch (error) {
  replace(list, el("li", { class: "error" }, `Could not load clinics: ${(error as Error).message}`));
}
