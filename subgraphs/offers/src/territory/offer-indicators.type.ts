import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { VacancyStatus } from '../vacancy/vacancy.enums';

@ObjectType({ description: 'How many vacancies of a territory stood in one status on the reference day.' })
export class VacancyStatusCount {
  @Field(() => VacancyStatus, { description: 'The status.' })
  status: VacancyStatus;

  @Field(() => Int, { description: 'Number of vacancies in that status on the reference day (0 when none).' })
  count: number;
}

@ObjectType({
  description:
    'Offer indicators of a territory (statistics, no household data): the vacancies of the dwellings it covers and the leases signed there. A commune, an EPCI or a département covers the dwellings of its communes; a QPV the dwellings lying in it.',
})
export class OfferIndicators {
  @Field(() => LocalDateResolver, {
    description:
      'The reference day: statuses are those of that day; "this year" runs from 1 January of its year to it.',
  })
  asOf: string;

  @Field(() => [VacancyStatusCount], {
    description:
      'Vacancies vacated on or before the reference day, by the status they stood in that day: every status, in lifecycle order, zeros included.',
  })
  vacanciesByStatus: VacancyStatusCount[];

  @Field(() => Int, { description: 'Vacancies still open on the reference day: neither leased nor returned.' })
  vacanciesOpen: number;

  @Field(() => Int, {
    description: 'Attributions this year: leases signed from 1 January of the reference year to the reference day.',
  })
  attributionsThisYear: number;

  @Field(() => Int, {
    description:
      'Attributions this year of dwellings outside any QPV (the base of the CCH L441-1 first-quartile share).',
  })
  attributionsOutsideQpvThisYear: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0 to 1) of this year’s attributions made outside QPVs; null when there was no attribution.',
  })
  shareOutsideQpv: number | null;
}
