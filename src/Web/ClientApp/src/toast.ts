// The one toast of a staff page: a short message at the bottom (role=status, so screen readers hear it), with an
// optional button (undo) that stays for as long as the message does. Each page has one <div id="toast">.
import { el, replace } from "./dom";

export type ToastKind = "error" | "info";

export interface ToastAction { label: string; run: () => Promise<void>; }

export function say(text: string, kind: ToastKind = "error", action?: ToastAction): void {
  const toast = document.getElementById("toast");
  if (!toast) return;
  replace(toast, el("span", {}, text));
  if (action) {
    const button = el("button", { type: "button", class: "secondary" }, action.label);
    button.addEventListener("click", async () => { toast.hidden = true; await action.run(); });
    toast.append(button);
  }
  toast.dataset.kind = kind;
  toast.hidden = false;
  window.clearTimeout(Number(toast.dataset.timer));
  toast.dataset.timer = String(window.setTimeout(() => { toast.hidden = true; }, action ? 10000 : 6000));
}
