import { officialGeography } from '@passerelle/shared/geography';
import type { DwellingEntity } from '../dwelling/dwelling.entity';
import type { AttributionEntity } from './attribution.entity';
import type { AttributionPriority } from './attribution.enums';
import { consumptionUnits, isFirstQuartile, resourcesPerConsumptionUnit } from './consumption-units';

/** The household at signature, as the landlord supplies it (the seed draws it). */
export interface HouseholdAtSignature {
  /** Ages on the day of signature, the applicant first. */
  memberAges: readonly number[];
  annualResources: number;
  priority: AttributionPriority;
  urbanRenewalRehousing: boolean;
}

/** The attribution's columns that snapshot the dwelling and the household at signature. */
export type AttributionSnapshot = Pick<
  AttributionEntity,
  | 'commune'
  | 'epci'
  | 'inQpv'
  | 'typology'
  | 'financing'
  | 'constructionYear'
  | 'memberCount'
  | 'consumptionUnits'
  | 'annualResources'
  | 'resourcesPerUnit'
  | 'quartileThreshold'
  | 'firstQuartile'
  | 'priority'
  | 'urbanRenewalRehousing'
>;

/**
 * What an attribution records of the dwelling and of the household at signature (CCH L441-1):
 * consumption units, resources per unit and the first quartile against `threshold` (euros per
 * unit for the EPCI and year; null when none is set). Pure: the lifecycle and the seed share it.
 */
export function attributionSnapshot(
  dwelling: Pick<DwellingEntity, 'commune' | 'qpv' | 'typology' | 'financing' | 'constructionYear'>,
  household: HouseholdAtSignature,
  threshold: number | null,
): AttributionSnapshot {
  const units = consumptionUnits(household.memberAges);
  const perUnit = resourcesPerConsumptionUnit(household.annualResources, units);
  return {
    commune: dwelling.commune,
    epci: officialGeography.epciOf(dwelling.commune),
    inQpv: dwelling.qpv !== null,
    typology: dwelling.typology,
    financing: dwelling.financing,
    constructionYear: dwelling.constructionYear,
    memberCount: household.memberAges.length,
    consumptionUnits: units,
    annualResources: household.annualResources,
    resourcesPerUnit: perUnit,
    quartileThreshold: threshold,
    firstQuartile: threshold === null ? null : isFirstQuartile(perUnit, threshold),
    priority: household.priority,
    urbanRenewalRehousing: household.urbanRenewalRehousing,
  };
}
