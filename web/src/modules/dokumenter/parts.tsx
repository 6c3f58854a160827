/** Small pieces shared by the leader's and the employee's plan pages. */
import { Alert, BodyShort, Button, Heading, Tag, Textarea, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import type { SectionKey } from '../../../../src/domain/dokumenter/oppfolgingsplan.ts';
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

/**
 * A comment on one section of the plan: the employee's on «Min oppfølgingsplan», the leader's or HR's
 * on the plan page (each is told of the other's, `hand-over.ts`). `send` writes it and returns the
 * plan with the comment; an empty text is refused here, a server error is shown at the field.
 */
export function CommentForm({
  section,
  title,
  send,
}: {
  section: SectionKey;
  title: string;
  send: (section: SectionKey, text: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const td = t.dokumenter;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') {
      setError(td.commentEmpty);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await send(section, text);
      setText('');
      setSaved(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : t.errors.unexpected);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <VStack gap="space-8" align="start">
        <Textarea
          id={`comment-${section}`}
          label={td.commentLabel(title)}
          description={td.healthHint}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(false);
          }}
          error={error}
          maxLength={2000}
          minRows={2}
          className="plan-comment"
        />
        <Button type="submit" size="small" variant="secondary" loading={busy}>
          {td.commentSend}
        </Button>
        {saved ? (
          <div role="status">
            <BodyShort size="small">{td.commentSaved}</BodyShort>
          </div>
        ) : null}
      </VStack>
    </form>
  );
}
