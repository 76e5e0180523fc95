import { addDays } from '@passerelle/shared/dates';
import { demoId, SeededRandom, type DemoDemand, type DemoTerritory, type DemoVacancy } from '@passerelle/shared/demo';
import type { Typology } from '@passerelle/shared/housing';
import type { AttributionEntity } from '../attribution/attribution.entity';
import { AttributionPriority } from '../attribution/attribution.enums';
import { attributionSnapshot } from '../attribution/attribution-snapshot';
import type { FirstQuartileThresholdEntity } from '../attribution/first-quartile-threshold.entity';
import type { DwellingEntity } from '../dwelling/dwelling.entity';
import type { Financing } from '../dwelling/dwelling.enums';
import type { FluxAgreementEntity } from '../flux/flux-agreement.entity';
import { VacancyOrigin } from '../flux/flux.enums';
import type { LandlordEntity } from '../landlord/landlord.entity';
import type { ProposalEntity } from '../proposal/proposal.entity';
import { OfferRefusalMotive, type ProposalOutcome } from '../proposal/proposal.enums';
import type { ReservationHolderEntity } from '../reservation-holder/reservation-holder.entity';
import type { ReservationHolderKind } from '../reservation-holder/reservation-holder.enums';
import type { VacancyTransitionEntity } from '../vacancy/vacancy-transition.entity';
import type { VacancyEntity } from '../vacancy/vacancy.entity';
import type { VacancyStatus } from '../vacancy/vacancy.enums';

/** The offers subgraph's rows of the demo territory. */
export interface DemoOffers {
  landlords: LandlordEntity[];
  reservationHolders: ReservationHolderEntity[];
  dwellings: DwellingEntity[];
  vacancies: VacancyEntity[];
  transitions: VacancyTransitionEntity[];
  proposals: ProposalEntity[];
  fluxAgreements: FluxAgreementEntity[];
  thresholds: FirstQuartileThresholdEntity[];
  attributions: AttributionEntity[];
}

/**
 * Takes the offers slice of the demo territory: landlords, reservation holders, dwellings,
 * vacancies with their transitions, and candidacies as proposals (same ids, so the four
 * databases agree). Pure: the same territory gives the same rows.
 */
export function demoOffers(territory: DemoTerritory): DemoOffers {
  const landlordIds = new Map(territory.landlords.map((landlord) => [landlord.slug, landlord.id]));
  const holderIds = new Map(territory.reservationHolders.map((holder) => [holder.slug, holder.id]));
  const idOf = (ids: Map<string, string>, slug: string, what: string) => {
    const id = ids.get(slug);
    if (!id) throw new Error(`The demo territory names an unknown ${what}: ${slug}`);
    return id;
  };

  const dwellingById = new Map(territory.dwellings.map((dwelling) => [dwelling.id, dwelling]));
  const vacancyById = new Map(territory.vacancies.map((vacancy) => [vacancy.id, vacancy]));
  const demandById = new Map(territory.demands.map((demand) => [demand.id, demand]));
  const originOf = new Map(
    territory.vacancies.map((vacancy) => [
      vacancy.id,
      originFor(vacancy, dwellingById.get(vacancy.dwellingId)!.constructionYear, territory.referenceDate),
    ]),
  );
  const thresholds = DEMO_THRESHOLDS.map(([year, eurosPerUnit]) => ({
    epci: territory.epci,
    year,
    eurosPerUnit,
    source: DEMO_THRESHOLD_SOURCE,
  }));

  return {
    landlords: territory.landlords.map(({ id, slug, name, siren }) => ({ id, slug, name, siren })),
    reservationHolders: territory.reservationHolders.map(({ id, slug, name, kind }) => ({
      id,
      slug,
      name,
      kind: kind as ReservationHolderKind,
    })),
    dwellings: territory.dwellings.map((dwelling) => ({
      id: dwelling.id,
      rplsId: dwelling.rplsId,
      landlordId: idOf(landlordIds, dwelling.landlordSlug, 'landlord'),
      address: dwelling.address,
      commune: dwelling.commune,
      qpv: dwelling.qpv,
      typology: dwelling.typology as Typology,
      surface: dwelling.surface,
      floor: dwelling.floor,
      lift: dwelling.lift,
      accessible: dwelling.accessible,
      constructionYear: dwelling.constructionYear,
      financing: dwelling.financing as Financing,
      rent: dwelling.rent,
      charges: dwelling.charges,
      internalNotes:
        dwelling.floor >= 4 && !dwelling.lift ? 'Upper floor without a lift: check mobility at designation.' : null,
      version: 1,
    })),
    vacancies: territory.vacancies.map((vacancy) => ({
      id: vacancy.id,
      dwellingId: vacancy.dwellingId,
      status: vacancy.status as VacancyStatus,
      vacatedOn: vacancy.vacatedOn,
      reservationHolderId:
        vacancy.reservationHolderSlug === null
          ? null
          : idOf(holderIds, vacancy.reservationHolderSlug, 'reservation holder'),
      tenantDemandId: vacancy.tenantDemandId,
      leaseSignedOn: leaseDayOf(vacancy),
      origin: originOf.get(vacancy.id)!,
      version: vacancy.transitions.length,
    })),
    transitions: territory.vacancies.flatMap((vacancy) =>
      vacancy.transitions.map((transition, index) => ({
        id: demoId('vacancy-transition', `${vacancy.id}:${index + 1}`),
        vacancyId: vacancy.id,
        position: index + 1,
        status: transition.status as VacancyStatus,
        occurredOn: transition.on,
        reservationHolderId:
          transition.status === 'ORIENTED'
            ? idOf(holderIds, vacancy.reservationHolderSlug!, 'reservation holder')
            : null,
        note: transition.status === 'RETURNED' ? 'No designated candidate took the dwelling.' : null,
        recordedBy: null,
      })),
    ),
    proposals: territory.candidacies.map((candidacy) => {
      const vacancy = vacancyById.get(candidacy.vacancyId);
      const notified = candidacy.outcome === 'OFFER_NOTIFIED';
      return {
        id: candidacy.id,
        vacancyId: candidacy.vacancyId,
        demandId: candidacy.demandId,
        designatedById: idOf(holderIds, candidacy.designatedBy, 'reservation holder'),
        designatedOn: candidacy.designatedOn,
        outcome: candidacy.outcome as ProposalOutcome,
        outcomeOn: candidacy.outcomeOn,
        refusalMotive: candidacy.refusalMotive,
        dalo: vacancy?.daloDesignation ?? false,
        // Only a pending offer keeps its notice date here: the generator records the latest outcome.
        notifiedOn: notified ? candidacy.outcomeOn : null,
        answerDueOn: notified ? addDays(candidacy.outcomeOn, 10) : null,
        refusalMotiveCode: candidacy.refusalMotive === null ? null : refusalCodeOf(candidacy.refusalMotive),
      };
    }),
    fluxAgreements: fluxAgreementsOf(territory, holderIds),
    thresholds,
    attributions: territory.vacancies
      .filter((vacancy) => vacancy.tenantDemandId !== null)
      .map((vacancy) => {
        const dwelling = dwellingById.get(vacancy.dwellingId)!;
        const demand = demandById.get(vacancy.tenantDemandId!)!;
        const leaseSignedOn = leaseDayOf(vacancy)!;
        const threshold = thresholds.find((row) => row.year === Number(leaseSignedOn.slice(0, 4)));
        return {
          id: demoId('attribution', vacancy.id),
          vacancyId: vacancy.id,
          proposalId: demoId('candidacy', `${vacancy.id}:${demand.id}`),
          demandId: demand.id,
          landlordId: idOf(landlordIds, dwelling.landlordSlug, 'landlord'),
          reservationHolderId: idOf(holderIds, vacancy.reservationHolderSlug!, 'reservation holder'),
          leaseSignedOn,
          ...attributionSnapshot(
            { ...dwelling, typology: dwelling.typology as Typology, financing: dwelling.financing as Financing },
            {
              ...householdAtSignature(vacancy.id, demand),
              priority: priorityOf(demand),
              urbanRenewalRehousing: originOf.get(vacancy.id) === VacancyOrigin.URBAN_RENEWAL_REHOUSING,
            },
            threshold?.eurosPerUnit ?? null,
          ),
          recordedBy: null,
        };
      }),
  };
}

/**
 * First-quartile thresholds of the demo EPCI. Demonstration figures of the right order of
 * magnitude (DOMAIN.md §3): the official MEL figures are in the yearly ministerial arrêté and must
 * be loaded from it before any real use.
 */
const DEMO_THRESHOLDS: readonly [year: number, eurosPerUnit: number][] = [
  [2024, 8_760],
  [2025, 8_950],
  [2026, 9_120],
];
const DEMO_THRESHOLD_SOURCE =
  'Demonstration figure, not the arrêté value: load the official threshold (arrêté of 13 May 2024 and its yearly updates).';

/** The demo's flux agreements for the reference year and the one before: every landlord with the State, the EPCI, Action Logement and the two communes. */
function fluxAgreementsOf(territory: DemoTerritory, holderIds: Map<string, string>): FluxAgreementEntity[] {
  const year = Number(territory.referenceDate.slice(0, 4));
  const shares: [holder: string, area: string, basisPoints: number][] = [
    ['prefecture-nord', territory.departement, 2_500],
    ['mel', territory.epci, 1_000],
    ['action-logement', territory.departement, 3_000],
    ['ville-de-lille', '59350', 500],
    ['ville-de-roubaix', '59512', 500],
  ];
  return [year - 1, year].flatMap((agreementYear) =>
    territory.landlords.flatMap((landlord) =>
      shares.map(([holder, area, basisPoints]) => ({
        id: demoId('flux-agreement', `${landlord.slug}:${holder}:${area}:${agreementYear}`),
        landlordId: landlord.id,
        reservationHolderId: holderIds.get(holder)!,
        territory: area,
        year: agreementYear,
        shareBasisPoints: basisPoints,
        signedOn: `${agreementYear - 1}-12-15`,
        recordedBy: landlord.slug,
      })),
    ),
  );
}

const leaseDayOf = (vacancy: DemoVacancy) =>
  vacancy.transitions.find((transition) => transition.status === 'LEASE_SIGNED')?.on ?? null;

/** A stable draw per vacancy, so the flux's origins do not depend on the generator's sequence. */
const seeded = (key: string) => new SeededRandom(parseInt(key.replace(/-/g, '').slice(0, 8), 16));

/** Most vacancies are relets; recent buildings are first lettings; a tenth is withdrawn from the flux. */
function originFor(vacancy: DemoVacancy, constructionYear: number, referenceDate: string): VacancyOrigin {
  const draw = seeded(vacancy.id).int(0, 99);
  if (draw < 5) return VacancyOrigin.INTERNAL_TRANSFER;
  if (draw < 8) return VacancyOrigin.URBAN_RENEWAL_REHOUSING;
  if (draw < 10) return VacancyOrigin.OTHER_LEGAL_REHOUSING;
  return constructionYear >= Number(referenceDate.slice(0, 4)) - 1 ? VacancyOrigin.FIRST_LETTING : VacancyOrigin.RELET;
}

/** Ages and resources of the household at signature, drawn per lease (the demands subgraph holds the declared ones). */
function householdAtSignature(vacancyId: string, demand: DemoDemand) {
  const random = seeded(`${vacancyId.slice(9)}${vacancyId.slice(0, 8)}`);
  const adults = Array.from({ length: demand.adults }, () => random.int(19, 70));
  const children = Array.from({ length: demand.children }, () => random.int(0, 17));
  const persons = adults.length + children.length;
  return {
    memberAges: [...adults, ...children],
    annualResources: random.int(3_000, 14_000) * Math.max(1, Math.ceil(persons / 2)),
  };
}

function priorityOf(demand: DemoDemand): AttributionPriority {
  if (demand.priorityLabels.includes('DALO')) return AttributionPriority.DALO;
  return demand.priorityLabels.length > 0 ? AttributionPriority.PRIORITY : AttributionPriority.NONE;
}

/** The coded motive of the demo's refusal words. */
function refusalCodeOf(words: string): OfferRefusalMotive {
  if (/loyer/i.test(words)) return OfferRefusalMotive.RENT_TOO_HIGH;
  if (/quartier/i.test(words)) return OfferRefusalMotive.LOCATION;
  if (/travail/i.test(words)) return OfferRefusalMotive.TOO_FAR_FROM_WORK;
  if (/étage|ascenseur/i.test(words)) return OfferRefusalMotive.FLOOR_OR_ACCESSIBILITY;
  if (/réponse/i.test(words)) return OfferRefusalMotive.NO_ANSWER;
  return OfferRefusalMotive.OTHER;
}
