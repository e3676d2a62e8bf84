// The reference server for the sync benchmarks, in a process of its own (as a real server is):
// it serves from a demo database file generated once and cached, and prints one JSON line
// with its address and a staff token. It runs until its stdin closes.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { startReferenceServer } from '../../../server/index.js';

const [fileArg, responsesArg] = process.argv.slice(2);
if (fileArg === undefined || responsesArg === undefined)
  throw new Error('usage: sync-bench-server <db file> <responses>');
const file: string = fileArg;
const responses = Number(responsesArg);
const demo = { responses, seed: 1, now: new Date('2026-06-01T12:00:00Z') };

async function main(): Promise<void> {
  if (!existsSync(file)) {
    const building = `${file}.building`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
    const started = Date.now();
    const generator = await startReferenceServer({ dbFile: building, demo });
    await generator.close();
    renameSync(building, file);
    console.error(
      `generated ${responses.toLocaleString('en')} demo responses in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  }
  const server = await startReferenceServer({ dbFile: file, demo, keepAliveMs: 60_000 });
  const agent = server.staff.find((s) => s.role === 'agent') ?? server.staff[0];
  if (agent === undefined) throw new Error('the demo has no staff');
  const colleague = server.staff.find((s) => s.id !== agent.id) ?? agent;
  process.stdout.write(
    `${JSON.stringify({ url: server.url, token: agent.token, colleagueToken: colleague.token, ingestKey: server.ingestKey })}\n`,
  );
  process.stdin.resume();
  process.stdin.on('end', () => {
    void server.close().then(() => process.exit(0));
  });
}

void main();
