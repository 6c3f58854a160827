/**
 * The one h1 of a page. It sets the document title and, after a navigation inside the app, takes
 * focus so keyboard and screen reader users start at the top of the new page.
 */
import { Heading } from '@navikt/ds-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

let firstPage = true;

export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : '');

  useEffect(() => {
    document.title = text ? t.common.pageTitle(text) : t.common.appName;
  }, [text, t]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);

  return (
    <Heading ref={ref} level="1" size="large" tabIndex={-1} className="page-heading" spacing>
      {children}
    </Heading>
  );
}
