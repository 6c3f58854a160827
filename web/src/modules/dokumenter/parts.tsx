/** Small pieces shared by the leader's and the employee's plan pages. */
import { Alert, BodyShort, Heading, Tag, VStack } from '@navikt/ds-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { dateTime } from '../../ui/format.ts';
import type { Plan } from './api.ts';

export function StatusTag({ status }: { status: Plan['status'] }) {
  const { t } = useI18n();
  const variant = status === 'godkjent' ? 'success' : status === 'til-godkjenning' ? 'warning' : 'neutral';
  return (
    <Tag variant={variant} size="small">
      {t.dokumenter.status[status]}
    </Tag>
  );
}

/** The gentle hint when a text seems to mention health details (never blocks saving). */
export function HealthWarning({ words }: { words: string[] }) {
  const { t } = useI18n();
  if (words.length === 0) return null;
  return (
    <Alert variant="info" size="small" inline>
      {t.dokumenter.healthWarning(words.join(', '))}
    </Alert>
  );
}

export function CommentList({ comments }: { comments: Plan['comments'] }) {
  const { t, locale } = useI18n();
  if (comments.length === 0) return null;
  return (
    <VStack gap="space-8">
      <Heading level="3" size="xsmall">
        {t.dokumenter.comments}
      </Heading>
      <ul className="plan-list">
        {comments.map((c) => (
          <li key={c.id}>
            <BodyShort size="small" textColor="subtle">
              {c.by.name}, {dateTime(c.at, locale)}
            </BodyShort>
            <BodyShort className="plan-text">{c.text}</BodyShort>
          </li>
        ))}
      </ul>
    </VStack>
  );
}
