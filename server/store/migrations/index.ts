import { migration001 } from './001-initial.js';
import { migration002 } from './002-export-audit.js';
import { migration003 } from './003-team-settings.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** In order; a migration's version is its position (1-based). Never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003];
