// The one navigation of every staff page: the clinic (a switcher when the user has several), the screens the user's
// role opens there, who is signed in, and sign-out. It renders into <header id="site-nav"> and stays one short row.
import { html, nothing, render } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { currentSession, getJson, postJson } from "./dom";
import type { ClinicListing, StaffRole as Role, StaffSession } from "./types";

interface Screen { screen: string; label: string; roles: Role[]; }

const desk: Role[] = ["Admin", "Manager", "FrontDesk"];
const managers: Role[] = ["Admin", "Manager"];

/** The screens of one clinic, in the order the row shows them; the server still checks each. */
const clinicScreens: Screen[] = [
  { screen: "board", label: "Board", roles: desk },
  { screen: "schedule", label: "Schedule", roles: desk },
  { screen: "patients", label: "Patients", roles: desk },
  { screen: "therapist", label: "My day", roles: ["Therapist"] },
  { screen: "manager", label: "Manager", roles: managers },
  { screen: "trends", label: "Trends", roles: managers },
  { screen: "worklists", label: "Worklists", roles: managers },
  { screen: "messages", label: "Messages", roles: managers },
  { screen: "settings", label: "Setup", roles: managers },
  { screen: "audit", label: "Audit log", roles: managers },
  { screen: "supplies", label: "Supplies", roles: desk },
  { screen: "equipment", label: "Equipment", roles: managers },
  { screen: "injury-log", label: "Injury log", roles: managers },
  { screen: "staff", label: "Staff", roles: ["Admin", "Manager", "FrontDesk", "Therapist"] },
  { screen: "referrals", label: "Referrals", roles: desk },
  { screen: "billing-codes", label: "Billing codes", roles: managers },
  { screen: "lobby", label: "Lobby", roles: ["Admin", "Manager", "FrontDesk", "Therapist"] },
];

const roleNames: Record<Role, string> = { Admin: "Administrator", Manager: "Manager", FrontDesk: "Front desk", Therapist: "Therapist" };

function clinicUrl(screen: string, clinicId: string): string {
  return `/${screen}/${encodeURIComponent(clinicId)}`;
}

/** The screen and clinic of a path like /board/{clinic}; none on the home and administration pages. */
function place(): { screen: string; clinicId: string | null } {
  const [screen = "", clinic] = window.location.pathname.split("/").filter(Boolean);
  return clinicScreens.some(s => s.screen === screen) && clinic
    ? { screen, clinicId: decodeURIComponent(clinic) }
    : { screen, clinicId: null };
}

async function signOut(): Promise<void> {
  await postJson("/api/account/sign-out");
  window.location.assign("/login.html");
}

function switchTo(screen: string, event: Event): void {
  window.location.assign(clinicUrl(screen, (event.target as HTMLSelectElement).value));
}

function view(session: StaffSession, clinics: ClinicListing[], here: { screen: string; clinicId: string | null }) {
  const current = here.clinicId;
  const name = clinics.find(c => c.clinicId === current)?.name ?? current;
  const links = current === null ? [] : clinicScreens.filter(s => s.roles.includes(session.role));
  const clinic = current === null
    ? nothing
    : clinics.length > 1
      ? html`<label class="nav-clinic"><span class="visually-hidden">Clinic</span>
          <select id="nav-clinic" @change=${(e: Event) => switchTo(here.screen, e)}>
            ${repeat(clinics, c => c.clinicId, c => html`<option value=${c.clinicId} ?selected=${c.clinicId === current}>${c.name}</option>`)}
          </select></label>`
      : html`<span class="nav-clinic" id="nav-clinic">${name}</span>`;
  return html`
    <nav aria-label="PtHub">
      <a class="nav-home" href="/" aria-current=${here.screen === "" ? "page" : nothing}>PtHub</a>
      ${clinic}
      <ul class="nav-links">
        ${repeat(links, s => s.screen, s => html`<li><a href=${clinicUrl(s.screen, current!)} data-screen=${s.screen}
          aria-current=${s.screen === here.screen ? "page" : nothing}>${s.label}</a></li>`)}
        ${managers.includes(session.role)
          ? html`<li><a href="/rollup" data-screen="rollup" aria-current=${here.screen === "rollup" ? "page" : nothing}>All clinics</a></li>`
          : nothing}
        ${session.role === "Admin"
          ? html`<li><a href="/admin.html" data-screen="admin" aria-current=${here.screen === "admin.html" ? "page" : nothing}>Admin</a></li>`
          : nothing}
      </ul>
      <span class="nav-user" id="who" title=${`${session.displayName} (${session.userName})`}>${session.displayName} · ${roleNames[session.role]}</span>
      <button type="button" class="nav-sign-out" id="sign-out" @click=${signOut}>Sign out</button>
    </nav>`;
}

/**
 * Renders the navigation into <header id="site-nav"> for whoever is signed in, and answers their session (null, and
 * nothing shown, when nobody is: a paired wall display has no session).
 */
export async function mountNav(target: HTMLElement | null = document.getElementById("site-nav")): Promise<StaffSession | null> {
  const session = await currentSession();
  if (!session || !target) return session;
  const here = place();
  const clinics = await getJson<ClinicListing[]>("/api/clinics").catch(() => [] as ClinicListing[]);
  render(view(session, clinics, here), target);
  return session;
}
