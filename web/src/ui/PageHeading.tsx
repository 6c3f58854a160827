/**
 * The one h1 of a page. It sets the document title and, after a navigation inside the app, takes
 * focus so keyboard and screen reader users start at the top of the new page. On the page the
 * browser loaded first, focus stays where the browser put it (so the skip link comes first).
 */
import { Heading } from '@navikt/ds-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';

/** The history entry the app was loaded on; every other entry was reached by navigating. */
let firstLocationKey: string | null = null;

export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  if (firstLocationKey === null) firstLocationKey = key;
  const text = title ?? (typeof children === 'string' ? children : '');

  useEffect(() => {
    document.title = text ? t.common.pageTitle(text) : t.common.appName;
  }, [text, t]);

  // Only when the page appears: later changes of the same page (search, paging) keep the user's focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: deliberately on mount only
  useEffect(() => {
    if (key !== firstLocationKey) ref.current?.focus({ preventScroll: false });
  }, []);

  return (
    <Heading ref={ref} level="1" size="large" tabIndex={-1} className="page-heading" spacing>
      {children}
    </Heading>
  );
}
