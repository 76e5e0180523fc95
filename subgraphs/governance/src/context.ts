import { parisDate, type Clock } from '@passerelle/shared/dates';
import type { Viewer } from '@passerelle/shared/identity';
import { createAgendaLoaders, type AgendaLoaders } from './agenda/agenda.loaders';
import { AgendaRepository } from './agenda/agenda.repository';
import { CalDecisionRecordingService } from './cal-decision/cal-decision-recording.service';
import { createOfferLoaders, type OfferLoaders } from './cal-decision/offer.loaders';
import {
  createGovernanceActivityLoaders,
  type GovernanceActivityLoaders,
} from './indicators/governance-activity.loaders';
import { GovernanceActivityRepository } from './indicators/governance-activity.repository';
import { GovernanceActivityService } from './indicators/governance-activity.service';
import { MeetingLifecycleService } from './meeting/meeting-lifecycle.service';
import { createRecommendationLoaders, type RecommendationLoaders } from './recommendation/recommendation.loaders';
import { RecommendationRepository } from './recommendation/recommendation.repository';
import { RecommendationService } from './recommendation/recommendation.service';
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
  GovernanceIndicatorLoaders &
  GovernanceActivityLoaders &
  AgendaLoaders &
  OfferLoaders &
  RecommendationLoaders;

/** What every resolver of the governance subgraph receives. */
export interface GovernanceContext {
  viewer: Viewer;
  territories: TerritoryService;
  partners: PartnerService;
  bodies: BodyService;
  meetings: MeetingService;
  calDecisions: CalDecisionService;
  indicators: GovernanceIndicatorsService;
  meetingLifecycle: MeetingLifecycleService;
  calRecording: CalDecisionRecordingService;
  recommendations: RecommendationService;
  activity: GovernanceActivityService;
  loaders: GovernanceLoaders;
}

/** Builds, once per process, the function that makes a fresh context (and loaders) per request. */
export function createContextFactory(db: DataSource, now: Clock): (viewer: Viewer) => GovernanceContext {
  const repositories = {
    partners: new PartnerRepository(db),
    bodies: new BodyRepository(db),
    meetings: new MeetingRepository(db),
    calDecisions: new CalDecisionRepository(db),
    indicators: new GovernanceIndicatorsRepository(db),
    activity: new GovernanceActivityRepository(db),
    agendas: new AgendaRepository(db),
    recommendations: new RecommendationRepository(db),
  };
  const services = {
    territories: new TerritoryService(),
    partners: new PartnerService(repositories.partners),
    bodies: new BodyService(repositories.bodies),
    meetings: new MeetingService(repositories.meetings),
    calDecisions: new CalDecisionService(repositories.calDecisions),
    indicators: new GovernanceIndicatorsService(() => parisDate(now())),
    meetingLifecycle: new MeetingLifecycleService(db, now),
    calRecording: new CalDecisionRecordingService(db, now),
    recommendations: new RecommendationService(db, repositories.recommendations, now),
    activity: new GovernanceActivityService(() => parisDate(now())),
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
      ...createGovernanceActivityLoaders(repositories.activity),
      ...createAgendaLoaders(repositories.agendas, viewer, accessTo(viewer, 'MEETINGS') === 'ALL'),
      ...createOfferLoaders(db),
      ...createRecommendationLoaders(repositories.recommendations, accessTo(viewer, 'BODIES') === 'ALL'),
    },
  });
}
