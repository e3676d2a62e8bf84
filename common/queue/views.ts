// Saved views: a named query. Five are built in; users add their own, kept in the local
// cache's settings. Each has a badge count in the sidebar.
import { z } from 'zod';
import { OPEN_STATUSES } from '../domain/followup-status.js';
import { DEFAULT_SORT, filtersWith, QueueQuery } from './query.js';

export const ViewId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes');

export const SavedView = z.strictObject({
  id: ViewId,
  name: z.string().trim().min(1).max(80),
  query: QueueQuery,
  builtIn: z.boolean(),
});
export type SavedView = z.infer<typeof SavedView>;

export const BUILT_IN_VIEWS: readonly SavedView[] = [
  {
    id: 'my-followups',
    name: 'My follow-ups',
    builtIn: true,
    query: {
      filters: filtersWith({ assignee: ['me'], status: [...OPEN_STATUSES] }),
      sort: { column: 'due', direction: 'asc' },
    },
  },
  {
    id: 'unassigned-detractors',
    name: 'Unassigned detractors',
    builtIn: true,
    query: {
      filters: filtersWith({ band: ['negative'], assignee: ['unassigned'], status: [...OPEN_STATUSES] }),
      sort: DEFAULT_SORT,
    },
  },
  {
    id: 'overdue',
    name: 'Overdue',
    builtIn: true,
    query: { filters: filtersWith({ overdue: true }), sort: { column: 'due', direction: 'asc' } },
  },
  {
    id: 'new-comments-today',
    name: 'New comments today',
    builtIn: true,
    query: { filters: filtersWith({ hasComment: true, received: { relative: 'today' } }), sort: DEFAULT_SORT },
  },
  { id: 'all', name: 'All', builtIn: true, query: { filters: filtersWith({}), sort: DEFAULT_SORT } },
];

export const DEFAULT_VIEW_ID = 'all';

export const MAX_USER_VIEWS = 50;
