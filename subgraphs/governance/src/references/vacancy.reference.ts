import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { CalDecision } from '../cal-decision/cal-decision.type';
import type { GovernanceContext } from '../context';

/** The offers subgraph's `Vacancy`, as governance sees it: its key only, plus the fields governance adds. */
@Directive('@key(fields: "id")')
@ObjectType('Vacancy', {
  description:
    'A vacancy of a social dwelling, owned by the offers subgraph; governance adds the CAL decisions taken on its candidates.',
})
export class VacancyReference {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the vacancy across all subgraphs.' })
  id: string;
}

/** Any `Vacancy` representation is a valid stub: whether the caller may see decisions is decided per decision. */
export const resolveVacancyReference = (reference: { id: string }): VacancyReference => ({ id: reference.id });

@Resolver(() => VacancyReference)
export class VacancyReferenceResolver {
  @FieldResolver(() => [CalDecision], {
    description:
      'CAL decisions taken on the candidates for this vacancy (CCH R441-3), newest first: only those on your territories, and none for partners who do not read CAL decisions.',
  })
  calDecisions(
    @Root() vacancy: VacancyReference,
    @Ctx() ctx: GovernanceContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many decisions, 1 to 100 (default 20).',
    })
    first?: number,
  ) {
    return ctx.calDecisions.ofVacancy(ctx.loaders, vacancy.id, first);
  }
}
