/**
 * Small pieces of the training pages: a cell's state as a tag (words and an icon, never colour
 * alone), hours as people write them and read back, a course's name (with the free-text title for «Annet»), and the
 * download link of a certificate.
 */
import {
  CheckmarkIcon,
  ClockIcon,
  DownloadIcon,
  ExclamationmarkTriangleIcon,
  XMarkOctagonIcon,
} from '@navikt/aksel-icons';
import { Link, Tag, type TagProps } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Locale } from '../../i18n/types.ts';
import { type CellStateWire, type CourseKind, certificateHref, type TrainingRecord } from './api.ts';

type AkselColor = NonNullable<TagProps['data-color']>;

const STATE_COLOR: Record<CellStateWire, AkselColor> = {
  ok: 'success',
  expiring: 'warning',
  expired: 'danger',
  'missing-required': 'danger',
  'not-required': 'neutral',
};

const STATE_ICON: Record<CellStateWire, ReactNode> = {
  ok: <CheckmarkIcon aria-hidden />,
  expiring: <ClockIcon aria-hidden />,
  expired: <XMarkOctagonIcon aria-hidden />,
  'missing-required': <ExclamationmarkTriangleIcon aria-hidden />,
  'not-required': null,
};

/** A cell's state in words, with an icon; the colour only repeats what the words say. */
export function StateTag({ state }: { state: CellStateWire }) {
  const { t } = useI18n();
  const icon = STATE_ICON[state];
  return (
    <Tag
      variant="moderate"
      size="small"
      data-color={STATE_COLOR[state]}
      {...(icon ? { icon } : {})}
      className="opp-state"
    >
      {t.opplaering.states[state]}
    </Tag>
  );
}

/** `7,5`, `7.5`, `40` → a number; NaN for anything else. */
export function parseHours(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(compact) ? Number(compact) : Number.NaN;
}

/** `7.5` → `7,5` (bokmål) / `7.5` (English). */
export function formatHours(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 }).format(n);
}

/** The course's name; for «Annet» the title that says what it was. */
export function useCourseName(): (course: CourseKind, title: string | null) => string {
  const { t } = useI18n();
  return (course, title) =>
    course === 'annet' && title
      ? title
      : title
        ? `${t.opplaering.courses[course]}: ${title}`
        : t.opplaering.courses[course];
}

/** A certificate's download link, named by its file (the server sends it as an attachment). */
export function CertificateLink({ record }: { record: TrainingRecord }) {
  const { t } = useI18n();
  if (!record.certificate) return <>{t.opplaering.noCertificate}</>;
  return (
    <Link
      href={certificateHref(record.id)}
      download={record.certificate.name}
      aria-label={t.opplaering.download(record.certificate.name)}
      className="opp-download"
    >
      <DownloadIcon aria-hidden />
      <span className="opp-file-name">{record.certificate.name}</span>
    </Link>
  );
}
