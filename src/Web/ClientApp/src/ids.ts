// Ids go into URLs and grain keys: short lowercase tokens the server accepts (letters, digits, '-').

/** An id from a name: "North Side PT" → "north-side-pt" (ids go into URLs and grain keys). */
export function idFrom(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64);
}
