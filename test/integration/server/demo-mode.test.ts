// Demo mode as the app embeds it, and the CLI as `npm run server` runs it.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { MeReply } from '../../../common/api/staff.js';
import { startReferenceServer } from '../../../server/index.js';
import { call, NOW, surveyResponse, tempDir } from './server-harness.js';

const dir = tempDir();
afterAll(() => {
  dir.remove();
});

describe('startReferenceServer({ demo })', () => {
  it('serves the demo team with fresh tokens (a manager first) and an ingestion key', async () => {
    const server = await startReferenceServer({ demo: { responses: 500, seed: 2, now: NOW }, checkReplies: true });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.staff[0]).toMatchObject({ role: 'manager', name: 'Maja Lindqvist' });
      expect(server.staff.length).toBeGreaterThanOrEqual(5);
      expect(new Set(server.staff.map((s) => s.token)).size).toBe(server.staff.length);
      for (const member of server.staff) {
        const me = MeReply.parse((await call(server.url, 'GET', '/v1/me', { token: member.token })).json);
        expect(me.id).toBe(member.id);
      }
      expect(server.demoStats).toMatchObject({ responses: 500 });
      const posted = await call(server.url, 'POST', '/v1/responses', {
        token: server.ingestKey,
        body: surveyResponse(),
      });
      expect(posted.status).toBe(201);
    } finally {
      await server.close();
    }
  });

  it('reuses an existing demo database instead of generating again', async () => {
    const file = dir.file('demo.db');
    const first = await startReferenceServer({ dbFile: file, demo: { responses: 300, now: NOW } });
    const oldToken = first.staff[1]?.token ?? '';
    await first.close();
    const second = await startReferenceServer({ dbFile: file, demo: { responses: 300, now: NOW } });
    try {
      expect(second.demoStats).toBeNull();
      expect(second.staff[1]?.token).not.toBe(oldToken);
      expect((await call(second.url, 'GET', '/v1/me', { token: oldToken })).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('npm run server', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/run-server.mjs', ...args], { encoding: 'utf8' });

  it('creates staff and ingestion keys with the admin command', () => {
    const db = dir.file('admin.db');
    const created = cli(
      'admin',
      'create-staff',
      '--db',
      db,
      '--name',
      'Ola Nordmann',
      '--email',
      'ola@team.example',
      '--role',
      'manager',
    );
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/^manager Ola Nordmann \(st_[\w-]+\)\ntoken: ldk_[\w-]{43}\n$/);
    expect(cli('admin', 'create-ingest-key', '--db', db).stdout).toMatch(/^ldi_[\w-]{43}\n$/);
    expect(cli('admin', 'list-staff', '--db', db).stdout).toContain('Ola Nordmann');
    const bad = cli('admin', 'create-staff', '--db', db, '--name', 'X');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--email is required');
  });

  it('starts in demo mode and prints the URL and a token for each demo staff member', async () => {
    const child = spawn(
      process.execPath,
      ['scripts/run-server.mjs', '--demo', '--responses', '200', '--port', '0', '--json'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => {
          reject(new Error(`exited ${String(code)}`));
        });
      });
      const banner = JSON.parse(line) as { url: string; staff: { role: string; token: string }[] };
      expect(banner.staff.some((s) => s.role === 'manager')).toBe(true);
      const me = await call(banner.url, 'GET', '/v1/me', { token: banner.staff[0]?.token ?? '' });
      expect(me.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
