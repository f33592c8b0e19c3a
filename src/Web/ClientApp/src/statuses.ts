// How each visit status reads on a screen: always words beside the colour.
import type { VisitStatus } from "./types";

export const statusLabel: Record<VisitStatus, string> = {
  booked: "Booked", arrived: "Arrived", "checked-in": "Checked in", "in-treatment": "In treatment",
  finished: "Finished", "checked-out": "Checked out", cancelled: "Cancelled", noshow: "No-show",
  "left-without-being-seen": "Left unseen", "entered-in-error": "Entered in error",
};

/** Statuses of a visit that did not and will not take place. */
export const didNotHappen: VisitStatus[] = ["cancelled", "noshow", "entered-in-error"];
