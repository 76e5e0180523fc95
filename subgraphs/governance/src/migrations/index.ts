import { CreateGovernance1764100000000 } from './1764100000000-create-governance';
import { GovernanceInDepth1764100000001 } from './1764100000001-governance-in-depth';
import { AuditLog1764100000002 } from './1764100000002-audit-log';
import { AuditSubject1764100000003 } from './1764100000003-audit-subject';

/** Every migration of the governance database, oldest first. */
export const migrations = [
  CreateGovernance1764100000000,
  GovernanceInDepth1764100000001,
  AuditLog1764100000002,
  AuditSubject1764100000003,
];
