// The team's SLA policy (GET / PUT /v1/sla-policy). The server applies it itself whenever it
// opens a follow-up (ingest.ts, mutations.ts), so a manager's policy holds team-wide.
import type { SlaPolicyReply } from '../../common/api/sla-policy.js';
import type { Staff } from '../../common/api/records.js';
import type { SlaPolicy } from '../../common/domain/sla.js';
import type { Store } from '../store/store.js';
import { iso } from './clock.js';

export function readSlaPolicy(store: Store): SlaPolicyReply {
  return store.settings.slaPolicy();
}

/** Replaces the policy (the route has checked that `manager` is one). */
export function setSlaPolicy(store: Store, manager: Staff, policy: SlaPolicy, now: Date): SlaPolicyReply {
  return store.write(() => store.settings.setSlaPolicy(policy, manager.id, iso(now)));
}
