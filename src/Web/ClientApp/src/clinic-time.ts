// Wall-clock arithmetic in the clinic's time zone, whatever the browser's: minutes of a day, dates, and the instant
// a clinic-local time happens (one correction step makes it right on the days the clocks change).

const minuteFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function minuteFormat(timeZone: string): Intl.DateTimeFormat {
  let format = minuteFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
    minuteFormats.set(timeZone, format);
  }
  return format;
}

/** Minutes since local midnight of an instant, in the zone. */
export function minuteOfDay(iso: string | number | Date, timeZone: string): number {
  const parts = minuteFormat(timeZone).formatToParts(new Date(iso));
  const hour = Number(parts.find(p => p.type === "hour")?.value ?? 0);
  const minute = Number(parts.find(p => p.type === "minute")?.value ?? 0);
  return hour * 60 + minute;
}

/** The local date (yyyy-mm-dd) of an instant in the zone. */
export function localDate(iso: string | number | Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone });
    dateFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

/** The instant of a minute of the day that begins at <midnight> (ISO), in the zone. */
export function instantAt(midnight: string, minute: number, timeZone: string): Date {
  const guess = new Date(midnight).getTime() + minute * 60000;
  let drift = minute - minuteOfDay(guess, timeZone);
  if (drift > 720) drift -= 1440;
  if (drift < -720) drift += 1440;
  return new Date(guess + drift * 60000);
}

/** "09:05" from minutes since midnight. */
export function hhmm(minute: number): string {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Minutes since midnight from "09:05"; null when it is not a time. */
export function parseHhmm(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** A calendar date moved by whole days (dates as yyyy-mm-dd, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week holding a date. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** "Tue 8 Dec" for a calendar date. */
export function dayLabel(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString([], { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
}

export const weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The instant a local date (yyyy-mm-dd) begins in the zone. */
export function midnightOf(date: string, timeZone: string): Date {
  return instantAt(`${date}T00:00:00Z`, 0, timeZone);
}
