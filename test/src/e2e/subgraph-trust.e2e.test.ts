import { craftedAssertion, demoViewer, gatewayAssertion } from '@passerelle/shared/testing';
import { endpoints, postGraphQL } from '../support/endpoints';

/**
 * Subgraphs trust only the gateway: a partner who can reach a subgraph directly cannot read or
 * forge identities without the gateway's private key (ARCHITECTURE.md, gateway → subgraph).
 */
const OPERATION = { query: '{ demands(first: 1) { edges { node { nur } } } }' };
const body = JSON.stringify(OPERATION);
const now = () => Math.floor(Date.now() / 1000);

async function direct(assertion?: string, sentBody = body) {
  const response = await fetch(endpoints().demands, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(assertion ? { 'x-passerelle-identity': assertion } : {}) },
    body: sentBody,
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] },
  };
}

describe('a request sent straight to a subgraph', () => {
  it('with a valid gateway assertion is served (the allowed twin)', async () => {
    const result = await direct(await gatewayAssertion({ viewer: demoViewer('mel'), audience: 'demands', body }));
    expect(result.status).toBe(200);
    expect(result.body.data.demands.edges).toHaveLength(1);
  });

  it('without an assertion gets 401', async () => {
    const result = await direct();
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('with an expired assertion gets 401', async () => {
    const result = await direct(
      await craftedAssertion({ audience: 'demands', body, issuedAt: now() - 120, expiresAt: now() - 60 }),
    );
    expect(result.status).toBe(401);
  });

  it('with an assertion for another subgraph gets 401', async () => {
    const result = await direct(await gatewayAssertion({ viewer: demoViewer('mel'), audience: 'offers', body }));
    expect(result.status).toBe(401);
  });

  it('whose body does not match the assertion gets 401', async () => {
    const assertion = await gatewayAssertion({ viewer: demoViewer('mel'), audience: 'demands', body });
    const tampered = JSON.stringify({
      query: '{ demands(first: 100) { edges { node { nur applicant { familyName } } } } }',
    });
    const result = await direct(assertion, tampered);
    expect(result.status).toBe(401);
  });

  it('replaying an assertion already used gets 401', async () => {
    const assertion = await gatewayAssertion({ viewer: demoViewer('mel'), audience: 'demands', body });
    expect((await direct(assertion)).status).toBe(200);
    expect((await direct(assertion)).status).toBe(401);
  });

  it('leaves /health and /ready open', async () => {
    const base = new URL(endpoints().demands);
    expect((await fetch(new URL('/health', base))).status).toBe(200);
    expect((await fetch(new URL('/ready', base))).status).toBe(200);
  });

  it('cannot be made anonymous-but-privileged by sending the caller token instead', async () => {
    const { status } = await postGraphQL(endpoints().demands, OPERATION, { authorization: 'Bearer anything' });
    expect(status).toBe(401);
  });
});
