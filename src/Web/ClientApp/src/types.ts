// The shapes of the JSON PtHub sends, taken from the server's OpenAPI document (openapi.json, turned into api.gen.ts
// by the build), so no screen keeps a copy of a C# record by hand. Refresh both with `npm run types` after changing a
// contract; a test fails while openapi.json differs from what the server serves.
import type { components } from "./api.gen";

type Schemas = components["schemas"];

/**
 * What the server sends: every property is present (System.Text.Json writes nulls too), however optional the
 * document calls it because a request may leave it out.
 */
export type Sent<T> = T extends (infer U)[] ? Sent<U>[] : T extends object ? { [K in keyof T]-?: Sent<Exclude<T[K], undefined>> } : T;

/** What every live view and its pushes carry, to order them (docs/live-protocol.md). */
export interface Versioned { clinicId: string; date: string; version: number; }

export type VisitStatus = Schemas["VisitStatus"];
export type StaffRole = Schemas["StaffRole"];
export type DayOfWeek = Schemas["DayOfWeek"];

export type BoardView = Sent<Schemas["BoardView"]>;
export type BoardDelta = Sent<Schemas["BoardDelta"]>;
export type BoardRow = Sent<Schemas["BoardRow"]>;
export type BoardOpening = Sent<Schemas["BoardOpening"]>;

export type LobbyView = Sent<Schemas["LobbyView"]>;
export type LobbyTherapist = LobbyView["therapists"][number];
export type LobbyEntry = LobbyTherapist["waiting"][number];

export type ManagerView = Sent<Schemas["ManagerView"]>;
export type SpaceLoad = ManagerView["spaces"][number];
export type TherapistLoad = ManagerView["therapists"][number];
export type DayKpis = ManagerView["kpis"];
export type TimelinePoint = ManagerView["timeline"][number];

export type ScheduleView = Sent<Schemas["ScheduleView"]>;
export type ScheduleDelta = Sent<Schemas["ScheduleDelta"]>;
export type ScheduleEntry = Sent<Schemas["ScheduleEntry"]>;
export type ScheduleSpan = Sent<Schemas["ScheduleSpan"]>;

export type TherapistDayView = Sent<Schemas["TherapistDayView"]>;
export type TherapistDayDelta = Sent<Schemas["TherapistDayDelta"]>;
export type TherapistVisit = TherapistDayView["visits"][number];

export type ClinicConfig = Sent<Schemas["ClinicConfig"]>;
export type ClinicListing = Sent<Schemas["ClinicListing"]>;
export type StaffSession = Sent<Schemas["StaffSession"]>;
export type StaffUserView = Sent<Schemas["StaffUserView"]>;
export type StaffUserCreated = Sent<Schemas["StaffUserCreated"]>;
export type DisplayDevice = Sent<Schemas["DisplayDevice"]>;
export type DisplayPaired = Sent<Schemas["DisplayPaired"]>;

export type KpiReport = Sent<Schemas["KpiReport"]>;
export type KpiFigures = Sent<Schemas["KpiFigures"]>;
export type KpiVisit = Sent<Schemas["KpiVisit"]>;
export type KpiTarget = Sent<Schemas["KpiTarget"]>;

export type AuditEntry = Sent<Schemas["AuditEntry"]>;
export type AuditVerification = Sent<Schemas["AuditVerification"]>;

export type PatientRecord = Sent<Schemas["PatientRecord"]>;
export type PatientBillingStatus = Sent<Schemas["PatientBillingStatus"]>;
export type PatientVisit = Sent<Schemas["PatientVisit"]>;
export type PatientVisits = Sent<Schemas["PatientVisits"]>;
export type PlanProgress = Sent<Schemas["PlanProgress"]>;
export type WaitlistEntry = Sent<Schemas["WaitlistEntry"]>;
/** A patient found by a search or a duplicate check: name, birth date and the phone's last 4 digits only. */
export type PatientMatch = Sent<Schemas["PatientMatch"]>;

/** One message of the outbox (merge data holds only clinic, date, time and therapist); `recipient` is masked. */
export type OutboxMessage = Sent<Schemas["OutboxMessage"]>;
/** How a patient wants to be reached; channel null: a text when there is a phone number, else e-mail. */
export type ContactPreferences = Sent<Schemas["ContactPreferences"]>;
/** A clinic's messaging settings as GET/PUT …/messaging carry them (lead times in hours; times HH:mm:ss, clinic time). */
export type MessagingSettings = Sent<Schemas["MessagingView"]>;
/** What a patient's reminder link shows on its public page: clinic, date, time, therapist, and what the link allows. */
export type VisitLinkView = Sent<Schemas["VisitLinkView"]>;
export type VisitLinkSlot = Sent<Schemas["VisitLinkSlot"]>;
/** What a recall's booking page shows: clinic, therapist, and once booked the visit's date and time (clinic time). */
export type RecallLinkView = Sent<Schemas["RecallLinkView"]>;
/** A patient's latest recall on the worklist: when, by whom, and its message's status. */
export type RecallView = Sent<Schemas["RecallView"]>;
export type OfferLinkView = Sent<Schemas["OfferLinkView"]>;
export type OfferView = Sent<Schemas["OfferView"]>;
/** What the unsubscribe page hears once the patient is opted out. */
export type OptOutView = Sent<Schemas["OptOutView"]>;
export type SupplyItem = Sent<Schemas["SupplyItem"]>;
export type SupplyMovement = Sent<Schemas["SupplyMovement"]>;
export type EquipmentItem = Sent<Schemas["EquipmentItem"]>;
export type EquipmentDue = Sent<Schemas["EquipmentDue"]>;
export type InjuryLogYear = Sent<Schemas["InjuryLogYear"]>;
export type InjuryCase = Sent<Schemas["InjuryCase"]>;
export type InjuryOutcome = Schemas["InjuryOutcome"];
export type InjuryCaseType = Schemas["InjuryCaseType"];
export type InjuryLogSummary = Sent<Schemas["InjuryLogSummary"]>;
export type InjuryPersonCases = Sent<Schemas["InjuryPersonCases"]>;

export type Worklists = Sent<Schemas["Worklists"]>;
export type WorklistRow = Sent<Schemas["WorklistRow"]>;
export type StaffMember = Sent<Schemas["StaffMember"]>;
export type StaffAlerts = Sent<Schemas["StaffAlerts"]>;
export type StaffAlert = StaffAlerts["alerts"][number];
export type StaffSettings = Sent<Schemas["StaffSettings"]>;
export type TrainingStatus = Sent<Schemas["TrainingStatus"]>;
export type OnboardingItem = Sent<Schemas["OnboardingItem"]>;
export type OnboardingChecklist = Sent<Schemas["OnboardingChecklist"]>;
export type OnboardingProgress = Sent<Schemas["OnboardingProgress"]>;
export type ReferringProvider = Sent<Schemas["ReferringProvider"]>;
export type ReferralView = Sent<Schemas["ReferralView"]>;
export type ConversionReport = Sent<Schemas["ConversionReport"]>;
export type ConversionRow = Sent<Schemas["ConversionRow"]>;
export type ReferralLetter = Sent<Schemas["ReferralLetter"]>;
export type BillingCode = Sent<Schemas["BillingCode"]>;
