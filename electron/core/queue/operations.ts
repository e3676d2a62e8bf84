// The queue's operations for the database worker's registry (db/worker/operations.ts).
// They run on the worker's connection; arguments and results are plain data. `now` comes
// from the caller so that overdue and "today" are decided once per request, on one clock.
import type { QueuePageRequest } from '../../../common/ipc/channels/queue.js';
import type { Facet } from '../../../common/queue/facets.js';
import type { QueueLayout } from '../../../common/queue/columns.js';
import type { QueueQuery } from '../../../common/queue/query.js';
import type { Db } from '../db/sqlite.js';
import { readMe, readQueueContext } from './queue-context.js';
import { readLayout, readUserViews, writeLayout } from './queue-settings.js';
import { readFacet } from './read-facet.js';
import { readQueueDetail } from './read-detail.js';
import { countQueue, locateInQueue, readQueuePage } from './read-page.js';
import { deleteView, saveView, ViewRejectedError, type SaveViewArgs } from './save-view.js';
import { StaleCursorError } from './sql/sort-plan.js';

interface Clock {
  readonly now: number;
}

/**
 * Failures the user can act on cross the worker as values: a thrown error would arrive as a
 * generic database error (only codes and fixed sentences leave the worker).
 */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function outcome<T>(run: () => T, expected: new (...args: never[]) => Error): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof expected) return { ok: false, message: error.message };
    throw error;
  }
}

export const QUEUE_OPERATIONS = {
  queueContext: (db: Db, _args: Clock) => readQueueContext(db),
  queuePage: (db: Db, args: QueuePageRequest & Clock) =>
    outcome(() => readQueuePage(db, args, { me: readMe(db), now: args.now }), StaleCursorError),
  queueCount: (db: Db, args: { readonly query: QueueQuery } & Clock) =>
    countQueue(db, args.query, { me: readMe(db), now: args.now }),
  queueLocate: (db: Db, args: { readonly query: QueueQuery; readonly cursor: string } & Clock) =>
    outcome(() => locateInQueue(db, args.query, args.cursor, { me: readMe(db), now: args.now }), StaleCursorError),
  queueFacet: (db: Db, args: { readonly query: QueueQuery; readonly facet: Facet } & Clock) =>
    readFacet(db, args.query, args.facet, { me: readMe(db), now: args.now }),
  queueDetail: (db: Db, args: { readonly id: string }) => readQueueDetail(db, args.id),
  queueUserViews: (db: Db, _args: Clock) => readUserViews(db),
  queueSaveView: (db: Db, args: SaveViewArgs) => outcome(() => saveView(db, args), ViewRejectedError),
  queueDeleteView: (db: Db, args: { readonly id: string } & Clock) => deleteView(db, args.id, args.now),
  queueLayout: (db: Db, _args: Clock) => readLayout(db),
  queueSaveLayout: (db: Db, args: { readonly layout: QueueLayout } & Clock) => {
    writeLayout(db, args.layout, args.now);
    return null;
  },
} satisfies Readonly<Record<string, (db: Db, args: never) => unknown>>;
