// The IPC contract: every channel the renderer may invoke, by area. The preload's allow-list,
// the handler table and the renderer client are all typed from this one object.
import type { z } from 'zod';
import { APP_CHANNELS } from './channels/app.js';
import { VAULT_CHANNELS } from './channels/vault.js';
import { SESSION_CHANNELS } from './channels/session.js';
import { QUEUE_CHANNELS } from './channels/queue.js';
import { SYNC_CHANNELS } from './channels/sync.js';
import { FOLLOWUP_CHANNELS } from './channels/followups.js';
import { TEAM_CHANNELS } from './channels/team.js';
import { EXPORT_CHANNELS } from './channels/export.js';

export const IPC_CHANNELS = {
  ...APP_CHANNELS,
  ...VAULT_CHANNELS,
  ...SESSION_CHANNELS,
  ...QUEUE_CHANNELS,
  ...SYNC_CHANNELS,
  ...FOLLOWUP_CHANNELS,
  ...TEAM_CHANNELS,
  ...EXPORT_CHANNELS,
} as const;

export type ChannelName = keyof typeof IPC_CHANNELS;
export type ChannelRequest<C extends ChannelName> = z.input<(typeof IPC_CHANNELS)[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.output<(typeof IPC_CHANNELS)[C]['response']>;

export const CHANNEL_NAMES = Object.keys(IPC_CHANNELS) as readonly ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(IPC_CHANNELS, name);
}
