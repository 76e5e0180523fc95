import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Demand indicators of a territory, as a monthly dashboard reads them.' })
export class DemandIndicators {
  @Field(() => Int, { description: 'Active demands wishing a commune of the territory (pending demand).' })
  pending: number;

  @Field(() => Int, { description: 'Demands filed from the first day of the month of `asOf` to `asOf`.' })
  newThisMonth: number;

  @Field(() => Int, { description: 'Demands filed from 1 January of the year of `asOf` to `asOf`.' })
  newThisYear: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median wait of the pending demands, in whole months since filing, at `asOf`; null when none is pending.',
  })
  medianWaitMonths: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Pending demands waiting longer than the délai anormalement long (DAL, CCH L441-1-4) set for their département and smallest wished typology; null when no DAL is configured there.',
  })
  pastDal: number | null;
}

/** The `Territory` entity owned by governance, to which this subgraph contributes demand indicators. */
@Directive('@key(fields: "code")')
@ObjectType('Territory', {
  description: 'A commune, EPCI, département or QPV (owned by the governance subgraph); here, its demand indicators.',
})
export class TerritoryReference {
  @Field(() => String, { description: 'INSEE commune code, EPCI SIREN, département code or QPV code.' })
  code: string;
}
