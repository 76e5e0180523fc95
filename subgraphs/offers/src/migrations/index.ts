import { CreateOffers1764100000000 } from './1764100000000-create-offers';

/** Every migration of the offers database, oldest first. */
export const migrations = [CreateOffers1764100000000];
