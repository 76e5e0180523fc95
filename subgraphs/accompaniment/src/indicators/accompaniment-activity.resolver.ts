import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AccompanimentContext } from '../context';
import { Operator } from '../operator/operator.type';
import { TerritoryReference } from '../references/territory.reference';
import { AccompanimentActivity, OperatorActivity } from './accompaniment-activity.type';

const FROM = { nullable: true, description: 'First day of the period (default: 1 January of this year in Paris).' };
const TO = { nullable: true, description: 'Last day of the period (default: today in Paris); not before `from`.' };

/** Contributes `Territory.accompanimentActivity`, batched across the territories of a request. */
@Resolver(() => TerritoryReference)
export class TerritoryActivityResolver {
  @FieldResolver(() => AccompanimentActivity, {
    nullable: true,
    description:
      'Accompaniment activity of the territory over a period: by scheme and by operator, waiting list, rehousings. Statistics: any partner may read them; null with a FORBIDDEN error without a token; BAD_USER_INPUT when `from` is after `to`.',
  })
  accompanimentActivity(
    @Root() territory: TerritoryReference,
    @Ctx() ctx: AccompanimentContext,
    @Arg('from', () => LocalDateResolver, FROM) from?: string,
    @Arg('to', () => LocalDateResolver, TO) to?: string,
  ) {
    return ctx.activity.of(ctx.loaders, 'territory', territory.code, from ?? undefined, to ?? undefined);
  }
}

/** Contributes `Operator.activity`, batched across the operators of a request. */
@Resolver(() => Operator)
export class OperatorActivityFieldResolver {
  @FieldResolver(() => AccompanimentActivity, {
    nullable: true,
    description:
      "The operator's accompaniment activity over a period, all its territories together: by scheme, waiting list, rehousings (`byOperator` is null). Statistics: any partner may read them; null with a FORBIDDEN error without a token; BAD_USER_INPUT when `from` is after `to`.",
  })
  activity(
    @Root() operator: Operator,
    @Ctx() ctx: AccompanimentContext,
    @Arg('from', () => LocalDateResolver, FROM) from?: string,
    @Arg('to', () => LocalDateResolver, TO) to?: string,
  ) {
    return ctx.activity.of(ctx.loaders, 'operator', operator.id, from ?? undefined, to ?? undefined);
  }
}

/** Resolves the operator of an `OperatorActivity` through the request's operator loader. */
@Resolver(() => OperatorActivity)
export class OperatorActivityResolver {
  @FieldResolver(() => Operator, { description: 'The operator.' })
  async operator(@Root() activity: OperatorActivity, @Ctx() ctx: AccompanimentContext) {
    return ctx.operators.resolveReference(ctx.loaders, activity.operatorId);
  }
}
