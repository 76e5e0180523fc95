import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { AccompanimentContext } from '../context';
import { Scheme } from '../scheme/scheme.type';
import { OperatorFilter } from './operator.inputs';
import type { OperatorPage } from './operator.service';
import { Operator, OperatorConnection } from './operator.type';

@Resolver(() => Operator)
export class OperatorResolver {
  @Query(() => OperatorConnection, {
    description: 'Accompaniment operators, by name, as a cursor connection. Public: no token needed.',
  })
  operators(
    @Arg('filter', () => OperatorFilter, { nullable: true, description: 'Conditions the operators must meet.' })
    filter: OperatorFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
    })
    after: string | undefined,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return ctx.operators.list(filter ?? {}, first, after ?? undefined);
  }

  @Query(() => Operator, { nullable: true, description: 'One operator by id; null when there is none. Public.' })
  operator(
    @Arg('id', () => ID, { description: 'The operator id (UUID).' }) id: string,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return ctx.operators.get(ctx.loaders, id);
  }

  @FieldResolver(() => [Scheme], {
    description: 'The schemes the operator delivers, by code (a bounded list: at most one per `SchemeCode`).',
  })
  schemes(@Root() operator: Operator, @Ctx() ctx: AccompanimentContext) {
    return Promise.all([...operator.schemeCodes].sort().map((code) => ctx.schemes.byCode(ctx.loaders, code)));
  }
}

@Resolver(() => OperatorConnection)
export class OperatorConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of operators matching the filter, over all pages.' })
  totalCount(@Root() page: OperatorPage) {
    return page.count();
  }
}
