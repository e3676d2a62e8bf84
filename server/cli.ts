// The reference server's command line (bundled to dist/node/server.cjs; `npm run server`).
//
//   server [--demo] [--responses N] [--seed S] [--now ISO] [--port P] [--host H] [--db FILE] [--log] [--json]
//   server admin create-staff --db FILE --name NAME --email EMAIL [--role agent|manager]
//   server admin issue-token --db FILE --staff ID
//   server admin create-ingest-key --db FILE [--label LABEL]
//   server admin list-staff --db FILE
//   server openapi [--out FILE]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { STAFF_ROLES, type StaffRole } from '../common/api/records.js';
import { startReferenceServer, type ReferenceServer } from './reference-server.js';
import { Store } from './store/store.js';
import { createIngestKey, createStaff, issueToken } from './services/staff.js';
import { openApiYaml } from './openapi/document.js';

const USAGE = `Loopdesk reference server (ingestion API v1)

  npm run server -- [--demo] [--responses N] [--seed S] [--now ISO] [--port P] [--host H] [--db FILE] [--log] [--json]
      Serve the API. --demo fills an empty database with demo data (default 20000 responses) and
      prints a token for each demo staff member. Without --demo, an empty database gets one
      manager ("Administrator") whose token is printed once.
  npm run server -- admin create-staff --db FILE --name NAME --email EMAIL [--role agent|manager]
  npm run server -- admin issue-token --db FILE --staff ID
  npm run server -- admin create-ingest-key --db FILE [--label LABEL]
  npm run server -- admin list-staff --db FILE
  npm run server -- openapi [--out FILE]
`;

class UsageError extends Error {}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number`);
  return n;
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function role(value: string | undefined): StaffRole {
  const r = value ?? 'agent';
  if (!(STAFF_ROLES as readonly string[]).includes(r)) throw new UsageError('--role must be agent or manager');
  return r as StaffRole;
}

function printBanner(server: ReferenceServer, json: boolean): void {
  if (json) {
    console.log(
      JSON.stringify({ url: server.url, staff: server.staff, ingestKey: server.ingestKey, demo: server.demoStats }),
    );
    return;
  }
  console.log(`Loopdesk reference server listening on ${server.url}`);
  const d = server.demoStats;
  if (d) {
    console.log(
      `Demo data: ${d.responses} responses (${d.comments} with comments), ${d.declines} declines, ` +
        `${d.respondents} respondents, ${d.followups} follow-ups — generated in ${(d.ms / 1000).toFixed(1)} s`,
    );
  }
  if (server.staff.length > 0) {
    console.log('\nStaff tokens (send "Authorization: Bearer <token>"):');
    for (const s of server.staff)
      console.log(`  ${s.role.padEnd(8)} ${s.name.padEnd(18)} ${s.id.padEnd(16)} ${s.token}`);
  }
  if (server.ingestKey) console.log(`\nIngestion key (POST /v1/responses, /v1/declines): ${server.ingestKey}`);
  console.log('\nCtrl-C stops the server.');
}

async function serve(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      demo: { type: 'boolean', default: false },
      responses: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      log: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const now = values.now === undefined ? undefined : new Date(values.now);
  if (now !== undefined && Number.isNaN(now.getTime())) throw new UsageError('--now must be an ISO date');
  const server = await startReferenceServer({
    host: values.host ?? '127.0.0.1',
    port: integer(values.port, 'port', 0),
    dbFile: values.db ?? null,
    logger: values.log,
    bootstrapManager: !values.demo,
    ...(values.demo
      ? {
          demo: {
            responses: integer(values.responses, 'responses', 20_000),
            seed: integer(values.seed, 'seed', 1),
            ...(now ? { now } : {}),
          },
        }
      : {}),
  });
  printBanner(server, values.json);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function admin(args: readonly string[]): void {
  const [command, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      db: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      staff: { type: 'string' },
      label: { type: 'string' },
    },
  });
  if (!['create-staff', 'issue-token', 'create-ingest-key', 'list-staff'].includes(command ?? '')) {
    throw new UsageError(`unknown admin command ${command ?? ''}`);
  }
  const store = Store.open(required(values.db, 'db'));
  const now = new Date();
  try {
    switch (command ?? '') {
      case 'create-staff': {
        const { staff, token } = createStaff(
          store,
          { name: required(values.name, 'name'), email: required(values.email, 'email'), role: role(values.role) },
          now,
        );
        console.log(`${staff.role} ${staff.name} (${staff.id})\ntoken: ${token}`);
        return;
      }
      case 'issue-token': {
        const id = required(values.staff, 'staff');
        if (store.staff.get(id) === null) throw new UsageError(`no staff member ${id}`);
        console.log(store.write(() => issueToken(store, id, now)));
        return;
      }
      case 'create-ingest-key':
        console.log(store.write(() => createIngestKey(store, values.label ?? 'survey', now)));
        return;
      case 'list-staff':
        for (const s of store.staff.all())
          console.log(`${s.id}\t${s.role}\t${s.active ? 'active' : 'inactive'}\t${s.name}\t${s.email}`);
        return;
      default:
        throw new UsageError(`unknown admin command ${command ?? ''}`);
    }
  } finally {
    store.close();
  }
}

function openapi(args: readonly string[]): void {
  const { values } = parseArgs({ args: [...args], options: { out: { type: 'string' } } });
  if (values.out === undefined) process.stdout.write(openApiYaml());
  else writeFileSync(values.out, openApiYaml());
}

async function main(argv: readonly string[]): Promise<void> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    console.log(USAGE);
    return;
  }
  if (first === 'admin') {
    admin(rest);
    return;
  }
  if (first === 'openapi') {
    openapi(rest);
    return;
  }
  await serve(first === 'serve' ? rest : argv);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
