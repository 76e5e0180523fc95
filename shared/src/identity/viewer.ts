import { z } from 'zod';

/** The legal roles a partner can hold (ARCHITECTURE.md, identity contract). */
export const PARTNER_KINDS = [
  'STATE',
  'EPCI',
  'LANDLORD',
  'RESERVATION_HOLDER',
  'ASSOCIATION',
  'ANALYST',
  'AUDITOR',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** What a verified caller token says about the caller, and nothing else. */
export const callerClaimsSchema = z.object({
  sub: z.string().min(1),
  partner: z.string().min(1),
  kind: z.enum(PARTNER_KINDS),
  territories: z.array(z.string().min(1)).default([]),
  scopes: z.array(z.string().min(1)).default([]),
});
export type CallerClaims = z.infer<typeof callerClaimsSchema>;

/** A caller who sent no token: may read public reference data, never household data. */
export interface AnonymousViewer {
  readonly kind: 'ANONYMOUS';
}

/**
 * What the gateway says about the client's request, for the log of nominative reads: one id per
 * client request (shared by the subgraph calls it makes), the client's operation name, and the
 * purpose the client declared in the `x-passerelle-purpose` header.
 */
export interface RequestTrace {
  readonly requestId: string;
  readonly operationName: string | null;
  readonly purpose: string | null;
}

/** The most characters kept of an operation name or a purpose. */
export const TRACE_TEXT_MAX = 200;

/** Who is asking, as a subgraph sees it after verifying the gateway's assertion. */
export type Viewer = (CallerClaims & { readonly authenticated: true; readonly trace?: RequestTrace }) | AnonymousViewer;

export const ANONYMOUS: AnonymousViewer = Object.freeze({ kind: 'ANONYMOUS' });

export function isAuthenticated(viewer: Viewer): viewer is CallerClaims & { authenticated: true } {
  return viewer.kind !== 'ANONYMOUS';
}
