/**
 * A box that scrolls a wide table sideways on a phone. It is focusable so the keyboard can scroll
 * it too (WCAG 2.1.1; axe's scrollable-region-focusable), and named by `label`.
 */
import type { ReactNode } from 'react';

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="avvik-table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
