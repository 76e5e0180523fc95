import type { FieldPolicy, PolicyContext } from '@passerelle/shared/access';
import { ForbiddenError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import { isAuthenticated, type PartnerKind, type Viewer } from '@passerelle/shared/identity';
import type { OffersContext } from './context';
import type { Dwelling } from './dwelling/dwelling.type';
import type { Landlord } from './landlord/landlord.type';
import type { Proposal } from './proposal/proposal.type';
import type { Attribution, VacancyTransition } from './vacancy/vacancy.type';

/**
 * Who reads what in the offers subgraph (issue 5; README "Who sees what (offers)" has the same table):
 *
 * | partner kind        | stock¹ | vacancies             | household links²                    | landlord's details³                    | flux reports⁴   | indicators |
 * | ------------------- | ------ | --------------------- | ----------------------------------- | -------------------------------------- | --------------- | ---------- |
 * | STATE, EPCI         | yes    | all                   | on the communes it acts for         | of dwellings oriented to it (STATE)    | all             | yes        |
 * | LANDLORD            | yes    | all                   | on its own stock                    | of its own stock                       | its own         | yes        |
 * | RESERVATION_HOLDER  | yes    | its contingent only⁵  | its own designations and tenants    | of dwellings oriented to it (rent only)| its own lines   | yes        |
 * | ANALYST             | yes    | all                   | no                                  | no                                     | all             | yes        |
 * | ASSOCIATION, AUDITOR| yes    | all                   | no                                  | no                                     | no              | yes        |
 * | anonymous           | no     | no                    | no                                  | no                                     | no              | no         |
 *
 * ¹ landlords, reservation holders, the public fields of dwellings (the RPLS register is public),
 *   flux agreements: reserved to partners of the hub.
 * ² proposals (a household designated for a dwelling), the tenant of a signed lease and the
 *   household's situation at signature: they link a household to a dwelling, so they follow the
 *   legal role — the State and the EPCI on their territory (CCH R441-2-6), the landlord on its own
 *   stock, a reservation holder the candidates it designated (never another holder's, even on a
 *   vacancy re-oriented to it) and the tenants of leases charged to it. Proposals are rows: others
 *   get none (lists filtered, lookups answered as absent). A lease is read by whoever reads its
 *   vacancy, but its tenant (`Attribution.demand`) and household are null with FORBIDDEN for others.
 *   Statistics over fewer than 5 leases are withheld from all but the State and the EPCI
 *   (statistical confidentiality).
 * ³ rent and charges: the owning landlord, and the reservation holder a vacancy of the dwelling is
 *   now oriented to (it needs them to designate suitable candidates); internal notes: the owning
 *   landlord only. Others get null with FORBIDDEN at the field's path.
 * ⁴ the landlord's annual flux report (bilan) to each reservation holder.
 * ⁵ the vacancies now oriented to it. A vacancy outside it is answered exactly as an absent one.
 * A partner acts for a commune when one of its territories is the commune, its EPCI or its
 * département.
 *
 * Which records a viewer reaches (the columns above) is decided in SQL (`common/visibility.ts`);
 * which fields of a reached record it reads, when narrower, is `OFFERS_FIELD_POLICY` below, with
 * each field's sensitivity class (nominative reads are logged, and refused to analysts and the
 * auditor).
 */
export type HouseholdLinks =
  | { scope: 'NONE' }
  | { scope: 'COMMUNES'; communes: readonly string[] }
  | { scope: 'OWN_STOCK'; landlordSlug: string }
  | { scope: 'OWN_CONTINGENT'; holderSlug: string };

export type VacancyScope = { scope: 'ALL' } | { scope: 'OWN_CONTINGENT'; holderSlug: string } | { scope: 'NONE' };

export type FluxReportScope = 'ALL' | 'OWN' | 'OWN_LINES' | 'NONE';

interface OffersRule {
  stock: boolean;
  vacancies: 'ALL' | 'OWN_CONTINGENT' | 'NONE';
  householdLinks: 'COMMUNES' | 'OWN_STOCK' | 'OWN_CONTINGENT' | 'NONE';
  fluxReports: FluxReportScope;
  indicators: boolean;
}

export const OFFERS_POLICY: Readonly<Record<PartnerKind | 'ANONYMOUS', OffersRule>> = {
  STATE: { stock: true, vacancies: 'ALL', householdLinks: 'COMMUNES', fluxReports: 'ALL', indicators: true },
  EPCI: { stock: true, vacancies: 'ALL', householdLinks: 'COMMUNES', fluxReports: 'ALL', indicators: true },
  LANDLORD: { stock: true, vacancies: 'ALL', householdLinks: 'OWN_STOCK', fluxReports: 'OWN', indicators: true },
  RESERVATION_HOLDER: {
    stock: true,
    vacancies: 'OWN_CONTINGENT',
    householdLinks: 'OWN_CONTINGENT',
    fluxReports: 'OWN_LINES',
    indicators: true,
  },
  ANALYST: { stock: true, vacancies: 'ALL', householdLinks: 'NONE', fluxReports: 'ALL', indicators: true },
  ASSOCIATION: { stock: true, vacancies: 'ALL', householdLinks: 'NONE', fluxReports: 'NONE', indicators: true },
  AUDITOR: { stock: true, vacancies: 'ALL', householdLinks: 'NONE', fluxReports: 'NONE', indicators: true },
  ANONYMOUS: { stock: false, vacancies: 'NONE', householdLinks: 'NONE', fluxReports: 'NONE', indicators: false },
};

/** What one viewer may read, computed once per request. */
export interface OffersAccess {
  /** Landlords, reservation holders, the public fields of dwellings, flux agreements. */
  readsStock: boolean;
  /** Territory indicators (statistics). */
  readsIndicators: boolean;
  /** The caller's partner slug (a landlord's or a reservation holder's own slug); null when anonymous. */
  partner: string | null;
  /** True for a LANDLORD partner: its own stock's details are its own. */
  isLandlord: boolean;
  vacancies: VacancyScope;
  householdLinks: HouseholdLinks;
  fluxReports: FluxReportScope;
}

export function offersAccess(viewer: Viewer): OffersAccess {
  const rule = OFFERS_POLICY[viewer.kind];
  const partner = isAuthenticated(viewer) ? viewer.partner : null;
  const householdLinks: HouseholdLinks =
    partner === null || rule.householdLinks === 'NONE'
      ? { scope: 'NONE' }
      : rule.householdLinks === 'COMMUNES'
        ? { scope: 'COMMUNES', communes: isAuthenticated(viewer) ? communesActedFor(viewer.territories) : [] }
        : rule.householdLinks === 'OWN_STOCK'
          ? { scope: 'OWN_STOCK', landlordSlug: partner }
          : { scope: 'OWN_CONTINGENT', holderSlug: partner };
  return {
    readsStock: rule.stock,
    readsIndicators: rule.indicators,
    partner,
    isLandlord: viewer.kind === 'LANDLORD',
    vacancies:
      rule.vacancies === 'ALL' || partner === null
        ? { scope: rule.vacancies === 'ALL' ? 'ALL' : 'NONE' }
        : { scope: 'OWN_CONTINGENT', holderSlug: partner },
    householdLinks,
    fluxReports: partner === null ? 'NONE' : rule.fluxReports,
  };
}

/** True when the viewer reads some household links (else no statement is needed). */
export const readsHouseholdLinks = (access: OffersAccess): boolean =>
  access.householdLinks.scope !== 'NONE' &&
  (access.householdLinks.scope !== 'COMMUNES' || access.householdLinks.communes.length > 0);

/** The communes of the official geography a partner acts for: each one whose enclosing chain meets `territories`. */
export function communesActedFor(territories: readonly string[]): string[] {
  return officialGeography
    .communes()
    .filter((commune) => officialGeography.enclosing(commune.code).some((code) => territories.includes(code)))
    .map((commune) => commune.code);
}

/** Refuses a query on the stock to a viewer who may not read it. */
export function requireStockAccess(access: OffersAccess): void {
  if (!access.readsStock) {
    throw new ForbiddenError(
      'Landlords, dwellings and vacancies are open to the partners of the hub: send a partner token (Authorization: Bearer <token>).',
    );
  }
}

/** Refuses territory indicators to a viewer who may not read them. */
export function requireIndicatorAccess(access: OffersAccess): void {
  if (!access.readsIndicators) {
    throw new ForbiddenError(
      'Offer indicators are open to the partners of the hub: send a partner token (Authorization: Bearer <token>).',
    );
  }
}

type Context = OffersContext & PolicyContext;

/** Whether the viewer is the landlord owning the dwelling (its slug is the landlord's). */
async function ownsDwelling(dwelling: Dwelling, { access, loaders }: Context): Promise<boolean> {
  if (!access.isLandlord) return false;
  return (await loaders.landlordById.load(dwelling.landlordId))?.slug === access.partner;
}

/** The owning landlord, or the reservation holder a vacancy of the dwelling is now oriented to. */
async function readsRent(dwelling: Dwelling, context: Context): Promise<boolean> {
  if (await ownsDwelling(dwelling, context)) return true;
  return context.access.partner !== null && context.loaders.dwellingOrientedToCaller.load(dwelling.id);
}

/** The landlord of the vacancy's dwelling, or the reservation holder the vacancy is oriented to. */
async function readsStepNotes(step: VacancyTransition, { access, loaders }: Context): Promise<boolean> {
  if (access.partner === null) return false;
  const vacancy = await loaders.vacancyById.load(step.vacancyId);
  if (!vacancy) return false;
  if (vacancy.reservationHolderId) {
    const holder = await loaders.reservationHolderById.load(vacancy.reservationHolderId);
    if (holder?.slug === access.partner) return true;
  }
  if (!access.isLandlord) return false;
  const dwelling = await loaders.dwellingById.load(vacancy.dwellingId);
  return !!dwelling && (await loaders.landlordById.load(dwelling.landlordId))?.slug === access.partner;
}

/** The household-link rule (footnote ²) on the lease's vacancy, in one batched statement. */
const readsLeaseHousehold = (attribution: Attribution, { loaders }: Context): Promise<boolean> =>
  loaders.householdOfVacancyVisible.load(attribution.vacancyId);

/** 'ALL' and 'OWN_LINES' readers (the lines are then filtered in SQL); a landlord its own report only. */
const readsAnnualReport = (landlord: Landlord, { access }: Context): boolean =>
  access.fluxReports === 'OWN' ? landlord.slug === access.partner : access.fluxReports !== 'NONE';

const HOUSEHOLD_LINK_READERS =
  'the State and the EPCI acting for the dwelling’s commune, the dwelling’s landlord, the reservation holder charged with the lease';
const PROPOSAL_READERS =
  'whoever reaches the proposal (its row is filtered otherwise): the State and the EPCI acting for the dwelling’s commune, the dwelling’s landlord, the reservation holder that designated the candidate';
const LEASE_HOUSEHOLD_REFUSAL =
  'The tenant and the household of a lease are read by the State and the EPCI on their territory, the landlord of the dwelling and the reservation holder charged.';
const RENT_READERS = 'the owning landlord, and the reservation holder a vacancy of the dwelling is now oriented to';
const RENT_REFUSAL =
  'The rent and charges of a dwelling are read by its landlord, and by the reservation holder one of its vacancies is now oriented to.';

/**
 * Who reads which field of the records a viewer reaches (`subgraphs/offers/README.md` repeats the
 * `readers` as a table). Applied to the schema by `buildFederatedSchema`: a refused viewer
 * gets null with FORBIDDEN at the field's path; a read of a NOMINATIVE field is logged. Fields not
 * listed are read by whoever reaches the record. Statistics (legal shares, flux objectives,
 * indicators) are aggregates, not nominative: they are not listed (the legal shares withhold small
 * counts themselves, `suppressed`).
 */
/** The household a proposal or a lease concerns (its demand), for the log. */
const proposalSubject = (proposal: Proposal) => proposal.demand?.id;
const leaseSubject = (attribution: Attribution) => attribution.demand?.id;

export const OFFERS_FIELD_POLICY: FieldPolicy<Context> = {
  // The landlord's business data: not about households, so not logged.
  'Dwelling.rent': { sensitivity: 'INTERNAL', readers: RENT_READERS, allows: readsRent, refusal: RENT_REFUSAL },
  'Dwelling.charges': { sensitivity: 'INTERNAL', readers: RENT_READERS, allows: readsRent, refusal: RENT_REFUSAL },
  'Dwelling.internalNotes': {
    sensitivity: 'INTERNAL',
    readers: 'the owning landlord only',
    allows: ownsDwelling,
    refusal: "A dwelling's internal notes are read by its landlord only.",
  },
  'Landlord.annualReport': {
    sensitivity: 'INTERNAL',
    readers:
      'the State, the EPCI and analysts: any landlord’s; a landlord: its own; a reservation holder: any landlord’s, with its own lines only',
    allows: readsAnnualReport,
    refusal:
      'The annual flux report is for the State, the EPCI, analysts, the landlord itself (its own report only) and, for their own lines, its reservation holders.',
  },
  // A proposal links a household to a dwelling: its rows are filtered in SQL by the household-link
  // rule, so whoever reaches one reads these; the class keeps analysts and the auditor out and logs
  // each read.
  // A demand's candidacies: filtered to the proposals the viewer reaches, never refused.
  'Demand.proposals': {
    sensitivity: 'NOMINATIVE',
    filtered: true,
    readers:
      'filtered to the proposals the viewer reaches: on the communes it acts for (the State, the EPCI), on its own stock (a landlord), its own designations (a reservation holder); empty for others',
  },
  'Proposal.demand': { sensitivity: 'NOMINATIVE', readers: PROPOSAL_READERS, subject: proposalSubject },
  'Proposal.dalo': { sensitivity: 'NOMINATIVE', readers: PROPOSAL_READERS, subject: proposalSubject },
  'Proposal.refusalMotive': { sensitivity: 'NOMINATIVE', readers: PROPOSAL_READERS, subject: proposalSubject },
  'Proposal.refusalMotiveCode': { sensitivity: 'NOMINATIVE', readers: PROPOSAL_READERS, subject: proposalSubject },
  // A vacancy and its signed lease are read by every partner; the free text about candidates, the
  // tenant and the household at signature only by those the household link (or the step) concerns.
  'VacancyTransition.note': {
    sensitivity: 'NOMINATIVE',
    readers: 'the landlord of the dwelling, the reservation holder the vacancy is oriented to',
    allows: readsStepNotes,
    refusal:
      'The notes of a vacancy’s steps (free text about candidates) are read by the landlord of the dwelling and the reservation holder the vacancy is oriented to.',
    // A step has no id of its own: the read is logged against its vacancy.
    auditedRecord: (step: VacancyTransition) => ({ type: 'Vacancy', id: step.vacancyId }),
  },
  'Attribution.demand': {
    sensitivity: 'NOMINATIVE',
    readers: HOUSEHOLD_LINK_READERS,
    allows: readsLeaseHousehold,
    refusal: LEASE_HOUSEHOLD_REFUSAL,
    subject: leaseSubject,
  },
  'Attribution.household': {
    sensitivity: 'NOMINATIVE',
    readers: HOUSEHOLD_LINK_READERS,
    allows: readsLeaseHousehold,
    refusal: LEASE_HOUSEHOLD_REFUSAL,
    subject: leaseSubject,
  },
};
