import { Field, ID, InputType } from 'type-graphql';
import { VacancyStatus } from './vacancy.enums';

@InputType({ description: 'Narrows a list of vacancies; every condition given must hold.' })
export class VacancyFilter {
  @Field(() => VacancyStatus, { nullable: true, description: 'Only vacancies now in this status.' })
  status?: VacancyStatus;

  @Field(() => ID, { nullable: true, description: "Only vacancies of this landlord's dwellings (its id)." })
  landlord?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only vacancies oriented to this reservation holder (its id).',
  })
  reservationHolder?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only vacancies of dwellings in this commune (INSEE code, e.g. "59350" for Lille).',
  })
  commune?: string;
}
