import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { OffersContext } from '../context';
import { RegisterDwellingInput, UpdateDwellingInput } from './dwelling-write.inputs';
import { toDwelling } from './dwelling.mapper';
import { Dwelling } from './dwelling.type';

/** The stock's mutations: a landlord writes its own dwellings only. */
@Resolver(() => Dwelling)
export class DwellingWriteResolver {
  @Mutation(() => Dwelling, {
    description:
      'Adds a dwelling to your stock (RPLS fields, rent and charges, internal notes). By a landlord only; CONFLICT when the RPLS identifier is already registered.',
  })
  async registerDwelling(
    @Arg('input', () => RegisterDwellingInput, { description: 'The dwelling.' }) input: RegisterDwellingInput,
    @Ctx() ctx: OffersContext,
  ) {
    return toDwelling(await ctx.dwellingWrites.register(ctx.viewer, input));
  }

  @Mutation(() => Dwelling, {
    description:
      "Changes fields of a dwelling of your stock. By its landlord only (another landlord's dwelling is NOT_FOUND); CONFLICT when `expectedVersion` is stale.",
  })
  async updateDwelling(
    @Arg('id', () => ID, { description: 'The dwelling id (UUID).' }) id: string,
    @Arg('expectedVersion', () => Int, {
      description: 'The `version` of the dwelling you read: if someone changed it since, nothing is changed.',
    })
    expectedVersion: number,
    @Arg('input', () => UpdateDwellingInput, { description: 'The fields to change.' }) input: UpdateDwellingInput,
    @Ctx() ctx: OffersContext,
  ) {
    return toDwelling(await ctx.dwellingWrites.update(ctx.viewer, id, expectedVersion, input));
  }
}
