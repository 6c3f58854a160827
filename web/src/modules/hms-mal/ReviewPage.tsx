/**
 * One annual review (`/internkontroll/gjennomgang/:id`). A draft, for admin/HR: the meeting (date,
 * who took part, whether the verneombud, AMU and BHT did — IK-f § 5 no. 3), then one text per
 * section with what to look at and the paragraph, the BHT question (aml § 3-3) with a hint to update
 * the company profile; «Lagre utkast» saves with the version read, «Fullfør og lag PDF» checks that
 * every part is answered, confirms, saves and completes — the server stores a dated PDF and the
 * review becomes read-only; «Forkast utkastet» deletes the draft after a confirmation. Everyone else,
 * and every completed review: read-only, with the PDF.
 */
import { FilePdfIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  HStack,
  Link,
  Modal,
  Radio,
  RadioGroup,
  Tag,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import {
  BHT_ANSWERS,
  type BhtAnswer,
  REVIEW_SECTION_KEYS,
  REVIEW_SECTIONS,
  type ReviewSectionKey,
  reviewCompletionProblems,
} from '../../../../src/domain/hms-mal/index.ts';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { WriteError } from '../../ui/WriteFeedback.tsx';
import { type Review, type ReviewUpdateBody, reviewPdfUrl, useReview, useReviewWrites } from './api.ts';
import { osloDate } from './parts.tsx';
import './hms-mal.css';

/** The fields in the order of the form (the error summary follows it). */
const KEYS = [
  'heldOn',
  'participants',
  ...REVIEW_SECTION_KEYS.flatMap((k) => (k === 'bht' ? ['bhtNeeded', 'sections.bht'] : [`sections.${k}`])),
] as const;

const TOOK_PART = ['vo', 'amu', 'bht'] as const;
type TookPart = (typeof TOOK_PART)[number];

type FormState = {
  heldOn: string;
  participants: string;
  tookPart: TookPart[];
  bhtNeeded: BhtAnswer | '';
  sections: Record<ReviewSectionKey, string>;
};

function initialState(r: Review): FormState {
  return {
    heldOn: r.heldOn ?? '',
    participants: r.participants,
    tookPart: TOOK_PART.filter((k) =>
      k === 'vo' ? r.voTookPart : k === 'amu' ? r.amuTookPart : r.bhtTookPart,
    ),
    bhtNeeded: r.bhtNeeded ?? '',
    sections: { ...r.sections },
  };
}

function toBody(form: FormState, version: number): ReviewUpdateBody {
  return {
    version,
    heldOn: form.heldOn === '' || form.heldOn === INVALID_DATE ? null : form.heldOn,
    participants: form.participants.trim(),
    voTookPart: form.tookPart.includes('vo'),
    amuTookPart: form.tookPart.includes('amu'),
    bhtTookPart: form.tookPart.includes('bht'),
    bhtNeeded: form.bhtNeeded === '' ? null : form.bhtNeeded,
    sections: Object.fromEntries(REVIEW_SECTION_KEYS.map((k) => [k, form.sections[k].trim()])) as Record<
      ReviewSectionKey,
      string
    >,
  };
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const th = useI18n().t.hmsMal;
  const review = useReview(id);
  const [generation, setGeneration] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const data = review.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <div>
          <Link as={RouterLink} to="/internkontroll/gjennomgang">
            {th.backToReviews}
          </Link>
        </div>
        <PageHeading title={data ? th.reviewTitle(data.yearReviewed) : th.reviewsTitle}>
          {data ? th.reviewTitle(data.yearReviewed) : th.reviewsTitle}
        </PageHeading>
      </VStack>
      <SuccessMessage>{message}</SuccessMessage>
      {review.isPending ? <Loading /> : null}
      {review.isError ? <ErrorAlert error={review.error} onRetry={() => void review.refetch()} /> : null}
      {data?.canEdit ? (
        <ReviewForm
          key={`${data.id}-${generation}`}
          review={data}
          onMessage={setMessage}
          onReload={async () => {
            await review.refetch();
            setGeneration((g) => g + 1);
          }}
        />
      ) : null}
      {data && !data.canEdit ? <ReviewView review={data} justCompleted={message === th.completed} /> : null}
    </VStack>
  );
}

function ReviewForm({
  review,
  onMessage,
  onReload,
}: {
  review: Review;
  onMessage: (message: string | null) => void;
  onReload: () => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const th = t.hmsMal;
  const session = useSession();
  const writes = useReviewWrites();
  const errors = useFormErrors(KEYS);
  const [form, setForm] = useState<FormState>(() => initialState(review));
  const [confirming, setConfirming] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const navigate = useNavigate();
  const pending = writes.save.isPending || writes.complete.isPending || writes.discard.isPending;

  const setSection = (key: ReviewSectionKey, value: string) => {
    setForm((f) => ({ ...f, sections: { ...f.sections, [key]: value } }));
    errors.clearField(`sections.${key}`);
  };

  const dateProblem = (): FieldErrors => (form.heldOn === INVALID_DATE ? { heldOn: th.dateInvalid } : {});

  const saveDraft = (event: FormEvent) => {
    event.preventDefault();
    onMessage(null);
    const fields = dateProblem();
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    writes.save.mutate(
      { id: review.id, ...toBody(form, review.version) },
      {
        onSuccess: () => onMessage(th.draftSaved),
        onError: (error) => errors.setApiError(error),
      },
    );
  };

  /** What the server will ask for, checked first with the same rule (src/domain/hms-mal). */
  const askComplete = () => {
    onMessage(null);
    const body = toBody(form, review.version);
    const fields: FieldErrors = dateProblem();
    for (const p of reviewCompletionProblems(body, review.yearReviewed, todayIso())) {
      fields[p.path] ??= p.message[locale];
    }
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    writes.complete.reset();
    setConfirming(true);
  };

  const complete = () => {
    // A promise, not `mutate`'s callbacks: the completed review replaces this form (it unmounts)
    // before such callbacks would run.
    writes.complete
      .mutateAsync({ id: review.id, ...toBody(form, review.version) })
      .then(() => onMessage(th.completed))
      .catch((error: unknown) => {
        setConfirming(false);
        errors.setApiError(error);
      });
  };

  /** Throws the draft away (IK-f § 5 no. 8 asks for the completed review; a draft is only work in progress). */
  const discard = () => {
    writes.discard.mutate(review.id, {
      onSuccess: () =>
        navigate('/internkontroll/gjennomgang', { state: { flash: th.discarded(review.yearReviewed) } }),
    });
  };

  const apiError = errors.apiError;
  const noParticipation = !form.tookPart.includes('vo') && !form.tookPart.includes('amu');
  return (
    <form onSubmit={saveDraft} noValidate>
      <VStack gap="space-32" className="hm-measure">
        <BodyLong>{th.draftIntro}</BodyLong>
        {apiError ? (
          <WriteError error={apiError} onReload={onReload} reloadLabel={th.conflictReload} />
        ) : errors.general ? (
          <ErrorAlert error={new Error(errors.general)} />
        ) : null}
        <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />

        <VStack as="section" gap="space-20" aria-labelledby="hm-meeting-heading">
          <Heading level="2" size="medium" id="hm-meeting-heading">
            {th.meetingHeading}
          </Heading>
          <DateField
            id={fieldId('heldOn')}
            label={th.heldOnLabel}
            value={form.heldOn}
            onChange={(v) => {
              setForm((f) => ({ ...f, heldOn: v }));
              errors.clearField('heldOn');
            }}
            error={errors.fields.heldOn}
          />
          <Textarea
            id={fieldId('participants')}
            label={th.participantsLabel}
            description={th.participantsDescription}
            value={form.participants}
            maxLength={1000}
            minRows={2}
            onChange={(e) => {
              setForm((f) => ({ ...f, participants: e.target.value }));
              errors.clearField('participants');
            }}
            error={errors.fields.participants}
          />
          <CheckboxGroup
            legend={th.tookPartLabel}
            description={th.tookPartDescription}
            value={form.tookPart}
            onChange={(v: TookPart[]) => setForm((f) => ({ ...f, tookPart: v }))}
          >
            {TOOK_PART.map((k) => (
              <Checkbox key={k} value={k}>
                {th.tookPart[k]}
              </Checkbox>
            ))}
          </CheckboxGroup>
          {noParticipation ? (
            <Alert variant="warning" size="small" inline>
              {th.noParticipationWarning}
            </Alert>
          ) : null}
        </VStack>

        <VStack as="section" gap="space-24" aria-labelledby="hm-sections-heading">
          <Heading level="2" size="medium" id="hm-sections-heading">
            {th.sectionsHeading}
          </Heading>
          {REVIEW_SECTIONS.map((section) => {
            const title = section.title[locale];
            const help = `${section.help[locale]} ${th.legalBasis(section.legalBasis)}`;
            if (section.key !== 'bht') {
              return (
                <Textarea
                  key={section.key}
                  id={fieldId(`sections.${section.key}`)}
                  label={title}
                  description={help}
                  value={form.sections[section.key]}
                  maxLength={4000}
                  minRows={3}
                  onChange={(e) => setSection(section.key, e.target.value)}
                  error={errors.fields[`sections.${section.key}`]}
                />
              );
            }
            return (
              <VStack key={section.key} gap="space-12">
                <RadioGroup
                  id={fieldId('bhtNeeded')}
                  legend={title}
                  description={help}
                  value={form.bhtNeeded}
                  onChange={(v: BhtAnswer) => {
                    setForm((f) => ({ ...f, bhtNeeded: v }));
                    errors.clearField('bhtNeeded');
                  }}
                  error={errors.fields.bhtNeeded}
                >
                  {BHT_ANSWERS.map((a) => (
                    <Radio key={a} value={a}>
                      {th.bhtAnswers[a]}
                    </Radio>
                  ))}
                </RadioGroup>
                <Textarea
                  id={fieldId('sections.bht')}
                  label={th.bhtReason}
                  value={form.sections.bht}
                  maxLength={4000}
                  minRows={2}
                  onChange={(e) => setSection('bht', e.target.value)}
                  error={errors.fields['sections.bht']}
                />
                <Alert variant="info" size="small">
                  <VStack gap="space-8" align="start">
                    <BodyShort size="small">{th.bhtProfileHint}</BodyShort>
                    {hasAnyRole(session, 'admin', 'hr') ? (
                      <Link as={RouterLink} to="/internkontroll/profil">
                        {th.bhtProfileLink}
                      </Link>
                    ) : null}
                  </VStack>
                </Alert>
              </VStack>
            );
          })}
        </VStack>

        <HStack gap="space-12" wrap>
          <Button
            type="submit"
            variant="secondary"
            loading={writes.save.isPending}
            disabled={writes.complete.isPending}
          >
            {th.saveDraft}
          </Button>
          <Button type="button" onClick={askComplete} disabled={pending}>
            {th.complete}
          </Button>
          <Button
            type="button"
            variant="tertiary"
            disabled={pending}
            onClick={() => {
              onMessage(null);
              writes.discard.reset();
              setDiscarding(true);
            }}
          >
            {th.discard}
          </Button>
        </HStack>
      </VStack>
      {confirming ? (
        <Modal
          open
          onClose={() => setConfirming(false)}
          header={{ heading: th.completeHeading }}
          width="small"
        >
          <Modal.Body>
            <BodyLong>{th.completeBody}</BodyLong>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" onClick={complete} loading={writes.complete.isPending}>
              {th.completeConfirm}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t.common.cancel}
            </Button>
          </Modal.Footer>
        </Modal>
      ) : null}
      {discarding ? (
        <Modal
          open
          onClose={() => setDiscarding(false)}
          header={{ heading: th.discardHeading }}
          width="small"
        >
          <Modal.Body>
            <VStack gap="space-12">
              <BodyLong>{th.discardBody(review.yearReviewed)}</BodyLong>
              {writes.discard.isError ? <ErrorAlert error={writes.discard.error} /> : null}
            </VStack>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" variant="danger" onClick={discard} loading={writes.discard.isPending}>
              {th.discardConfirm}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setDiscarding(false)}>
              {t.common.cancel}
            </Button>
          </Modal.Footer>
        </Modal>
      ) : null}
    </form>
  );
}

function ReviewView({ review, justCompleted }: { review: Review; justCompleted: boolean }) {
  const { locale, t } = useI18n();
  const th = t.hmsMal;
  const download = useRef<HTMLAnchorElement>(null);
  // Just completed: the button that did it is gone, so focus goes to what comes next — the PDF.
  useEffect(() => {
    if (justCompleted) download.current?.focus();
  }, [justCompleted]);
  const yes = (b: boolean) => (b ? th.yes : th.no);
  const completed = review.status === 'fullfort';
  return (
    <VStack gap="space-24" className="hm-measure" data-review-status={review.status}>
      <HStack gap="space-8" align="center" wrap>
        <Tag variant="moderate" size="small" data-color={completed ? 'success' : 'neutral'}>
          {th.reviewStatus[review.status]}
        </Tag>
      </HStack>
      <BodyShort>{completed ? th.readOnlyCompleted : th.readOnlyDraft}</BodyShort>
      {completed && review.hasPdf ? (
        <div>
          <Button
            ref={download}
            as="a"
            role="link"
            href={reviewPdfUrl(review.id)}
            download
            variant="primary"
            icon={<FilePdfIcon aria-hidden />}
          >
            {th.downloadPdf}
          </Button>
        </div>
      ) : null}
      <dl className="hm-summary">
        <dt>{th.summary.heldOn}</dt>
        <dd>{review.heldOn ? formatDate(review.heldOn) : '—'}</dd>
        <dt>{th.summary.participants}</dt>
        <dd>{review.participants || '—'}</dd>
        <dt>{th.summary.vo}</dt>
        <dd>{yes(review.voTookPart)}</dd>
        <dt>{th.summary.amu}</dt>
        <dd>{yes(review.amuTookPart)}</dd>
        <dt>{th.summary.bht}</dt>
        <dd>{yes(review.bhtTookPart)}</dd>
        {review.completedAt ? (
          <>
            <dt>{th.summary.completed}</dt>
            <dd>{th.completedOn(osloDate(review.completedAt), review.completedBy)}</dd>
          </>
        ) : null}
      </dl>
      {REVIEW_SECTIONS.map((section) => (
        <VStack as="section" key={section.key} gap="space-8" aria-labelledby={`hm-sec-${section.key}`}>
          <Heading level="2" size="small" id={`hm-sec-${section.key}`}>
            {section.title[locale]}
          </Heading>
          {section.key === 'bht' && review.bhtNeeded ? (
            <BodyShort weight="semibold">
              {th.summary.bhtNeeded}: {th.bhtAnswers[review.bhtNeeded]}
            </BodyShort>
          ) : null}
          <BodyLong className="hm-text">{review.sections[section.key] || th.notFilled}</BodyLong>
        </VStack>
      ))}
    </VStack>
  );
}
