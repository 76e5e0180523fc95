import { CreateDemandRegister1764000000000 } from './1764000000000-create-demand-register';
import { CreateDalThreshold1764000000001 } from './1764000000001-create-dal-threshold';
import { RegisterInDepth1764000000002 } from './1764000000002-register-in-depth';
import { PartialIdempotencyIndex1764000000003 } from './1764000000003-partial-idempotency-index';
import { AuditLog1764000000004 } from './1764000000004-audit-log';
import { AuditSubject1764000000005 } from './1764000000005-audit-subject';

/** Every migration of the demands database, oldest first. */
export const migrations = [
  CreateDemandRegister1764000000000,
  CreateDalThreshold1764000000001,
  RegisterInDepth1764000000002,
  PartialIdempotencyIndex1764000000003,
  AuditLog1764000000004,
  AuditSubject1764000000005,
];
