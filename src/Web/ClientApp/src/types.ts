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

/** A patient found by a search or a duplicate check: name, birth date and the phone's last 4 digits only. */
export interface PatientMatch { patientId: string; firstName: string; lastName: string; birthDate: string; phoneLast4: string | null; rank: number; }
