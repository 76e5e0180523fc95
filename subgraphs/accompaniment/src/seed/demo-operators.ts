import { demoId } from '@passerelle/shared/demo';
import type { OperatorEntity } from '../operator/operator.entity';
import { SchemeCode } from '../scheme/scheme.enums';

/**
 * The accompaniment operators of the demo territory. The first two are demo partners (their
 * tokens carry these slugs, so they see the measures they operate); the others are operators
 * without a partner account yet, so that every scheme has an operator. Capacities are demo
 * figures, not facts about these organisations.
 */
export const DEMO_OPERATORS: readonly Omit<OperatorEntity, 'id'>[] = [
  {
    slug: 'siao-nord',
    name: 'SIAO du Nord',
    schemeCodes: [SchemeCode.AVDL, SchemeCode.IML_SUBLETTING, SchemeCode.LOGEMENT_ACCOMPAGNE],
    territories: ['59'],
    annualCapacity: 600,
  },
  {
    slug: 'soliha-metropole-nord',
    name: 'SOLIHA Métropole Nord',
    schemeCodes: [SchemeCode.AVDL, SchemeCode.ASLL, SchemeCode.FSL_ACCESS, SchemeCode.FSL_MAINTENANCE, SchemeCode.MOUS],
    territories: ['200093201'],
    annualCapacity: 900,
  },
  {
    slug: 'aivs-metropole-lilloise',
    name: 'AIVS de la Métropole lilloise',
    schemeCodes: [SchemeCode.IML_MANAGEMENT_MANDATE, SchemeCode.IML_SUBLETTING],
    territories: ['200093201'],
    annualCapacity: 250,
  },
  {
    slug: 'cllaj-metropole-lilloise',
    name: 'CLLAJ de la Métropole lilloise',
    schemeCodes: [SchemeCode.CLLAJ],
    territories: ['200093201'],
    annualCapacity: 300,
  },
  {
    slug: 'un-chez-soi-d-abord-lille',
    name: 'Un chez-soi d’abord Lille',
    schemeCodes: [SchemeCode.UN_CHEZ_SOI_D_ABORD],
    territories: ['200093201'],
    annualCapacity: 100,
  },
];

/** The demo operators with their deterministic ids (UUIDv5 of `operator:<slug>`). */
export const demoOperators = (): OperatorEntity[] =>
  DEMO_OPERATORS.map((operator) => ({ ...operator, id: demoId('operator', operator.slug) }));
