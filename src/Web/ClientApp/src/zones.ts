// The IANA time zones this browser knows, for a clinic's time-zone picker; the server checks the choice again.

export function timeZones(current: string): string[] {
  const known = Intl.supportedValuesOf("timeZone");
  const extra = ["UTC", current].filter(zone => zone && !known.includes(zone));
  return [...extra, ...known];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
