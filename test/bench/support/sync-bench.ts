// Shared by the sync benchmarks: the reference server in a child process over a cached demo
// database, an engine over the real database worker, and a sampler of the main thread's
// responsiveness.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { bundleForNode } from '../../support/bundle-for-node.js';

const CACHE_DIR = path.resolve('.tmp/bench-sync');

export interface BenchServer {
  readonly url: string;
  readonly token: string;
  /** Another member of the demo team, whose changes the client should see. */
  readonly colleagueToken: string;
  readonly ingestKey: string;
  readonly dbFile: string;
  stop(): Promise<void>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The demo data depend on the server's generator and schema: a change there regenerates. */
function serverFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of [
    ...filesUnder('server/demo'),
    ...filesUnder('server/store'),
    ...filesUnder('server/services'),
  ].sort()) {
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

export async function startBenchServer(responses: number, log: (line: string) => void): Promise<BenchServer> {
  const built = await bundleForNode(
    { 'sync-bench-server': path.resolve('test/bench/support/sync-bench-server.ts') },
    CACHE_DIR,
  );
  const dbFile = path.join(CACHE_DIR, `demo-n${responses}-${serverFingerprint()}.sqlite`);
  const child: ChildProcess = spawn(process.execPath, [built['sync-bench-server'] ?? '', dbFile, String(responses)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (text !== '' && !text.includes('FastifyWarning') && !text.includes('trace-warnings')) log(`  [server] ${text}`);
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve(out.slice(0, newline));
    });
    child.once('exit', (code) => {
      reject(new Error(`the bench server exited with ${String(code)}`));
    });
  });
  const { url, token, colleagueToken, ingestKey } = JSON.parse(line) as Omit<BenchServer, 'dbFile' | 'stop'>;
  return {
    url,
    token,
    colleagueToken,
    ingestKey,
    dbFile,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          resolve();
        });
        child.stdin?.end();
      }),
  };
}

/**
 * How long a renderer's message would wait for the main thread: one trivial request every
 * intervalMs, each measured from when it was due, so time spent blocked counts.
 */
export function sampleRoundTrips(send: () => Promise<unknown>, intervalMs = 10): { stop(): Promise<number[]> } {
  const samples: number[] = [];
  const state = { running: true };
  let due = performance.now();
  const loop = (async () => {
    while (state.running) {
      due += intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else due = performance.now();
      const sentAt = due;
      await send();
      samples.push(performance.now() - sentAt);
    }
  })();
  return {
    stop: async () => {
      state.running = false;
      await loop;
      return samples;
    },
  };
}

/** Peak resident memory of this process (main thread and workers), sampled. */
export function samplePeakRss(intervalMs = 50): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}
