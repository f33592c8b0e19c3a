// Sending a form to the API and keeping its RFC 7807 answer whole, so a page can show each field's messages beside
// that field (dom.ts's send flattens them into one sentence, which suits a toast but not a form).
import { signIn } from "./dom";

export interface Problem {
  title: string; detail: string | null; errors: Record<string, string[]>; status: number;
  /** The whole answer, for a problem's extension members (a 409's "matches", a booking's "conflicts"). */
  body: Record<string, unknown>;
}

export type Answer<T> = { ok: true; value: T; location: string | null } | { ok: false; problem: Problem };

export async function submit<T>(method: string, url: string, body: unknown): Promise<Answer<T>> {
  const response = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status === 401) signIn();
  if (response.ok) {
    return { ok: true, value: (response.status === 204 ? null : await response.json()) as T, location: response.headers.get("Location") };
  }

  const problem = await response.json().catch(() => ({})) as Partial<Problem> & Record<string, unknown>;
  return {
    ok: false,
    problem: {
      title: problem.title ?? `The server answered ${response.status}.`,
      detail: problem.detail ?? null,
      errors: problem.errors ?? {},
      status: response.status,
      body: problem,
    },
  };
}

/** Every message of a problem, in words: the field messages, or else its detail or title. */
export function messagesOf(problem: Problem): string[] {
  const fields = Object.values(problem.errors).flat();
  return fields.length > 0 ? fields : [problem.detail ?? problem.title];
}
