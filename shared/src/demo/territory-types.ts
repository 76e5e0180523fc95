/**
 * The demo territory's cross-subgraph facts (the Métropole Européenne de Lille), generated once,
 * deterministically, by `generateDemoTerritory`. Each subgraph seeds its own slice from it, so
 * the four databases agree (same UUIDv5 ids, same candidacies and decisions) without ever
 * reading each other. Dates are calendar dates (YYYY-MM-DD) relative to the reference date.
 * Demo data only: nothing here is used outside seeding.
 */

export type DemoTypology = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6';
export type DemoPriorityLabel = 'DALO' | 'PDALHPD' | 'ACCORD_COLLECTIF' | 'L441_1';
export type DemoRadiationMotive = 'NON_RENEWAL' | 'LEASE_SIGNED' | 'RENUNCIATION';
export type DemoFinancing = 'PLAI' | 'PLUS' | 'PLS' | 'PLI';

/** A demand as every subgraph may need it (no nominative detail: the demands subgraph adds that). */
export interface DemoDemand {
  id: string;
  nur: string;
  filingDate: string;
  kind: 'FIRST_ACCESS' | 'TRANSFER';
  adults: number;
  children: number;
  singleParent: boolean;
  wishedCommunes: string[];
  wishedTypologies: DemoTypology[];
  priorityLabels: DemoPriorityLabel[];
  /** For transfers: SIREN of the current landlord. */
  currentLandlordSiren: string | null;
  /** Slug of the partner whose desk registered the demand. */
  registeredBy: string;
  /** Set when radiated; LEASE_SIGNED exactly when the household won a vacancy below. */
  radiation: { motive: DemoRadiationMotive; on: string } | null;
}

export interface DemoLandlord {
  id: string;
  /** The landlord's partner slug (demo partners). */
  slug: string;
  name: string;
  siren: string;
}

export type DemoReservationHolderKind = 'STATE' | 'EPCI' | 'ACTION_LOGEMENT' | 'COMMUNE' | 'LANDLORD';

export interface DemoReservationHolder {
  id: string;
  /** The partner slug; the landlord itself holds the dwellings no one reserved. */
  slug: string;
  name: string;
  kind: DemoReservationHolderKind;
}

export interface DemoDwelling {
  id: string;
  /** RPLS-like identifier, unique. */
  rplsId: string;
  landlordSlug: string;
  address: string;
  commune: string;
  /** QPV code when the dwelling lies in one. */
  qpv: string | null;
  typology: DemoTypology;
  surface: number;
  floor: number;
  lift: boolean;
  accessible: boolean;
  constructionYear: number;
  financing: DemoFinancing;
  /** Monthly rent and charges, euros. */
  rent: number;
  charges: number;
}

/** Vacancy lifecycle, in order (DOMAIN.md §3). */
export type DemoVacancyStatus =
  'VACATED' | 'ORIENTED' | 'CANDIDATES_DESIGNATED' | 'EXAMINED_IN_CAL' | 'OFFER_NOTIFIED' | 'LEASE_SIGNED' | 'RETURNED';

export interface DemoVacancy {
  id: string;
  dwellingId: string;
  vacatedOn: string;
  status: DemoVacancyStatus;
  /** Dated transitions reached so far, in order (the first is VACATED). */
  transitions: { status: DemoVacancyStatus; on: string }[];
  /** Reservation holder the landlord oriented the vacancy to (slug); null while VACATED. */
  reservationHolderSlug: string | null;
  /** A DALO household designated alone by the State (no three-candidate rule). */
  daloDesignation: boolean;
  /** The CAL meeting that examined the candidates, when it happened. */
  cal: { meetingId: string; date: string } | null;
  /** Demand that signed the lease, when LEASE_SIGNED. */
  tenantDemandId: string | null;
}

/** How far a candidacy went (ARCHITECTURE.md: a "proposal" from the demand's side). */
export type DemoCandidacyOutcome =
  'DESIGNATED' | 'EXAMINED_IN_CAL' | 'OFFER_NOTIFIED' | 'ACCEPTED' | 'REFUSED' | 'LEASE_SIGNED' | 'WITHDRAWN';

/** The five CAL decision types of CCH R441-3. */
export type DemoCalDecisionType =
  'ATTRIBUTION' | 'ATTRIBUTION_RANKED' | 'ATTRIBUTION_CONDITIONAL' | 'NON_ATTRIBUTION' | 'INELIGIBLE';

export interface DemoCandidacy {
  id: string;
  vacancyId: string;
  demandId: string;
  /** Partner slug of the designating reservation holder. */
  designatedBy: string;
  designatedOn: string;
  outcome: DemoCandidacyOutcome;
  /** Date of the last outcome reached. */
  outcomeOn: string;
  refusalMotive: string | null;
  /** The CAL's decision for this candidate, when examined. */
  calDecision: {
    id: string;
    type: DemoCalDecisionType;
    /** Rank for ATTRIBUTION_RANKED (2, 3…); 1 for a plain attribution; null otherwise. */
    rank: number | null;
    motive: string | null;
    /** For ATTRIBUTION_CONDITIONAL: the missing document and its deadline. */
    condition: { document: string; deadline: string } | null;
  } | null;
}

/** A CAL meeting of one landlord (governance owns meetings; offers and demands only cite them). */
export interface DemoCalMeeting {
  id: string;
  landlordSlug: string;
  date: string;
}

export interface DemoTerritory {
  referenceDate: string;
  epci: string;
  departement: string;
  demands: DemoDemand[];
  landlords: DemoLandlord[];
  reservationHolders: DemoReservationHolder[];
  dwellings: DemoDwelling[];
  vacancies: DemoVacancy[];
  candidacies: DemoCandidacy[];
  calMeetings: DemoCalMeeting[];
}
