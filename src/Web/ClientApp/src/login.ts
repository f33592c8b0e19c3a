// The sign-in page: a JSON post to the API from this same origin (no cross-site form can do it), then back to
// the page that sent the user here, if it is one of ours.
import { getJson } from "./dom";

const form = document.getElementById("sign-in") as HTMLFormElement;
const error = document.getElementById("error")!;

function returnPath(): string {
  const target = new URLSearchParams(window.location.search).get("return") ?? "/";
  // Only a page of this site, as the browser itself resolves it ("/\t/x", "//x", "https://x" all leave it).
  try {
    const url = new URL(target, window.location.origin);
    return url.origin === window.location.origin ? url.pathname + url.search + url.hash : "/";
  } catch {
    return "/";
  }
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  const button = form.querySelector("button")!;
  button.disabled = true;
  error.hidden = true;
  try {
    const data = new FormData(form);
    const response = await fetch("/api/account/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ userName: data.get("userName"), password: data.get("password") }),
    });
    if (response.ok) {
      window.location.assign(returnPath());
      return;
    }

    const problem = await response.json().catch(() => ({}));
    error.textContent = problem.detail ?? problem.title ?? `Sign-in failed (HTTP ${response.status}).`;
    error.hidden = false;
  } finally {
    button.disabled = false;
  }
});

const providers = await getJson<{ identityProvider: string | null }>("/api/account/providers");
if (providers.identityProvider) {
  document.getElementById("provider-link")!.textContent = providers.identityProvider;
  document.getElementById("provider")!.hidden = false;
}
