import { demoId, type DemoTerritory } from '@passerelle/shared/demo';
import type { Typology } from '@passerelle/shared/housing';
import type { DwellingEntity } from '../dwelling/dwelling.entity';
import type { Financing } from '../dwelling/dwelling.enums';
import type { LandlordEntity } from '../landlord/landlord.entity';
import type { ProposalEntity } from '../proposal/proposal.entity';
import type { ProposalOutcome } from '../proposal/proposal.enums';
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
      leaseSignedOn: vacancy.transitions.find((transition) => transition.status === 'LEASE_SIGNED')?.on ?? null,
    })),
    transitions: territory.vacancies.flatMap((vacancy) =>
      vacancy.transitions.map((transition, index) => ({
        id: demoId('vacancy-transition', `${vacancy.id}:${index + 1}`),
        vacancyId: vacancy.id,
        position: index + 1,
        status: transition.status as VacancyStatus,
        occurredOn: transition.on,
      })),
    ),
    proposals: territory.candidacies.map((candidacy) => ({
      id: candidacy.id,
      vacancyId: candidacy.vacancyId,
      demandId: candidacy.demandId,
      designatedById: idOf(holderIds, candidacy.designatedBy, 'reservation holder'),
      designatedOn: candidacy.designatedOn,
      outcome: candidacy.outcome as ProposalOutcome,
      outcomeOn: candidacy.outcomeOn,
      refusalMotive: candidacy.refusalMotive,
    })),
  };
}
