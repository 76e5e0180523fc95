import { createSubgraphDataSource } from '@passerelle/shared/database';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AttributionEntity } from './attribution/attribution.entity';
import { FirstQuartileThresholdEntity } from './attribution/first-quartile-threshold.entity';
import { DwellingEntity } from './dwelling/dwelling.entity';
import { FluxAgreementEntity } from './flux/flux-agreement.entity';
import { LandlordEntity } from './landlord/landlord.entity';
import { migrations } from './migrations';
import { ProposalEntity } from './proposal/proposal.entity';
import { ReservationHolderEntity } from './reservation-holder/reservation-holder.entity';
import { VacancyTransitionEntity } from './vacancy/vacancy-transition.entity';
import { VacancyEntity } from './vacancy/vacancy.entity';

export const offersEntities = [
  LandlordEntity,
  ReservationHolderEntity,
  DwellingEntity,
  VacancyEntity,
  VacancyTransitionEntity,
  ProposalEntity,
  FluxAgreementEntity,
  FirstQuartileThresholdEntity,
  AttributionEntity,
];

/** The offers database, with its entities and migrations. */
export const createOffersDataSource = (url: string, logger?: TypeOrmLogger) =>
  createSubgraphDataSource({ url, entities: offersEntities, migrations, logger });
