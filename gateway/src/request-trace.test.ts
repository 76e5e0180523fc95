import { ErrorCode } from '@passerelle/shared/errors';
import { requestTrace } from './request-trace';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The parts of an Express request the trace reads; header names are case-insensitive as in Express. */
function request(options: { headers?: Record<string, string>; body?: unknown; query?: unknown } = {}) {
  const headers = new Map(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    header: (name: string) => headers.get(name.toLowerCase()),
    body: options.body,
    query: options.query,
  };
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
  describe('operation name', () => {
    it('is read from a POST body', () => {
      const trace = requestTrace(
        request({ body: { query: 'query DemandesDuQuartier { x }', operationName: 'DemandesDuQuartier' } }),
      );
      expect(trace.operationName).toBe('DemandesDuQuartier');
    });

    it('is read from a GET query string', () => {
      const trace = requestTrace(request({ query: { query: 'query Offres { x }', operationName: 'Offres' } }));
      expect(trace.operationName).toBe('Offres');
    });

    it.each<[string, { body?: unknown; query?: unknown }]>([
      ['no body and no query string', {}],
      ['a null body', { body: null, query: null }],
      ['no operationName', { body: { query: '{ x }' }, query: {} }],
      ['an empty operationName', { body: { operationName: '' } }],
      ['an empty operationName in the query string', { query: { operationName: '' } }],
      ['a number', { body: { operationName: 42 } }],
      ['an array (?operationName=a&operationName=b)', { query: { operationName: ['a', 'b'] } }],
      ['an object', { body: { operationName: { name: 'x' } } }],
      ['null', { body: { operationName: null } }],
    ])('is null with %s', (_, options) => {
      expect(requestTrace(request(options)).operationName).toBeNull();
    });

    it('is cut to 200 characters', () => {
      expect(requestTrace(request({ body: { operationName: 'A'.repeat(250) } })).operationName).toBe('A'.repeat(200));
      expect(requestTrace(request({ body: { operationName: 'B'.repeat(200) } })).operationName).toBe('B'.repeat(200));
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
    const req = request({ body: { operationName: 'Op' }, headers: { 'x-passerelle-purpose': 'Instruction' } });
    const first = requestTrace(req);
    const second = requestTrace(req);
    expect(first.requestId).toMatch(UUID);
    expect(second.requestId).toMatch(UUID);
    expect(second.requestId).not.toBe(first.requestId);
    expect(second).toEqual({ ...first, requestId: second.requestId });
    expect(first).toEqual({ requestId: first.requestId, operationName: 'Op', purpose: 'Instruction' });
  });
});
