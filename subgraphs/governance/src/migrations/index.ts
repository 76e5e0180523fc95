import { CreateGovernance1764100000000 } from './1764100000000-create-governance';

/** Every migration of the governance database, oldest first. */
export const migrations = [CreateGovernance1764100000000];
