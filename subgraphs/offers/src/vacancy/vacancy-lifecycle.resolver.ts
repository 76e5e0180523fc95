import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { OffersContext } from '../context';
import { OfferRefusalMotive } from '../proposal/proposal.enums';
import { DeclareVacancyInput, SignLeaseInput } from './vacancy-lifecycle.inputs';
import type { VacancyRequest } from './vacancy-lifecycle.service';
import { toVacancy } from './vacancy.mapper';
import { Vacancy } from './vacancy.type';

const idArg = { description: 'The vacancy id (UUID).' };
const versionArg = {
  description:
    'The `version` of the vacancy you read: if someone changed it since, nothing is changed and a CONFLICT says so.',
};
const dayArg = (what: string) => ({
  nullable: true,
  description: `Day ${what} (default today); never in the future, never before the vacancy's previous step.`,
});

/**
 * The vacancy lifecycle's mutations: thin adapters over `VacancyLifecycleService`. A vacancy you
 * neither own nor hold is answered as an absent one (NOT_FOUND).
 */
@Resolver(() => Vacancy)
export class VacancyLifecycleResolver {
  @Mutation(() => Vacancy, {
    description:
      'Declares a vacancy (VACATED) on a dwelling of your stock, with its origin for the annual flux. By the landlord only; CONFLICT while the dwelling is already being let.',
  })
  async declareVacancy(
    @Arg('input', () => DeclareVacancyInput, { description: 'The dwelling freed.' }) input: DeclareVacancyInput,
    @Ctx() ctx: OffersContext,
  ) {
    return toVacancy(await ctx.lifecycle.declare(ctx.viewer, input));
  }

  @Mutation(() => Vacancy, {
    description:
      "VACATED or RETURNED → ORIENTED: the landlord orients the vacancy to a reservation holder under a flux agreement of the year covering the dwelling's commune (décret 2020-145), or to its own non-reserved part. By the landlord only.",
  })
  orientVacancy(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('reservationHolder', () => ID, {
      description: 'The reservation holder (its id) that will designate candidates.',
    })
    reservationHolder: string,
    @Arg('on', () => LocalDateResolver, dayArg('of the orientation')) on: string | undefined,
    @Ctx() ctx: OffersContext,
  ) {
    return this.change(ctx, id, expectedVersion, { type: 'ORIENT', reservationHolder, on: on ?? undefined });
  }

  @Mutation(() => Vacancy, {
    description:
      'ORIENTED → CANDIDATES_DESIGNATED: the reservation holder designates its candidates — at least three (CCH R441-3), exactly one for a DALO household designated by the State, or fewer with the reason. By the reservation holder the vacancy is oriented to only.',
  })
  designateCandidates(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('candidates', () => [ID], { description: 'The demands designated (their ids), 1 to 10, each once.' })
    candidates: string[],
    @Arg('daloDesignation', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'True when the State (préfet) designates one DALO household alone (default false).',
    })
    daloDesignation: boolean,
    @Arg('fewerCandidatesReason', () => String, {
      nullable: true,
      description: 'Why fewer than three candidates are designated (required then; at most 500 characters).',
    })
    fewerCandidatesReason: string | undefined,
    @Arg('on', () => LocalDateResolver, dayArg('of the designation')) on: string | undefined,
    @Ctx() ctx: OffersContext,
  ) {
    return this.change(ctx, id, expectedVersion, {
      type: 'DESIGNATE',
      candidates,
      dalo: daloDesignation ?? false,
      fewerCandidatesReason,
      on: on ?? undefined,
    });
  }

  @Mutation(() => Vacancy, {
    description:
      "CANDIDATES_DESIGNATED → EXAMINED_IN_CAL: the landlord's CAL examined the candidates (its decisions are recorded in the governance subgraph, `recordCalDecision`). By the landlord only.",
  })
  recordCalExamination(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('on', () => LocalDateResolver, dayArg('of the CAL meeting')) on: string | undefined,
    @Ctx() ctx: OffersContext,
  ) {
    return this.change(ctx, id, expectedVersion, { type: 'EXAMINE_IN_CAL', on: on ?? undefined });
  }

  @Mutation(() => Vacancy, {
    description:
      'EXAMINED_IN_CAL → OFFER_NOTIFIED: the landlord notifies the offer to one candidate examined by the CAL, who has 10 days to answer (CCH R441-10). One offer at a time: the next ranked candidate after a refusal. By the landlord only.',
  })
  notifyOffer(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('proposal', () => ID, { description: 'The candidacy (proposal id) offered the dwelling.' }) proposal: string,
    @Arg('on', () => LocalDateResolver, dayArg('of the notice')) on: string | undefined,
    @Ctx() ctx: OffersContext,
  ) {
    return this.change(ctx, id, expectedVersion, { type: 'NOTIFY_OFFER', proposal, on: on ?? undefined });
  }

  @Mutation(() => Vacancy, {
    description:
      "Records the applicant's answer to the offer: an acceptance within the 10 days, or a refusal with its motive (any time). By the landlord only.",
  })
  recordApplicantAnswer(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('proposal', () => ID, { description: 'The candidacy (proposal id) that answers.' }) proposal: string,
    @Arg('accepted', () => Boolean, { description: 'True for an acceptance, false for a refusal.' }) accepted: boolean,
    @Arg('refusalMotive', () => OfferRefusalMotive, {
      nullable: true,
      description: 'Why the offer is refused (required for a refusal).',
    })
    refusalMotive: OfferRefusalMotive | undefined,
    @Arg('refusalWords', () => String, {
      nullable: true,
      description: "The refusal in the applicant's words (at most 500 characters).",
    })
    refusalWords: string | undefined,
    @Arg('on', () => LocalDateResolver, dayArg('of the answer')) on: string | undefined,
    @Ctx() ctx: OffersContext,
  ) {
    return this.change(ctx, id, expectedVersion, {
      type: 'ANSWER_OFFER',
      proposal,
      accepted,
      motive: refusalMotive ?? null,
      words: refusalWords,
      on: on ?? undefined,
    });
  }

  @Mutation(() => Vacancy, {
    description:
      'OFFER_NOTIFIED → LEASE_SIGNED: the candidate who accepted signs the lease. Records the attribution with the household at signature (supplied by you, read from the demand through the gateway), charged to the reservation holder of the vacancy; the other candidacies still running are withdrawn. By the landlord only.',
  })
  signLease(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('input', () => SignLeaseInput, { description: 'The lease and the household at signature.' })
    input: SignLeaseInput,
    @Ctx() ctx: OffersContext,
  ) {
    return this.change(ctx, id, expectedVersion, {
      type: 'SIGN_LEASE',
      proposal: input.proposal,
      on: input.leaseSignedOn ?? undefined,
      household: input.household,
    });
  }

  @Mutation(() => Vacancy, {
    description:
      'ORIENTED … OFFER_NOTIFIED → RETURNED: the vacancy goes back to the landlord (remise à disposition: no suitable candidate, all refused), with the reason; candidacies still running are withdrawn. The landlord then orients it again. By the reservation holder or the landlord; CONFLICT once a candidate accepted.',
  })
  returnVacancy(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('reason', () => String, { description: 'Why the vacancy is given back (1 to 500 characters).' })
    reason: string,
    @Arg('on', () => LocalDateResolver, dayArg('of the return')) on: string | undefined,
    @Ctx() ctx: OffersContext,
  ) {
    return this.change(ctx, id, expectedVersion, { type: 'RETURN', reason, on: on ?? undefined });
  }

  private async change(ctx: OffersContext, id: string, expectedVersion: number, request: VacancyRequest) {
    return toVacancy(await ctx.lifecycle.change(ctx.viewer, id, expectedVersion, request));
  }
}
