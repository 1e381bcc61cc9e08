import type { ReactNode } from 'react';

/**
 * A table that may be wider than a phone's screen: it scrolls sideways within its own region
 * rather than widening the page. The region is named and can be focused, so someone using a
 * keyboard can scroll it and a screen reader says what it holds.
 */
export function TableRegion(props: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}
