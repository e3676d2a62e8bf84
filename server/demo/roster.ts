// The demo team. Ids are stable so that a demo database reopened later still matches; the
// tokens are fresh on every start. The manager comes first: it is who the app signs in.
import type { Staff } from '../../common/api/records.js';
import type { DemoLanguage } from './comments/pack.js';

export interface DemoStaffMember extends Staff {
  /** Follow-ups in these languages tend to land with this person. */
  readonly speaks: readonly DemoLanguage[];
  /** Months before "now" that the person left (inactive), if they did. */
  readonly leftMonthsAgo?: number;
}

export const DEMO_MANAGER: DemoStaffMember = {
  id: 'st_demo_maja',
  name: 'Maja Lindqvist',
  email: 'maja.lindqvist@loopdesk.example',
  role: 'manager',
  active: true,
  speaks: ['sv', 'en'],
};

export const DEMO_STAFF: readonly DemoStaffMember[] = [
  DEMO_MANAGER,
  {
    id: 'st_demo_jonas',
    name: 'Jonas Berg',
    email: 'jonas.berg@loopdesk.example',
    role: 'agent',
    active: true,
    speaks: ['sv', 'en'],
  },
  {
    id: 'st_demo_aino',
    name: 'Aino Virtanen',
    email: 'aino.virtanen@loopdesk.example',
    role: 'agent',
    active: true,
    speaks: ['fi', 'sv', 'en'],
  },
  {
    id: 'st_demo_lars',
    name: 'Lars Sørensen',
    email: 'lars.sorensen@loopdesk.example',
    role: 'agent',
    active: true,
    speaks: ['da', 'en'],
  },
  {
    id: 'st_demo_ingrid',
    name: 'Ingrid Håland',
    email: 'ingrid.haland@loopdesk.example',
    role: 'agent',
    active: true,
    speaks: ['nb', 'en'],
  },
  {
    id: 'st_demo_sanne',
    name: 'Sanne de Vries',
    email: 'sanne.devries@loopdesk.example',
    role: 'agent',
    active: true,
    speaks: ['nl', 'en'],
  },
  {
    id: 'st_demo_erik',
    name: 'Erik Holm',
    email: 'erik.holm@loopdesk.example',
    role: 'agent',
    active: false,
    speaks: ['sv', 'nb', 'en'],
    leftMonthsAgo: 14,
  },
];

export function firstName(staff: Staff): string {
  return staff.name.split(' ')[0] ?? staff.name;
}
