import type { SectionId } from './sections.js';

/** Decorative icons: the tab's text label is what assistive technology reads. */
export function SectionIcon({ section }: { readonly section: SectionId }) {
  const paths: Readonly<Record<SectionId, string>> = {
    queue: 'M4 6h16M4 12h16M4 18h10',
    followups: 'M20 12a8 8 0 1 1-3-6.2M20 4v5h-5',
    team: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3 3-5 6-5s6 2 6 5m2-5c3 0 6 2 6 5',
    settings:
      'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .2-1.5-1.5.2-2-3-1-1 2h-2l-1-2-3 1 .2 2L5.4 7.2 3.4 7l-1 3 2 1v2l-2 1 1 3 2-.2 1.5 1.5-.2 2 3 1 1-2h2l1 2 3-1-.2-2 1.5-1.5 2 .2 1-3-2-1z',
  };
  return (
    <svg className="section-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[section]} />
    </svg>
  );
}
