import { CreateAccompaniment1764300000000 } from './1764300000000-create-accompaniment';
import { LoadSchemeCatalogue1764300000001 } from './1764300000001-load-scheme-catalogue';
import { MeasuresInDepth1764300000002 } from './1764300000002-measures-in-depth';
import { DiagnosticsAndConsent1764300000003 } from './1764300000003-diagnostics-and-consent';
import { AuditLog1764300000004 } from './1764300000004-audit-log';
import { AuditSubject1764300000005 } from './1764300000005-audit-subject';

/** Every migration of the accompaniment database, oldest first. */
export const migrations = [
  CreateAccompaniment1764300000000,
  LoadSchemeCatalogue1764300000001,
  MeasuresInDepth1764300000002,
  DiagnosticsAndConsent1764300000003,
  AuditLog1764300000004,
  AuditSubject1764300000005,
];
