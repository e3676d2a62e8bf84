// bench: ui.
// The queue in Chromium (browser mode) over the same 1,000,000-response cache as queue.bench
// (connected to an API that does not answer, so demo mode leaves the cache as it is):
// - ui.start.interactive: from starting the host (the app) to the queue showing its first rows
//   with one of them focusable, in an already running browser;
// - ui.scroll.*: scrolling through 10,000 rows at 8 rows a frame (about 15,000 px/s at 60 Hz:
//   faster than a trackpad fling or a fast-spun wheel, which move a few thousand px/s). The
//   figure with the target is the renderer main thread's work per frame (what must fit in
//   16 ms for 60 frames a second), from each frame's start to the first idle moment after
//   it; the interval between animation frames and the share of late frames are reported for
//   information (at 60 Hz the interval is 16.7 ms even when every frame is on time).
// - ui.scroll_stress.*: the next 10,000 rows at twice that speed (16 rows a frame, about
//   30,000 px/s, the scrollbar dragged as fast as it goes), held to the same target.
// `performance` is the global one here: the page's evaluate callbacks must not close over a
// Node import.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startBrowserModeHostOn, type BrowserModeHost } from '../e2e/support/browser-mode.js';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium.js';
import { prepareBenchDatabase } from './support/bench-database.js';
import { installBenchProfile } from './support/bench-profile.js';
import { percentile, report, round } from './support/report.js';

const RESPONSES = 1_000_000;
const SEED = 7;
const START_RUNS = 3;
const SCROLL_ROWS = 10_000;
const ROW_HEIGHT = 32;
const SCROLL_RUNS = [
  { prefix: 'ui.scroll', rowsPerFrame: 8, target: '<= 16' },
  { prefix: 'ui.scroll_stress', rowsPerFrame: 16, target: '<= 16' },
] as const;

const log = (line: string): void => {
  console.log(line);
};

async function waitInteractive(page: Page): Promise<void> {
  await page.locator('.queue-body [role="row"][data-active]:not(.is-loading)').first().waitFor({ timeout: 120_000 });
}

interface ScrollFrames {
  /** Between consecutive animation frames: 16.7 ms at 60 Hz when every frame is on time. */
  readonly intervals: number[];
  /**
   * The main thread's work in each frame: from its first event (the scroll event, dispatched
   * before the animation-frame callbacks) to a task queued at the end of those callbacks,
   * which runs once the frame's style, layout and paint are done. It covers the virtualizer's
   * scroll handling, React's render of the new rows and the browser's rendering.
   */
  readonly work: number[];
}

/** Scrolls the grid on by SCROLL_ROWS rows, `perFrame` each animation frame, timing every frame. */
function scrollThrough(page: Page, perFrame: number): Promise<ScrollFrames> {
  return page.evaluate(
    ({ rows, rowHeight, perFrame }) =>
      new Promise<ScrollFrames>((resolve) => {
        const grid = document.querySelector('.queue-grid');
        if (!(grid instanceof HTMLElement)) throw new Error('no grid');
        const target = grid.scrollTop + rows * rowHeight;
        const intervals: number[] = [];
        const work: number[] = [];
        let last = performance.now();
        // The frame's main-thread work starts with the scroll event of the previous frame's
        // scroll (dispatched before animation-frame callbacks); the rAF timestamp is the vsync
        // time, which can be several ms earlier, idle.
        let frameStart: number | null = null;
        let finished = false;
        grid.addEventListener(
          'scroll',
          () => {
            frameStart ??= performance.now();
          },
          { capture: true, passive: true },
        );
        const afterFrame = new MessageChannel();
        afterFrame.port1.onmessage = () => {
          work.push(performance.now() - (frameStart ?? performance.now()));
          frameStart = null;
          if (finished) resolve({ intervals: intervals.slice(1), work });
        };
        // The position is kept here rather than read back: reading scrollTop right after
        // setting it would force a layout in the middle of the frame, which a wheel does not.
        let position = grid.scrollTop;
        const step = (now: number): void => {
          intervals.push(now - last);
          last = now;
          frameStart ??= performance.now();
          position = Math.min(target, position + perFrame * rowHeight);
          grid.scrollTop = position;
          finished = position >= target;
          afterFrame.port2.postMessage(null);
          if (!finished) requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { rows: SCROLL_ROWS, rowHeight: ROW_HEIGHT, perFrame },
  );
}

async function main(): Promise<void> {
  const bench = prepareBenchDatabase(SEED, RESPONSES, log);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  const starts: number[] = [];
  let host: BrowserModeHost | null = null;
  let page: Page | null = null;
  try {
    for (let run = 0; run < START_RUNS; run += 1) {
      await host?.stop();
      await page?.close();
      const profile = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-bench-ui-'));
      await installBenchProfile(profile, bench.file, bench.key);
      const started = performance.now();
      host = await startBrowserModeHostOn(profile);
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await waitInteractive(page);
      starts.push(performance.now() - started);
    }
    report({ name: 'ui.start.interactive.p50', value: round(percentile(starts, 50)), unit: 'ms', target: '' });
    report({ name: 'ui.start.interactive.max', value: round(Math.max(...starts)), unit: 'ms', target: '' });

    if (page === null) throw new Error('no page');
    await page.waitForTimeout(1000);
    for (const run of SCROLL_RUNS) {
      const { intervals, work } = await scrollThrough(page, run.rowsPerFrame);
      // The figures count only if the rows scrolled to actually arrive (placeholder rows are
      // cheaper to draw than real ones). The active row, left far behind, may stay one.
      await page.waitForFunction(
        (rowHeight) => {
          const grid = document.querySelector('.queue-grid');
          const top = (grid?.scrollTop ?? 0) / rowHeight;
          return [...document.querySelectorAll('.queue-body .is-loading')].every(
            (row) => Math.abs(Number(row.getAttribute('data-index')) - top) > 100,
          );
        },
        ROW_HEIGHT,
        { timeout: 10_000 },
      );
      const reached = await page.evaluate(() => document.querySelector('.queue-grid')?.scrollTop ?? 0);
      log(
        `${run.prefix}: ${run.rowsPerFrame} rows a frame, reached row ` +
          `${Math.round(reached / ROW_HEIGHT).toLocaleString('en')} in ${intervals.length} frames; ` +
          `${work.length} frames timed.`,
      );
      const name = (figure: string): string => `${run.prefix}.${figure}`;
      report({ name: name('frame_work.p50'), value: round(percentile(work, 50)), unit: 'ms', target: '' });
      report({ name: name('frame_work.p95'), value: round(percentile(work, 95)), unit: 'ms', target: run.target });
      report({ name: name('frame_interval.p50'), value: round(percentile(intervals, 50)), unit: 'ms', target: '' });
      report({ name: name('frame_interval.p95'), value: round(percentile(intervals, 95)), unit: 'ms', target: '' });
      const late = intervals.filter((ms) => ms > 1.5 * (1000 / 60)).length / intervals.length;
      report({ name: name('late_frames'), value: round(late * 100, 1), unit: '%', target: '' });
      await page.waitForTimeout(500);
    }
  } finally {
    await browser.close();
    const profile = host?.profileDir;
    await host?.stop();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
