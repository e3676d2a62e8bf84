// Creating, renaming and deleting the user's own views. Built-in views cannot be changed:
// their ids are refused, and a user view may not take a built-in's name.
import { randomBytes } from 'node:crypto';
import type { QueueQuery } from '../../../common/queue/query.js';
import { BUILT_IN_VIEWS, MAX_USER_VIEWS, type SavedView } from '../../../common/queue/views.js';
import type { Db } from '../db/sqlite.js';
import { readUserViews, writeUserViews } from './queue-settings.js';

export class ViewRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ViewRejectedError';
  }
}

export interface SaveViewArgs {
  /** null creates a view. */
  readonly id: string | null;
  readonly name: string;
  readonly query: QueueQuery;
  readonly now: number;
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

export function saveView(db: Db, args: SaveViewArgs): SavedView {
  const name = args.name.trim();
  if (args.id !== null && BUILT_IN_VIEWS.some((v) => v.id === args.id)) {
    throw new ViewRejectedError('Built-in views cannot be changed. Save a copy under another name.');
  }
  const views = readUserViews(db);
  const clash = [...BUILT_IN_VIEWS, ...views].find((v) => v.id !== args.id && sameName(v.name, name));
  if (clash !== undefined) throw new ViewRejectedError(`A view named “${clash.name}” already exists.`);
  const index = views.findIndex((v) => v.id === args.id);
  if (args.id !== null && index < 0) throw new ViewRejectedError('This view no longer exists.');
  if (args.id === null && views.length >= MAX_USER_VIEWS) {
    throw new ViewRejectedError(`You can keep up to ${MAX_USER_VIEWS} views. Delete one first.`);
  }
  const view: SavedView = {
    id: args.id ?? `v-${randomBytes(6).toString('hex')}`,
    name,
    query: args.query,
    builtIn: false,
  };
  const next = index < 0 ? [...views, view] : views.map((v, i) => (i === index ? view : v));
  writeUserViews(db, next, args.now);
  return view;
}

export function deleteView(db: Db, id: string, now: number): boolean {
  const views = readUserViews(db);
  const next = views.filter((v) => v.id !== id);
  if (next.length === views.length) return false;
  writeUserViews(db, next, now);
  return true;
}
