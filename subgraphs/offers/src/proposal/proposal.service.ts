import { pageSize } from '@passerelle/shared/pagination';
import { isUuid } from '@passerelle/shared/validation';
import type { OffersLoaders } from '../loaders';
import { toProposal } from './proposal.mapper';
import type { Proposal } from './proposal.type';

/**
 * Reading proposals. The household-link rule of `policy.ts` is already in the request's loaders
 * (they read only the proposals of dwellings on the caller's communes), so a caller without it
 * gets empty lists and nulls, never an error.
 */
export class ProposalService {
  /** The newest `first` proposals of a demand; [] for an id that cannot be a demand's. */
  async ofDemand(loaders: OffersLoaders, demandId: string, first: number | undefined): Promise<Proposal[]> {
    const size = pageSize(first);
    if (!isUuid(demandId)) return [];
    return (await loaders.proposalsOfDemand(size).load(demandId.toLowerCase())).map(toProposal);
  }

  /** The newest `first` proposals of a vacancy. */
  async ofVacancy(loaders: OffersLoaders, vacancyId: string, first: number | undefined): Promise<Proposal[]> {
    return (await loaders.proposalsOfVacancy(pageSize(first)).load(vacancyId)).map(toProposal);
  }

  /** A proposal for `_entities`: null when absent or hidden (the same answer). */
  async byId(loaders: OffersLoaders, id: string): Promise<Proposal | null> {
    if (!isUuid(id)) return null;
    const row = await loaders.proposalById.load(id.toLowerCase());
    return row && toProposal(row);
  }
}
