// Shapes of the JSON PtHub sends; they mirror the C# records in src/Grains/Contracts.

export type VisitStatus =
  | "booked" | "arrived" | "checked-in" | "in-treatment" | "finished" | "checked-out"
  | "cancelled" | "noshow" | "left-without-being-seen" | "entered-in-error";

export interface Versioned { clinicId: string; date: string; version: number; }

export interface BoardAlert { code: string; message: string; }

export interface BoardRow {
  visitId: string; scheduledStart: string; durationMinutes: number; visitType: string;
  patientId: string; patientName: string; therapistId: string; therapistName: string;
  roomId: string | null; roomName: string | null; status: VisitStatus; statusSince: string;
  arrivedAt: string | null; walkIn: boolean; alerts: BoardAlert[]; ticket: number | null;
  estimatedWaitMinutes: number | null; copayDue: number | null; expectedStart: string | null;
  /** The desk's steps the visit accepts now (API action codes), decided by the server's state machine. */
  actions: string[]; cancelIsLate: boolean;
}

export interface WaitlistCandidate { entryId: string; patientId: string; patientName: string; priority: number; waitingSince: string; }

export interface BoardOpening { opening: { openingId: string; therapistId: string; start: string; minutes: number }; therapistName: string; candidates: WaitlistCandidate[]; }

export interface BoardView extends Versioned { generatedAt: string; rows: BoardRow[]; openings: BoardOpening[] | null; }

export interface BoardDelta extends Versioned { upserts: BoardRow[]; removed: string[]; openings: BoardOpening[] | null; }

export interface LobbyEntry { label: string; category: "being-seen" | "waiting"; estimatedWaitMinutes: number | null; ticket: number | null; }

export interface LobbyTherapist { displayName: string; nowSeeing: LobbyEntry[]; waiting: LobbyEntry[]; nextWaitMinutes: number | null; runningLateMinutes: number; }

export interface LobbyView extends Versioned { clinicName: string; message: string | null; therapists: LobbyTherapist[]; asOf: string; timeZoneId: string; }

export interface SpaceLoad { id: string; name: string; kind: string; capacity: number; occupied: number; state: string; utilizationPercent: number; occupiedMinutes: number; availableMinutes: number; }

export interface TherapistLoad {
  id: string; displayName: string; capacity: number; treating: number; waiting: number;
  treatingMinutes: number; scheduledMinutes: number; utilizationPercent: number; workingMinutes: number;
}

export interface DayKpis {
  scheduled: number; arrived: number; completed: number; cancelled: number; noShows: number;
  cancelNoShowRatePercent: number; averageWaitMinutes: number | null; waitingNow: number; inTreatmentNow: number;
  averageCurrentWaitMinutes: number | null; longestCurrentWaitMinutes: number | null; waitsMeasured: number;
}

export interface TimelinePoint { at: string; waiting: number; inTreatment: number; }

export interface ManagerView extends Versioned {
  clinicName: string; spaces: SpaceLoad[]; therapists: TherapistLoad[];
  byStatus: { status: VisitStatus; count: number }[]; kpis: DayKpis; timeline: TimelinePoint[]; asOf: string; timeZoneId: string;
}

export interface TreatmentSpace { id: string; name: string; kind: string; capacity: number; outOfService: boolean; }

export interface TherapistProfile { id: string; displayName: string; maxConcurrentPatients: number; }

export interface ClinicConfig {
  name: string; timeZoneId: string; rooms: TreatmentSpace[]; therapists: TherapistProfile[];
  visitTypes: { code: string; name: string; defaultMinutes: number }[];
  lateCancelHours: number; noShowGraceMinutes: number;
}

export interface ScheduleSpan { from: string; until: string; }

export interface ScheduleTherapist { id: string; displayName: string; working: ScheduleSpan[]; dayOff: boolean; }

export interface ScheduleSpace { id: string; name: string; kind: string; capacity: number; outOfService: boolean; }

export interface ScheduleFrame {
  clinicName: string; timeZoneId: string; open: ScheduleSpan[]; therapists: ScheduleTherapist[]; spaces: ScheduleSpace[];
  /** The instant the date begins in the clinic's time zone. */
  midnight: string;
}

export interface ScheduleEntry {
  visitId: string; patientId: string; patientName: string; therapistId: string; roomId: string | null;
  visitTypeCode: string; visitTypeName: string; scheduledStart: string; durationMinutes: number; status: VisitStatus;
  walkIn: boolean; actions: string[]; cancelIsLate: boolean;
}

export interface ScheduleView extends Versioned { frame: ScheduleFrame; entries: ScheduleEntry[]; openings: BoardOpening[]; }

export interface ScheduleDelta extends Versioned { upserts: ScheduleEntry[]; removed: string[]; frame: ScheduleFrame | null; openings: BoardOpening[] | null; }


export interface PatientDetails { clinicId: string; firstName: string; lastName: string; birthDate: string; phone: string | null; email: string | null; }

export interface Coverage {
  payer: string; plan: string | null; memberId: string; billingMethod: "cms" | "per_code"; copay: number; isMedicare: boolean;
  verification: "unverified" | "verified" | "failed"; verifiedBy: string | null; verifiedAt: string | null;
}

export interface Authorization {
  id: string; from: string; to: string; visitsAuthorized: number | null; unitsAuthorized: number | null;
  visitsUsed: number; unitsUsed: number; visitsLeft: number | null; unitsLeft: number | null; exhausted: boolean;
}

export interface PatientRecord {
  patientId: string; details: PatientDetails; registeredAt: string; coverage: Coverage | null; authorizations: Authorization[] | null;
  planOfCareStart: string | null; cancellations: number; noShows: number;
}

export interface PatientBillingStatus {
  year: number; isMedicare: boolean; medicareAmount: number; kxThreshold: number; kxModifierRequired: boolean; reviewThreshold: number;
  treatmentDaysSinceProgressReport: number; progressReportEvery: number; planOfCareStart: string | null; recertificationDue: string | null;
}

export interface PatientVisit {
  visitId: string; date: string; scheduledStart: string; durationMinutes: number; status: VisitStatus; visitType: string;
  therapistName: string; lateCancellation: boolean; cancelReason: string | null;
}

export interface PatientVisits { timeZoneId: string; upcoming: PatientVisit[]; past: PatientVisit[]; cancellations: number; noShows: number; }

export interface PlanProgress { planId: string; patientId: string; patientName: string; planned: number; attended: number; bookedAhead: number; missed: number; shortfall: number; }

export interface WaitlistEntry {
  entryId: string; patientId: string; visitTypeCode: string; therapistId: string | null; days: string[];
  earliest: string | null; latest: string | null; priority: number; addedAt: string; bookedVisitId: string | null;
}

/** A patient found by a search or a duplicate check: name, birth date and the phone's last 4 digits only. */
export interface PatientMatch { patientId: string; firstName: string; lastName: string; birthDate: string; phoneLast4: string | null; rank: number; }

/** One message of the outbox (merge data holds only clinic, date, time and therapist); `recipient` is masked. */
export interface OutboxMessage {
  key: string; clinicId: string; patientId: string; visitId: string | null; channel: "Sms" | "Email"; template: string;
  mergeData: Record<string, string>; dueAt: string; expiresAt: string;
  status: "Pending" | "Delivered" | "Failed" | "Bounced" | "Withdrawn" | "Expired" | "Suppressed";
  attempts: number; nextAttemptAt: string; lastError: string | null; recipient: string | null; createdAt: string;
  finishedAt: string | null; causedBy: string;
}

/** How a patient wants to be reached; channel null: a text when there is a phone number, else e-mail. */
export interface ContactPreferences { channel: "Sms" | "Email" | null; optedOut: boolean; changedAt: string | null; changedBy: string | null; }

/** A clinic's messaging settings as GET/PUT …/messaging carry them (lead times in hours; times HH:mm:ss, clinic time). */
export interface MessagingSettings {
  remindersEnabled: boolean; reminderLeadHours: number[]; quietFrom: string; quietUntil: string;
  templates: { name: string; subject: string; body: string }[]; mergeFields: string[];
}
