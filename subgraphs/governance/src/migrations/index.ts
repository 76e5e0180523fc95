import { CreateGovernance1764100000000 } from './1764100000000-create-governance';
import { GovernanceInDepth1764100000001 } from './1764100000001-governance-in-depth';

/** Every migration of the governance database, oldest first. */
export const migrations = [CreateGovernance1764100000000, GovernanceInDepth1764100000001];
