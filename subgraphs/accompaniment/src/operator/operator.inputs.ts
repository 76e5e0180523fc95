import { Field, InputType } from 'type-graphql';
import { SchemeCode } from '../scheme/scheme.enums';

@InputType({ description: 'Narrows a list of operators; every condition given must hold.' })
export class OperatorFilter {
  @Field(() => SchemeCode, { nullable: true, description: 'Only operators delivering this scheme.' })
  scheme?: SchemeCode;

  @Field(() => String, {
    nullable: true,
    description:
      'Only operators working on (part of) this territory: a commune (INSEE code), an EPCI (SIREN), a département or a QPV code. An operator of the département works on each of its communes; an operator of a commune works on part of its EPCI.',
  })
  territory?: string;
}
