// One wording of a roster alert, for the staff screen and the manager's view alike (docs/figures.md, "Staff alerts").
import type { StaffAlert } from "./types";

export function alertText(a: StaffAlert): string {
  const what = `${a.staffName}: ${a.typeName}`;
  const verb = a.subject === "Credential" ? "expire" : "fall due";
  if (a.daysLeft < 0) return `${what} ${a.subject === "Credential" ? "expired" : "overdue since"} ${a.date} (${-a.daysLeft} day(s) ago)`;
  if (a.daysLeft === 0) return `${what} ${a.subject === "Credential" ? "expires" : "is due"} today (${a.date})`;
  return `${what} will ${verb} in ${a.daysLeft} day(s), on ${a.date} (${a.leadDays}-day alert)`;
}
