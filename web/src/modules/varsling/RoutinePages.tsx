/**
 * The written routine for internal varsling (aml § 2 A-6): «Varslingsrutine» (`/varsling/rutine`,
 * everyone logged in: read it, confirm reading, download the PDF — § 2 A-6 (5): easily accessible)
 * and the editor (`/varsling/rutine/rediger`, admin/HR: the 21 topics pre-filled from the channel,
 * save the draft, publish with the recorded cooperation step, § 2 A-6 (2); who confirmed reading).
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Heading,
  HStack,
  Link,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ROUTINE_TOPICS } from '../../../../src/domain/varsling/routine.ts';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { WriteError } from '../../ui/WriteFeedback.tsx';
import {
  ROUTINE_PDF_URL,
  useConfirmRead,
  usePublishRoutine,
  useRoutine,
  useRoutineDraft,
  useSaveRoutineDraft,
} from './api.ts';
import { fill } from './parts.tsx';

export function RoutinePage() {
  const { t, locale } = useI18n();
  const v = t.varsling;
  const session = useSession();
  const routine = useRoutine();
  const confirm = useConfirmRead();
  const mayEdit = hasAnyRole(session, 'admin', 'hr');
  const r = routine.data?.routine ?? null;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <PageHeading>{v.routineTitle}</PageHeading>
      <BodyLong>{v.routineIntro}</BodyLong>
      {mayEdit ? (
        <div>
          <Link as={RouterLink} to="/varsling/rutine/rediger">
            {v.routineEdit}
          </Link>
        </div>
      ) : null}
      {routine.isPending ? <Loading /> : null}
      {routine.isError ? <ErrorAlert error={routine.error} onRetry={() => void routine.refetch()} /> : null}
      {routine.data && r === null ? <Alert variant="info">{v.routineNone}</Alert> : null}
      {r ? (
        <>
          <VStack gap="space-4">
            <BodyShort>
              {fill(v.routineVersion, { number: String(r.number), date: formatDate(r.publishedOn) })}
            </BodyShort>
            <BodyShort>
              {fill(v.routineCooperation, { with: r.cooperationWith, date: formatDate(r.cooperationOn) })}
            </BodyShort>
            <div>
              {/* A plain link: the server answers the PDF as an attachment. */}
              <Link href={ROUTINE_PDF_URL} download>
                {v.routinePdf}
              </Link>
            </div>
          </VStack>
          <ol className="varsling-routine">
            {ROUTINE_TOPICS.map((topic) => (
              <li key={topic.key}>
                <Heading level="2" size="small" spacing>
                  {topic.title[locale]}
                </Heading>
                <BodyLong className="varsling-text">{r.answers[topic.key] || v.empty}</BodyLong>
              </li>
            ))}
          </ol>
          <Box padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
            <VStack gap="space-8" align="start">
              {confirm.isError ? <ErrorAlert error={confirm.error} /> : null}
              {r.readOn ? (
                <SuccessMessage>{fill(v.routineConfirmed, { date: formatDate(r.readOn) })}</SuccessMessage>
              ) : (
                <Button type="button" loading={confirm.isPending} onClick={() => confirm.mutate(r.number)}>
                  {v.routineConfirm}
                </Button>
              )}
            </VStack>
          </Box>
        </>
      ) : null}
    </VStack>
  );
}

const PUBLISH_KEYS = ['cooperationWith', 'cooperationOn'] as const;

export function RoutineEditPage() {
  const { t, locale } = useI18n();
  const v = t.varsling;
  const draft = useRoutineDraft();
  const save = useSaveRoutineDraft();
  const publish = usePublishRoutine();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [published, setPublished] = useState(false);
  const [cooperationWith, setCooperationWith] = useState('');
  const [cooperationOn, setCooperationOn] = useState('');
  const answerKeys = ROUTINE_TOPICS.map((topic) => `answers.${topic.key}`);
  const errors = useFormErrors([...answerKeys, ...PUBLISH_KEYS]);
  const loaded = draft.data;
  useEffect(() => {
    if (loaded) setAnswers(loaded.answers);
  }, [loaded]);

  if (draft.isPending) return <Loading />;
  if (draft.isError || !loaded) {
    return <ErrorAlert error={draft.error} onRetry={() => void draft.refetch()} />;
  }

  const submitDraft = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setPublished(false);
    errors.clear();
    save.mutate(
      { version: loaded.version, answers },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => errors.setApiError(error),
      },
    );
  };

  const submitPublish = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setPublished(false);
    const fields: Record<string, string> = {};
    if (cooperationWith.trim() === '') fields.cooperationWith = v.textRequired;
    if (cooperationOn === '' || cooperationOn === INVALID_DATE) fields.cooperationOn = v.cooperationOn;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(PUBLISH_KEYS, fields);
      return;
    }
    errors.clear();
    publish.mutate(
      { version: loaded.version, cooperationWith, cooperationOn },
      {
        onSuccess: () => {
          setPublished(true);
          setCooperationWith('');
          setCooperationOn('');
        },
        onError: (error) => errors.setApiError(error),
      },
    );
  };

  const unsaved = ROUTINE_TOPICS.some(
    (topic) => (answers[topic.key] ?? '') !== (loaded.answers[topic.key] ?? ''),
  );
  const writeError = save.error ?? publish.error;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <Link as={RouterLink} to="/varsling/rutine">
          {v.routineBack}
        </Link>
      </div>
      <PageHeading>{v.routineEditTitle}</PageHeading>
      <BodyLong>{v.routineEditIntro}</BodyLong>
      {loaded.published ? (
        <BodyShort>
          {fill(v.routineVersion, {
            number: String(loaded.published.number),
            date: formatDate(loaded.published.publishedOn),
          })}
        </BodyShort>
      ) : null}
      <FormErrorSummary
        errors={errors.fields}
        order={[...answerKeys, ...PUBLISH_KEYS]}
        attempt={errors.attempt}
      />
      {writeError && errors.general ? (
        <WriteError error={writeError} onReload={() => draft.refetch()} reloadLabel={v.reload} />
      ) : null}
      {saved ? <SuccessMessage>{v.routineSaved}</SuccessMessage> : null}
      {published ? <SuccessMessage>{v.routinePublished}</SuccessMessage> : null}
      <form onSubmit={submitDraft} noValidate aria-labelledby="utkast">
        <VStack gap="space-16">
          <Heading level="2" size="medium" id="utkast">
            {fill(v.routineDraftOf, { number: String(loaded.number) })}
          </Heading>
          <BodyShort>
            {loaded.saved && loaded.updatedOn
              ? fill(v.routineSavedOn, { date: formatDate(loaded.updatedOn) })
              : v.routineNotSaved}
          </BodyShort>
          {ROUTINE_TOPICS.map((topic, i) => {
            const key = `answers.${topic.key}`;
            return (
              <VStack key={topic.key} gap="space-4">
                <HStack gap="space-8" align="center">
                  <Tag variant={topic.rule === 'lovkrav' ? 'warning' : 'neutral'} size="xsmall">
                    {topic.rule === 'lovkrav' ? v.routineLovkrav : v.routineAnbefalt}
                  </Tag>
                  <BodyShort size="small">{topic.basis}</BodyShort>
                </HStack>
                <Textarea
                  id={fieldId(key)}
                  label={`${i + 1}. ${topic.title[locale]}`}
                  value={answers[topic.key] ?? ''}
                  onChange={(e) => {
                    const value = e.target.value;
                    setAnswers((current) => ({ ...current, [topic.key]: value }));
                    errors.clearField(key);
                  }}
                  error={errors.fields[key]}
                  maxLength={5000}
                  minRows={3}
                />
              </VStack>
            );
          })}
          <div>
            <Button type="submit" loading={save.isPending}>
              {v.routineSave}
            </Button>
          </div>
        </VStack>
      </form>
      <form onSubmit={submitPublish} noValidate aria-labelledby="publiser">
        <Box padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
          <VStack gap="space-12" align="start">
            <Heading level="2" size="small" id="publiser">
              {v.routinePublishHeading}
            </Heading>
            <BodyShort>{v.routinePublishHelp}</BodyShort>
            {!loaded.saved || unsaved ? (
              <Alert variant="info" size="small">
                {v.routineSaveFirst}
              </Alert>
            ) : null}
            <TextField
              id={fieldId('cooperationWith')}
              label={v.cooperationWith}
              value={cooperationWith}
              onChange={(e) => setCooperationWith(e.target.value)}
              error={errors.fields.cooperationWith}
              maxLength={500}
            />
            <DateField
              id={fieldId('cooperationOn')}
              label={v.cooperationOn}
              value={cooperationOn}
              onChange={setCooperationOn}
              error={errors.fields.cooperationOn}
            />
            <Button
              type="submit"
              variant="secondary"
              loading={publish.isPending}
              disabled={!loaded.saved || unsaved}
            >
              {v.routinePublish}
            </Button>
          </VStack>
        </Box>
      </form>
      {loaded.published ? (
        <section aria-labelledby="lesebekreftelser">
          <Heading level="2" size="small" id="lesebekreftelser" spacing>
            {v.routineReads}
          </Heading>
          <BodyShort spacing>
            {fill(v.routineReadsCount, {
              read: String(loaded.reads.read.length),
              members: String(loaded.reads.members),
              number: String(loaded.published.number),
            })}
          </BodyShort>
          <ul className="varsling-list">
            {loaded.reads.read.map((r) => (
              <li key={r.name}>
                <BodyShort size="small">
                  {fill(v.routineReadBy, { name: r.name, date: formatDate(r.readOn) })}
                </BodyShort>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </VStack>
  );
}
