import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AccompanimentContext } from '../context';
import { SchemeFilter } from './scheme.inputs';
import { Scheme } from './scheme.type';

@Resolver(() => Scheme)
export class SchemeResolver {
  @Query(() => [Scheme], {
    description:
      'The scheme catalogue, by code. A bounded list, not a connection: the catalogue holds at most one scheme per `SchemeCode` (10 today). Public: no token needed.',
  })
  schemes(
    @Arg('filter', () => SchemeFilter, { nullable: true, description: 'Conditions the schemes must meet.' })
    filter: SchemeFilter | undefined,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return ctx.schemes.list(filter ?? {});
  }

  @Query(() => Scheme, { nullable: true, description: 'One scheme by id; null when there is none. Public.' })
  scheme(@Arg('id', () => ID, { description: 'The scheme id (UUID).' }) id: string, @Ctx() ctx: AccompanimentContext) {
    return ctx.schemes.get(ctx.loaders, id);
  }
}
