import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SchemeCode, SchemeFunder } from '../scheme/scheme.enums';

@InputType({ description: 'A household not yet known here, recorded with the prescription.' })
export class NewHouseholdInput {
  @Field(() => String, {
    description: 'The label the operator will use for the household (1 to 120 characters); never a NIR.',
  })
  label: string;

  @Field(() => Int, { description: 'Number of adults (1 to 20).' })
  adults: number;

  @Field(() => Int, { description: 'Number of children (0 to 30).' })
  children: number;

  @Field(() => String, { description: 'INSEE code of the commune the household lives in (e.g. "59512").' })
  commune: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the QPV (priority urban district) the household lives in, in that commune; omit outside any.',
  })
  qpv?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The household's demand for social housing in the demands subgraph (its id, read through the gateway), when it has one.",
  })
  demandId?: string | null;
}

@InputType({ description: 'A prescription: which scheme, by which operator, for which household.' })
export class PrescribeMeasureInput {
  @Field(() => SchemeCode, { description: 'The scheme prescribed; your partner kind must be one of its prescribers.' })
  scheme: SchemeCode;

  @Field(() => ID, {
    description:
      "The operator (its id) that will deliver it: it must deliver the scheme and work on the household's commune.",
  })
  operator: string;

  @Field(() => ID, {
    nullable: true,
    description: 'An existing household record (its id); give either this or `newHousehold`.',
  })
  household?: string | null;

  @Field(() => NewHouseholdInput, {
    nullable: true,
    description: 'A household not recorded yet; give either this or `household`.',
  })
  newHousehold?: NewHouseholdInput | null;

  @Field(() => SchemeFunder, {
    nullable: true,
    description: "Who funds the measure (default: the scheme's funder).",
  })
  fundingSource?: SchemeFunder | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Day of the prescription (default today); never in the future.',
  })
  prescribedOn?: string | null;
}
