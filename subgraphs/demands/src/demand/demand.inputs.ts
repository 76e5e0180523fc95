import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Typology } from '@passerelle/shared/housing';
import { Field, InputType } from 'type-graphql';
import { DemandKind, DemandStatus, PriorityLabel, TransferDifficulty } from './demand.enums';

@InputType({ description: 'Narrows a list of demands; every condition given must hold.' })
export class DemandFilter {
  @Field(() => DemandStatus, { nullable: true, description: 'Only demands in this status.' })
  status?: DemandStatus;

  @Field(() => DemandKind, { nullable: true, description: 'Only first-access demands, or only transfers.' })
  kind?: DemandKind;

  @Field(() => String, {
    nullable: true,
    description: 'Only demands wishing this commune (INSEE code, e.g. "59350" for Lille).',
  })
  wishedCommune?: string;

  @Field(() => Typology, { nullable: true, description: 'Only demands accepting this typology.' })
  wishedTypology?: Typology;

  @Field(() => PriorityLabel, { nullable: true, description: 'Only demands with this priority label.' })
  priorityLabel?: PriorityLabel;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Only demands filed on or after this date.' })
  filedFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Only demands filed on or before this date.' })
  filedTo?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only suspected duplicates (an adult’s NIR shared with another active demand), for the registration service to check; false: only the others.',
  })
  suspectedDuplicate?: boolean;

  @Field(() => TransferDifficulty, {
    nullable: true,
    description: 'Only transfers with this blocked or complex transfer criterion (inter-landlord follow-up).',
  })
  transferDifficulty?: TransferDifficulty;
}
