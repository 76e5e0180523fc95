import { CreateDemandRegister1764000000000 } from './1764000000000-create-demand-register';

/** Every migration of the demands database, oldest first. */
export const migrations = [CreateDemandRegister1764000000000];
