// The app's top-level sections, in navigation order. Keyboard: g then the key jumps there.
export const SECTIONS = [
  { id: 'queue', label: 'Queue', key: 'q' },
  { id: 'followups', label: 'Follow-ups', key: 'f' },
  { id: 'team', label: 'Team', key: 't' },
  { id: 'settings', label: 'Settings', key: 's' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];
