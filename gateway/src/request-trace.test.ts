import { ErrorCode } from '@passerelle/shared/errors';
import { ANONYMOUS, type Viewer } from '@passerelle/shared/identity';
import { operationNamePlugin, requestTrace } from './request-trace';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The parts of an Express request the trace reads; header names are case-insensitive as in Express. */
function request(options: { headers?: Record<string, string> } = {}) {
  const headers = new Map(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return { header: (name: string) => headers.get(name.toLowerCase()) };
}

const withPurpose = (purpose: string) => request({ headers: { 'X-Passerelle-Purpose': purpose } });

function refusal(purpose: string) {
  try {
    requestTrace(withPurpose(purpose));
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
  return 'accepted';
}

describe('request trace at the gateway', () => {
  describe('operation name, once Apollo Server resolved the operation', () => {
    const viewer = (operationName: string | null = null): Viewer => ({
      sub: 's',
      partner: 'mel',
      kind: 'EPCI',
      territories: [],
      scopes: [],
      authenticated: true,
      trace: { requestId: '00000000-0000-4000-8000-000000000000', operationName, purpose: null },
    });
    async function resolved(start: Viewer, operationName: string | null) {
      const context = { viewer: start };
      const hooks = await operationNamePlugin.requestDidStart!({} as never);
      await hooks!.didResolveOperation!({ contextValue: context, operationName } as never);
      return context.viewer;
    }

    it('is not known from the HTTP request: the plugin sets it', () => {
      expect(requestTrace(request()).operationName).toBeNull();
    });

    it('is the resolved name, cut to 200 characters', async () => {
      const named = await resolved(viewer(), 'DemandesDuQuartier');
      expect(named.kind !== 'ANONYMOUS' && named.trace?.operationName).toBe('DemandesDuQuartier');
      const long = await resolved(viewer(), 'A'.repeat(250));
      expect(long.kind !== 'ANONYMOUS' && long.trace?.operationName).toBe('A'.repeat(200));
      const exact = await resolved(viewer(), 'B'.repeat(200));
      expect(exact.kind !== 'ANONYMOUS' && exact.trace?.operationName).toBe('B'.repeat(200));
    });

    it('stays null for an anonymous operation, and leaves an anonymous caller untraced', async () => {
      const unnamed = await resolved(viewer(), null);
      expect(unnamed.kind !== 'ANONYMOUS' && unnamed.trace?.operationName).toBeNull();
      expect(await resolved(ANONYMOUS, 'Op')).toBe(ANONYMOUS);
    });
  });

  describe('purpose', () => {
    it('is read from the x-passerelle-purpose header, trimmed, accents percent-encoded as UTF-8 and decoded', () => {
      const purpose = 'Instruction de la demande n° 42 — commission d’attribution';
      expect(requestTrace(withPurpose(`  ${encodeURIComponent(purpose)} `)).purpose).toBe(purpose);
      expect(requestTrace(withPurpose('CAL du 3 decembre')).purpose).toBe('CAL du 3 decembre');
    });

    it.each([
      ['raw UTF-8 read as Latin-1 (garbled)', 'prÃ©paration CAL'],
      ['a raw non-ASCII character', 'commission d’attribution'],
      ['a broken percent-encoding', 'pr%C3paration'],
      ['a control character once decoded', 'CAL%0Adu 3'],
    ])('is refused with BAD_USER_INPUT for %s', (_, header) => {
      expect(() => requestTrace(withPurpose(header))).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'x-passerelle-purpose' } }),
      );
    });

    it.each([
      ['absent', request()],
      ['empty', withPurpose('')],
      ['blank', withPurpose('   ')],
    ])('is null when %s', (_, req) => {
      expect(requestTrace(req).purpose).toBeNull();
    });

    it('is accepted up to 200 characters (after trimming)', () => {
      expect(refusal('p'.repeat(200))).toBe('accepted');
      expect(refusal(` ${'p'.repeat(200)} `)).toBe('accepted');
    });

    it.each([
      ['longer than 200 characters', 'p'.repeat(201)],
      ['holding a line feed', 'Instruction\nX-Injected: yes'],
      ['holding a carriage return', 'Instruction\rde la demande'],
      ['holding a tab', 'Instruction\tde la demande'],
      ['holding a NUL', 'Instruction\u0000'],
      ['holding an escape (terminal sequence)', 'Instruction \u001b[31mrouge'],
      ['holding a DEL', 'Instruction\u007f'],
    ])('is refused with BAD_USER_INPUT when %s', (_, purpose) => {
      expect(refusal(purpose)).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'x-passerelle-purpose' });
    });
  });

  it('gives each request a fresh uuid', () => {
    const req = request({ headers: { 'x-passerelle-purpose': 'Instruction' } });
    const first = requestTrace(req);
    const second = requestTrace(req);
    expect(first.requestId).toMatch(UUID);
    expect(second.requestId).toMatch(UUID);
    expect(second.requestId).not.toBe(first.requestId);
    expect(second).toEqual({ ...first, requestId: second.requestId });
    expect(first).toEqual({ requestId: first.requestId, operationName: null, purpose: 'Instruction' });
  });
});
