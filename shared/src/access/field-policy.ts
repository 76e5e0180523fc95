import {
  defaultFieldResolver,
  isNonNullType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { ForbiddenError } from '../errors';
import type { Viewer } from '../identity';
import type { ReadAudit } from './read-audit';
import { classRefusal, isAudited, type Sensitivity } from './sensitivity';

/** What the field policy needs of a subgraph's request context. */
export interface PolicyContext {
  viewer: Viewer;
  audit: ReadAudit;
}

/** How one field may be read. */
export interface FieldRule<TContext extends PolicyContext = PolicyContext> {
  sensitivity: Sensitivity;
  /** Who reads it, in words: the README's policy table repeats it. */
  readers: string;
  /**
   * A relationship finer than the record, checked on each parent after the class (e.g. "the landlord
   * owning the dwelling"). Which records a viewer reaches at all is decided earlier, in SQL.
   */
  allows?: (parent: never, context: TContext) => boolean | Promise<boolean>;
  /** The sentence a refused viewer gets when `allows` says no. */
  refusal?: string;
  /**
   * For a list of enum values: the values that are SENSITIVE (e.g. the motive DOMESTIC_VIOLENCE).
   * They are left out of the list for viewers who may not read sensitive data, the rest shown;
   * a list that shows one of them is logged as a nominative read.
   */
  sensitiveValues?: readonly string[];
  /**
   * A list of records each filtered by the record rules (a demand's proposals, measures…): a viewer
   * whose class may not read it gets an empty list, not an error ("denied lists are filtered"); a
   * non-empty read is logged against the parent.
   */
  filtered?: boolean;
  /**
   * The record the audit log names when this field is read; by default the parent itself
   * (its GraphQL type and `id`). A value type without an id (a demand's disability) names its owner.
   */
  auditedRecord?: (parent: never) => { type: string; id: string } | null;
  /**
   * The demand the record concerns (its household), for records that are not the demand itself: the
   * log keeps it beside the record, so the auditor finds every read about one household.
   */
  subject?: (parent: never) => string | null | undefined;
}

/**
 * A subgraph's field policy: `Type.field` → rule. Fields not listed take the record's rule (who
 * reaches the record reads them). Checked against the schema when the server starts.
 */
export type FieldPolicy<TContext extends PolicyContext = PolicyContext> = Readonly<Record<string, FieldRule<TContext>>>;

/**
 * Wraps the resolver of every field the policy lists: a refused viewer gets null and a FORBIDDEN
 * error at the field's path (the rest of the response intact); an allowed read of a nominative or
 * sensitive value is noted in the request's audit collector. Throws at start-up when the policy
 * names a field the schema lacks, or a nominative, sensitive or relationship-bound field that is
 * non-null (its refusal would null the whole parent).
 */
export function enforceFieldPolicy<TContext extends PolicyContext>(
  schema: GraphQLSchema,
  policy: FieldPolicy<TContext>,
): GraphQLSchema {
  for (const [name, rule] of Object.entries(policy)) {
    const [typeName, fieldName] = name.split('.');
    const type = schema.getType(typeName ?? '');
    const field = isObjectType(type) && fieldName ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`The field policy names ${name}, which the schema does not have.`);
    // An INTERNAL field without a relationship rule is refused only to anonymous callers, who never
    // reach a partner-only record: it may stay non-null. Anything else can be refused on a record.
    const refusable = (isAudited(rule.sensitivity) && !rule.filtered) || rule.allows !== undefined;
    if (refusable && isNonNullType(field.type)) {
      throw new Error(`${name} can be refused (${rule.sensitivity}) but is non-null: a refusal would null its parent.`);
    }
    field.resolve = guarded(name, typeName!, rule, field.resolve ?? defaultFieldResolver);
  }
  return schema;
}

function guarded<TContext extends PolicyContext>(
  name: string,
  typeName: string,
  rule: FieldRule<TContext>,
  resolve: GraphQLFieldResolver<unknown, TContext>,
): GraphQLFieldResolver<unknown, TContext> {
  const audited = isAudited(rule.sensitivity);
  const sensitiveValues = rule.sensitiveValues ? new Set<unknown>(rule.sensitiveValues) : null;
  const refuse = () => {
    throw new ForbiddenError(rule.refusal ?? `${name} is not open to your partner on this record.`);
  };

  /** The value as served: sensitive values filtered out, the read noted when it is nominative. */
  const serve = (value: unknown, parent: unknown, context: TContext): unknown => {
    let shown = value;
    let showsSensitiveValue = false;
    if (sensitiveValues && Array.isArray(value)) {
      if (classRefusal(context.viewer, 'SENSITIVE', name)) shown = value.filter((item) => !sensitiveValues.has(item));
      else showsSensitiveValue = value.some((item) => sensitiveValues.has(item));
    }
    if ((audited || showsSensitiveValue) && shown != null && !(Array.isArray(shown) && shown.length === 0)) {
      const record = rule.auditedRecord ? rule.auditedRecord(parent as never) : ownRecord(typeName, parent);
      if (record) context.audit.record(record.type, record.id, name, rule.subject?.(parent as never));
    }
    return shown;
  };

  const resolveAndServe: GraphQLFieldResolver<unknown, TContext> = (parent, args, context, info) => {
    const value: unknown = resolve(parent, args, context, info);
    return isPromise(value)
      ? value.then((resolved) => serve(resolved, parent, context))
      : serve(value, parent, context);
  };

  // Synchronous unless the rule or the resolver is not: most guarded fields are plain properties,
  // and a promise per field of a page of 100 records is a cost the benchmark sees.
  return (parent, args, context, info) => {
    const refusal = classRefusal(context.viewer, rule.sensitivity, name);
    if (refusal && rule.filtered) return [];
    if (refusal) throw new ForbiddenError(refusal);
    if (!rule.allows) return resolveAndServe(parent, args, context, info);
    const allowed = rule.allows(parent as never, context);
    if (isPromise(allowed)) {
      return allowed.then((yes) => (yes ? resolveAndServe(parent, args, context, info) : refuse()));
    }
    return allowed ? resolveAndServe(parent, args, context, info) : refuse();
  };
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/** The parent as the audited record; a parent without an id is a policy mistake, never an unlogged read. */
function ownRecord(typeName: string, parent: unknown): { type: string; id: string } {
  const id = (parent as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') {
    throw new Error(`${typeName} has no id to log a nominative read against: give its rule an auditedRecord.`);
  }
  return { type: typeName, id };
}
