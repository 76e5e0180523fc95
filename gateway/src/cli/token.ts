import { parseArgs } from 'node:util';
import { demoPartners, findDemoPartner } from '@passerelle/shared/demo';
import { signDevCallerToken } from '@passerelle/shared/identity';

const USAGE = `Usage:
  npm run -s token -- --partner <slug> [--scope <scope>]... [--ttl 12h]
  npm run -s token -- --list

Prints a development token (a bare JWT) for a demo partner, signed with the committed
development key. Send it as "Authorization: Bearer <token>".`;

/** `npm run -s token`: development tokens for the demo partners. */
async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      partner: { type: 'string' },
      scope: { type: 'string', multiple: true, default: [] },
      ttl: { type: 'string', default: '12h' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (values.list) {
    for (const partner of demoPartners) console.log(`${partner.slug} ${partner.kind} ${partner.name}`);
    return;
  }
  if (!values.partner) throw new UsageError('--partner <slug> is required (see --list).');
  const partner = findDemoPartner(values.partner);
  if (!partner) {
    throw new UsageError(`Unknown partner "${values.partner}". Known: ${demoPartners.map((p) => p.slug).join(', ')}.`);
  }
  if (!/^\d+[smhd]$/.test(values.ttl)) {
    throw new UsageError(`--ttl must look like 30m, 12h or 7d (got "${values.ttl}").`);
  }
  const token = await signDevCallerToken(
    {
      sub: `${partner.slug}:demo-user`,
      partner: partner.slug,
      kind: partner.kind,
      territories: partner.territories,
      scopes: [...new Set([...partner.scopes, ...values.scope])],
    },
    values.ttl,
  );
  console.log(token);
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`\n${USAGE}`);
  }
  process.exit(2);
});
