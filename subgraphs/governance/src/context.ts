import type { Viewer } from '@passerelle/shared/identity';
import type { DataSource } from 'typeorm';
import { createBodyLoaders, type BodyLoaders } from './body/body.loaders';
import { BodyRepository } from './body/body.repository';
import { BodyService } from './body/body.service';
import { createCalDecisionLoaders, type CalDecisionLoaders } from './cal-decision/cal-decision.loaders';
import { CalDecisionRepository } from './cal-decision/cal-decision.repository';
import { CalDecisionService } from './cal-decision/cal-decision.service';
import {
  createGovernanceIndicatorLoaders,
  type GovernanceIndicatorLoaders,
} from './indicators/governance-indicators.loaders';
import { GovernanceIndicatorsRepository } from './indicators/governance-indicators.repository';
import { GovernanceIndicatorsService } from './indicators/governance-indicators.service';
import { createMeetingLoaders, type MeetingLoaders } from './meeting/meeting.loaders';
import { MeetingRepository } from './meeting/meeting.repository';
import { MeetingService } from './meeting/meeting.service';
import { createPartnerLoaders, type PartnerLoaders } from './partner/partner.loaders';
import { PartnerRepository } from './partner/partner.repository';
import { PartnerService } from './partner/partner.service';
import { accessTo } from './policy';
import { TerritoryService } from './territory/territory.service';

/** Every per-request loader of the subgraph. */
export type GovernanceLoaders = PartnerLoaders &
  BodyLoaders &
  MeetingLoaders &
  CalDecisionLoaders &
  GovernanceIndicatorLoaders;

/** What every resolver of the governance subgraph receives. */
export interface GovernanceContext {
  viewer: Viewer;
  territories: TerritoryService;
  partners: PartnerService;
  bodies: BodyService;
  meetings: MeetingService;
  calDecisions: CalDecisionService;
  indicators: GovernanceIndicatorsService;
  loaders: GovernanceLoaders;
}

/** Builds, once per process, the function that makes a fresh context (and loaders) per request. */
export function createContextFactory(db: DataSource): (viewer: Viewer) => GovernanceContext {
  const repositories = {
    partners: new PartnerRepository(db),
    bodies: new BodyRepository(db),
    meetings: new MeetingRepository(db),
    calDecisions: new CalDecisionRepository(db),
    indicators: new GovernanceIndicatorsRepository(db),
  };
  const services = {
    territories: new TerritoryService(),
    partners: new PartnerService(repositories.partners),
    bodies: new BodyService(repositories.bodies),
    meetings: new MeetingService(repositories.meetings),
    calDecisions: new CalDecisionService(repositories.calDecisions),
    indicators: new GovernanceIndicatorsService(),
  };
  // Loaders are per request and per caller: each batch carries what this caller may read.
  return (viewer) => ({
    viewer,
    ...services,
    loaders: {
      ...createPartnerLoaders(repositories.partners, accessTo(viewer, 'PARTNERS') === 'ALL'),
      ...createBodyLoaders(repositories.bodies, accessTo(viewer, 'BODIES') === 'ALL'),
      ...createMeetingLoaders(repositories.meetings, accessTo(viewer, 'MEETINGS') === 'ALL'),
      ...createCalDecisionLoaders(repositories.calDecisions, accessTo(viewer, 'CAL_DECISIONS')),
      ...createGovernanceIndicatorLoaders(repositories.indicators),
    },
  });
}
