import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ObligationKind } from './obligations.rules';

/** The obligations of `obligations.rules.ts` as a GraphQL enum (the rules name them with a string union). */
export const ObligationKindEnum = {
  OUTSIDE_QPV_FIRST_QUARTILE: 'OUTSIDE_QPV_FIRST_QUARTILE',
  IN_QPV_ABOVE_FIRST_QUARTILE: 'IN_QPV_ABOVE_FIRST_QUARTILE',
  PRIORITY_HOUSEHOLDS: 'PRIORITY_HOUSEHOLDS',
} as const satisfies { [K in ObligationKind]: K };
registerEnumType(ObligationKindEnum, {
  name: 'ObligationKind',
  description:
    'The legal shares of attributions (signed leases) of CCH L441-1, as amended by loi 2017-86 Égalité et Citoyenneté (art. 70).',
  valuesConfig: {
    OUTSIDE_QPV_FIRST_QUARTILE: {
      description:
        'At least 25 % of attributions of dwellings outside QPVs (priority urban districts) go to households of the first quartile of resources per consumption unit, or to households rehoused by urban renewal (renouvellement urbain).',
    },
    IN_QPV_ABOVE_FIRST_QUARTILE: {
      description:
        'At least 50 % of attributions of dwellings in QPVs go to households above the first quartile (quartiles 2 to 4), for social mix.',
    },
    PRIORITY_HOUSEHOLDS: {
      description:
        'At least 25 % of each reservation holder’s attributions go to DALO households (droit au logement opposable, recognised by the mediation commission), then to the priority publics of CCH L441-1 (L313-26-2 for Action Logement).',
    },
  },
});

@ObjectType({
  description:
    'How far one legal share of CCH L441-1 is met over a period: qualifying attributions (numerator) among the attributions concerned (denominator), against the target.',
})
export class ObligationMeasure {
  @Field(() => ObligationKindEnum, { description: 'Which obligation this measures.' })
  kind: ObligationKind;

  @Field(() => Int, {
    nullable: true,
    description:
      'Qualifying attributions: outside QPV to first-quartile or urban-renewal households; in QPV to households above the first quartile; to DALO or priority households. Null when `suppressed`.',
  })
  numerator: number | null;

  @Field(() => Int, {
    description:
      'Attributions the obligation is measured on: those outside QPVs; those in QPVs; all of them (priority households). Attributions whose quartile is unknown count here and not in the numerator.',
  })
  denominator: number;

  @Field(() => Float, { description: 'The legal target as a share from 0 to 1 (0.25 for 25 %).' })
  target: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'numerator / denominator from 0 to 1, rounded to 4 decimals; null when there is nothing to measure (denominator 0).',
  })
  share: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'share − target, 4 decimals: negative when behind the legal target; null when the denominator is 0.',
  })
  gap: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Qualifying attributions missing to reach the target with the same denominator (0 when met or when the denominator is 0). Null when `suppressed`.',
  })
  missing: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when the target is met (exactly the target counts as met), decided on the counts, not on the rounded share; null when the denominator is 0 or the measure is `suppressed`.',
  })
  met: boolean | null;

  @Field(() => Boolean, {
    description:
      'Statistical confidentiality: true when fewer than 5 attributions are measured and you do not read the households of this territory (only the State and the EPCI do) — the numerator, share, gap, missing and met are then withheld, so that no household’s situation can be read off a small count.',
  })
  suppressed: boolean;
}

@ObjectType({
  description:
    'One reservation holder’s attributions over the period and its share to DALO then priority households (CCH L441-1: at least 25 % of each holder’s attributions).',
})
export class ReservationHolderObligation {
  /** Resolved by `ReservationHolderObligationResolver.reservationHolder`. */
  reservationHolderId: string;

  @Field(() => Int, { description: 'Leases signed over the period and charged to the holder’s contingent.' })
  attributions: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of them, to DALO households (droit au logement opposable); null when withheld (fewer than 5 attributions).',
  })
  daloHouseholds: number | null;

  @Field(() => ObligationMeasure, {
    description: 'The holder’s share of attributions to DALO or L441-1 priority households, against 25 %.',
  })
  priorityHouseholds: ObligationMeasure;
}

@ObjectType({
  description:
    'The legal shares of attributions of CCH L441-1 (loi Égalité et Citoyenneté) over a period: statistics on signed leases, with the household’s situation recorded at signature, never any household identifier.',
})
export class AttributionObligations {
  @Field(() => LocalDateResolver, { description: 'First day of the period (leases signed on or after it).' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the period (leases signed on or before it).' })
  to: string;

  @Field(() => Int, { description: 'Attributions (leases signed) over the period in the scope.' })
  attributions: number;

  @Field(() => Int, {
    description:
      'Attributions whose first quartile is unknown: no first-quartile threshold for the EPCI and year, or recorded before the household’s resources were. They count in the denominators of the quartile shares, never in their numerators (unless urban-renewal rehousing).',
  })
  unclassified: number;

  @Field(() => ObligationMeasure, {
    description:
      'Attributions outside QPVs going to first-quartile households or to urban-renewal rehousing, against 25 % (CCH L441-1).',
  })
  outsideQpvFirstQuartile: ObligationMeasure;

  @Field(() => ObligationMeasure, {
    description: 'Attributions in QPVs going to households above the first quartile, against 50 % (CCH L441-1).',
  })
  inQpvAboveFirstQuartile: ObligationMeasure;

  @Field(() => ObligationMeasure, {
    description: 'All attributions going to DALO or L441-1 priority households, against 25 %.',
  })
  priorityHouseholds: ObligationMeasure;

  @Field(() => Int, {
    nullable: true,
    description:
      'Attributions to DALO households (droit au logement opposable); null when withheld (fewer than 5 attributions, statistical confidentiality).',
  })
  daloHouseholds: number | null;

  @Field(() => [ReservationHolderObligation], {
    description:
      'The same period by reservation holder charged (each holder’s 25 % obligation), by holder name; holders without attribution in the period are left out.',
  })
  byReservationHolder: ReservationHolderObligation[];
}

@ObjectType({
  description:
    'Reference data: the first-quartile threshold of an EPCI for a year, in euros of annual resources per consumption unit, set by ministerial arrêté. A household below it is of the first quartile (CCH L441-1).',
})
export class FirstQuartileThreshold {
  @Field(() => String, { description: 'SIREN of the EPCI.' })
  epci: string;

  @Field(() => Int, { description: 'The year the threshold applies to (leases signed that year).' })
  year: number;

  @Field(() => Float, { description: 'The threshold, in euros of annual resources per consumption unit.' })
  eurosPerUnit: number;

  @Field(() => String, {
    description: 'The arrêté the figure comes from (or a note that it is a demonstration figure).',
  })
  source: string;
}
