/**
 * Small shared pieces of the risk pages: the band as a tag (its name in text, colour only as
 * support — WCAG 1.4.1), a score as «S 4 × K 4 = 16 (Høy)», the error of a write that is not
 * about one field (a stale version offers the latest, and the form keeps what was typed), and a box
 * that scrolls a wide table without links or buttons in it.
 */
import { Tag, type TagProps } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { BAND_TEXT, type Band, band, type Score } from '../../../../src/domain/risiko/index.ts';
import { isStaleVersion } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { WriteError } from '../../ui/WriteFeedback.tsx';

type AkselColor = NonNullable<TagProps['data-color']>;

const COLOR: Record<Band, AkselColor> = { lav: 'success', middels: 'warning', hoy: 'danger' };

export function BandTag({ value }: { value: Band }) {
  const { locale } = useI18n();
  return (
    <Tag size="small" variant="moderate" data-color={COLOR[value]} data-band={value}>
      {BAND_TEXT[value].label[locale]}
    </Tag>
  );
}

/** «S 4 × K 4 = 16 (Høy)». */
export function useScoreText() {
  const { t, locale } = useI18n();
  return (s: { p: number; c: number }) => t.risiko.score(s.p, s.c, BAND_TEXT[band(s as Score)].label[locale]);
}

export function GeneralError({
  error,
  message,
  onReload,
}: {
  error: unknown;
  message: string | null;
  onReload: () => Promise<unknown>;
}) {
  const t = useI18n().t.risiko;
  if (isStaleVersion(error))
    return <WriteError error={error} onReload={onReload} reloadLabel={t.conflictReload} />;
  return message ? <ErrorAlert error={new Error(message)} /> : null;
}

/**
 * A wide table's box that scrolls sideways on a phone, focusable so the keyboard can scroll it too
 * (WCAG 2.1.1; axe's scrollable-region-focusable) and named by `label`. For a table that may have
 * nothing focusable in it (the exposure register once every exposure has ended).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="rk-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
