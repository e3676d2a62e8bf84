import type { ReactNode } from 'react';

/**
 * The horizontal scroller around a Team table. A narrow window makes a wide table scroll,
 * and a region that scrolls must be reachable from the keyboard (WCAG 2.1.1), so it is a
 * focusable, named region rather than a bare div.
 */
export function ScrollableTable({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
