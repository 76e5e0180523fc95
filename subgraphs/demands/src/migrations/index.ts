import { CreateDemandRegister1764000000000 } from './1764000000000-create-demand-register';
import { CreateDalThreshold1764000000001 } from './1764000000001-create-dal-threshold';

/** Every migration of the demands database, oldest first. */
export const migrations = [CreateDemandRegister1764000000000, CreateDalThreshold1764000000001];
