// The start page: who is signed in, and the screens of their clinics that their role opens.
import { currentSession, el, getJson, postJson, replace, signIn } from "./dom";

interface ClinicListing { clinicId: string; name: string; }

const list = document.getElementById("clinics")!;
const who = document.getElementById("who")!;
const session = await currentSession();
if (!session) signIn();

const desk = session.role !== "Therapist";
const manages = session.role === "Admin" || session.role === "Manager";
replace(who,
  el("span", {}, `${session.displayName} (${session.userName}) · ${session.role}`),
  session.role === "Admin" ? el("a", { href: "/admin.html" }, "Administration") : null,
  el("button", { class: "secondary", id: "sign-out", type: "button" }, "Sign out"));
document.getElementById("sign-out")!.addEventListener("click", async () => {
  await postJson("/api/account/sign-out");
  window.location.assign("/login.html");
});

try {
  const clinics = await getJson<ClinicListing[]>("/api/clinics");
  replace(list, ...(clinics.length === 0
    ? [el("li", {}, session.role === "Admin" ? "No clinic yet. Create one with PUT /api/clinics/{id} (see the API page)." : "You belong to no clinic yet.")]
    : clinics.map(c => el("li", { class: "clinic" },
      el("span", { class: "name" }, c.name),
      session.role === "Therapist" ? el("a", { href: `/therapist/${encodeURIComponent(c.clinicId)}` }, "My day") : null,
      desk ? el("a", { href: `/board/${encodeURIComponent(c.clinicId)}` }, "Front-desk board") : null,
      el("a", { href: `/lobby/${encodeURIComponent(c.clinicId)}` }, "Lobby display"),
      manages ? el("a", { href: `/manager/${encodeURIComponent(c.clinicId)}` }, "Manager view") : null))));
} catch (error) {
  replace(list, el("li", { class: "error" }, `Could not load clinics: ${(error as Error).message}`));
}
