import { CreateOffers1764100000000 } from './1764100000000-create-offers';
import { OffersInDepth1764500000001 } from './1764500000001-offers-in-depth';
import { AuditLog1764500000002 } from './1764500000002-audit-log';
import { AuditSubject1764500000003 } from './1764500000003-audit-subject';

/** Every migration of the offers database, oldest first. */
export const migrations = [
  CreateOffers1764100000000,
  OffersInDepth1764500000001,
  AuditLog1764500000002,
  AuditSubject1764500000003,
];
