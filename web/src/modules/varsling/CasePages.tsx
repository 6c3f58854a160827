/**
 * The handlers' pages: «Saker» (`/varsling/saker`) and one case (`/varsling/saker/:id`) with the
 * report, the deadlines, the handling steps, the conversation and who opened the case. A user who
 * is not a handler of the case gets «not found», as from the API.
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
  Radio,
  RadioGroup,
  Select,
  Tag,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { CATEGORIES, type Category, type Outcome } from '../../../../src/domain/varsling/rules.ts';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { fieldId } from '../../ui/form.ts';
import { dateTime, formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { WriteError } from '../../ui/WriteFeedback.tsx';
import { type CaseView, type StepName, useCase, useCaseStep, useCases } from './api.ts';
import {
  BreachSection,
  HandlerUpload,
  HandoverSection,
  LegalHoldSection,
  RetaliationSection,
} from './ProtectionParts.tsx';
import { Conversation, Deadlines, Files, fill, ruleLabel, StatusTag } from './parts.tsx';

const is404 = (error: unknown) => isApiError(error) && error.status === 404;
/** A handler whose session did not pass two-step login (ADR 0020). */
const needsSecondFactor = (error: unknown) =>
  isApiError(error) && error.status === 403 && error.reason === 'SECOND_FACTOR_REQUIRED';

export function CasesPage() {
  const v = useT().varsling;
  const cases = useCases();
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <PageHeading>{v.casesTitle}</PageHeading>
      <BodyLong>{v.casesIntro}</BodyLong>
      {cases.isPending ? <Loading /> : null}
      {cases.isError ? (
        is404(cases.error) ? (
          <Alert variant="info">{v.notHandler}</Alert>
        ) : (
          <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />
        )
      ) : null}
      {cases.data && cases.data.items.length === 0 ? <BodyShort>{v.casesEmpty}</BodyShort> : null}
      {cases.data && cases.data.items.length > 0 ? (
        <ul className="varsling-list">
          {cases.data.items.map((c) => {
            const next = c.deadlines.find((d) => d.open);
            return (
              <li key={c.id}>
                <Box padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
                  <VStack gap="space-8">
                    <Link as={RouterLink} to={`/varsling/saker/${c.id}`}>
                      {fill(v.caseOf, { date: formatDate(c.receivedOn) })}
                    </Link>
                    <HStack gap="space-8" wrap>
                      <StatusTag status={c.status} />
                      <Tag variant="neutral" size="small">
                        {c.channel === 'anonym' ? v.channelAnonym : v.channelInnlogget}
                      </Tag>
                      {next?.overdue ? (
                        <Tag variant="error" size="small">
                          {v.overdue}
                        </Tag>
                      ) : null}
                    </HStack>
                    {next ? (
                      <BodyShort size="small">
                        {v.deadlines}: {formatDate(next.due)} ({ruleLabel(v, next.kindOfRule)})
                      </BodyShort>
                    ) : null}
                  </VStack>
                </Box>
              </li>
            );
          })}
        </ul>
      ) : null}
    </VStack>
  );
}

export function CasePage() {
  const { t, locale } = useI18n();
  const v = t.varsling;
  const { id = '' } = useParams();
  const query = useCase(id);
  if (query.isError && is404(query.error)) return <NotFoundPage />;
  const c = query.data;
  const actionLabel = (action: string) =>
    action === 'read' ? v.actionRead : action === 'create' ? v.actionCreate : v.actionUpdate;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <Link as={RouterLink} to="/varsling/saker">
          {v.back}
        </Link>
      </div>
      <PageHeading>{c ? fill(v.caseOf, { date: formatDate(c.receivedOn) }) : v.casesTitle}</PageHeading>
      {query.isPending ? <Loading /> : null}
      {query.isError && needsSecondFactor(query.error) ? (
        <Alert variant="warning">
          <VStack gap="space-8">
            <BodyShort>{v.secondFactorNeeded}</BodyShort>
            <div>
              <Link as={RouterLink} to="/min-side/sikkerhet">
                {v.secondFactorSetUp}
              </Link>
            </div>
          </VStack>
        </Alert>
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      {c ? (
        <>
          <HStack gap="space-8" wrap>
            <StatusTag status={c.status} />
            <Tag variant="neutral" size="small">
              {c.channel === 'anonym' ? v.channelAnonym : v.channelInnlogget}
            </Tag>
          </HStack>
          <section aria-labelledby="frister">
            <Heading level="2" size="small" id="frister" spacing>
              {v.deadlines}
            </Heading>
            <Deadlines deadlines={c.deadlines} />
          </section>
          <section aria-labelledby="varselet">
            <Heading level="2" size="small" id="varselet" spacing>
              {v.report}
            </Heading>
            {c.concernsTopLeader ? (
              <Alert variant="info" size="small">
                {v.topLeaderConcerned}
              </Alert>
            ) : null}
            <dl className="varsling-dl">
              <dt>{v.reporter}</dt>
              <dd>
                {c.report.reporter
                  ? `${c.report.reporter.name} (${c.report.reporter.email})`
                  : v.anonymousReporter}
              </dd>
              <dt>{v.what}</dt>
              <dd className="varsling-text">{c.report.what}</dd>
              <dt>{v.when}</dt>
              <dd className="varsling-text">{c.report.when || v.empty}</dd>
              <dt>{v.where}</dt>
              <dd className="varsling-text">{c.report.where || v.empty}</dd>
              <dt>{v.involved}</dt>
              <dd className="varsling-text">{c.report.involved || v.empty}</dd>
              <dt>{v.howKnown}</dt>
              <dd className="varsling-text">{c.report.howKnown || v.empty}</dd>
              <dt>{v.reportedBefore}</dt>
              <dd>
                {c.report.reportedBefore === 'ja'
                  ? `${v.reportedBeforeJa}${c.report.reportedBeforeTo ? `: ${c.report.reportedBeforeTo}` : ''}`
                  : c.report.reportedBefore === 'nei'
                    ? v.reportedBeforeNei
                    : v.reportedBeforeVetIkke}
              </dd>
              {c.excludedHandlers.length > 0 ? (
                <>
                  <dt>{v.excluded}</dt>
                  <dd>{c.excludedHandlers.join(', ')}</dd>
                </>
              ) : null}
            </dl>
          </section>
          <Steps view={c} onReload={() => query.refetch()} />
          <HandoverSection view={c} onReload={() => query.refetch()} />
          {c.outcome === null || c.outcome === 'varsling' || c.retaliation.entries.length > 0 ? (
            <RetaliationSection view={c} onReload={() => query.refetch()} />
          ) : null}
          <BreachSection view={c} onReload={() => query.refetch()} />
          <section aria-labelledby="meldinger">
            <Heading level="2" size="small" id="meldinger" spacing>
              {v.messages}
            </Heading>
            <Conversation messages={c.messages} perspective="handler" />
          </section>
          <section aria-labelledby="vedlegg">
            <Heading level="2" size="small" id="vedlegg" spacing>
              {v.files}
            </Heading>
            <Files files={c.files} caseId={c.id} />
            <HandlerUpload view={c} />
          </section>
          <LegalHoldSection view={c} onReload={() => query.refetch()} />
          <section aria-labelledby="innsyn">
            <Heading level="2" size="small" id="innsyn" spacing>
              {v.access}
            </Heading>
            <BodyShort size="small" spacing>
              {v.accessHelp}
            </BodyShort>
            <ul className="varsling-list">
              {c.access.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: log entries have no id; the list is only ever replaced whole
                <li key={`${a.at}-${i}`}>
                  <BodyShort size="small">
                    {dateTime(a.at, locale)}: {a.name} {actionLabel(a.action)}
                  </BodyShort>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </VStack>
  );
}

/** The step forms the case's state allows, and the message form. */
function Steps({ view, onReload }: { view: CaseView; onReload: () => Promise<unknown> }) {
  const t = useT();
  const v = t.varsling;
  const step = useCaseStep(view.id);
  const [done, setDone] = useState<string | null>(null);
  const run = (name: StepName, body: Record<string, unknown>, after?: () => void) => {
    setDone(null);
    step.mutate(
      { step: name, body: { version: view.version, ...body } },
      {
        onSuccess: () => {
          setDone(v.saved);
          after?.();
        },
      },
    );
  };
  const closed = view.status === 'avsluttet';
  return (
    <section aria-labelledby="behandling">
      <VStack gap="space-16">
        <Heading level="2" size="small" id="behandling">
          {v.steps}
        </Heading>
        {step.isError ? <WriteError error={step.error} onReload={onReload} reloadLabel={v.reload} /> : null}
        {done ? <SuccessMessage>{done}</SuccessMessage> : null}
        {view.status === 'registrert' ? (
          <VStack gap="space-8" align="start">
            <BodyShort>{v.acknowledgeHelp}</BodyShort>
            <Button type="button" loading={step.isPending} onClick={() => run('bekreft', {})}>
              {v.acknowledge}
            </Button>
          </VStack>
        ) : null}
        {view.status === 'bekreftet' || view.status === 'vurdert' ? (
          <AssessForm view={view} pending={step.isPending} onSubmit={(body) => run('vurdering', body)} />
        ) : null}
        {(view.status === 'vurdert' || view.status === 'undersokes') && view.outcome === 'varsling' ? (
          <InvestigateForm
            view={view}
            pending={step.isPending}
            onSubmit={(date) => run('undersokelse', { targetDate: date })}
          />
        ) : null}
        {!closed && view.status !== 'registrert' ? (
          <TextStep
            id="tilbakemelding"
            label={v.feedback}
            button={v.sendFeedback}
            pending={step.isPending}
            onSubmit={(text, after) => run('tilbakemelding', { text }, after)}
          />
        ) : null}
        {!closed ? (
          <TextStep
            id="melding"
            label={v.message}
            button={v.sendMessage}
            pending={step.isPending}
            onSubmit={(text, after) => run('melding', { text }, after)}
          />
        ) : null}
        {view.status === 'vurdert' || view.status === 'undersokes' ? (
          <TextStep
            id="avslutt"
            label={v.closeText}
            heading={v.close}
            button={v.closeCase}
            pending={step.isPending}
            onSubmit={(text, after) => run('avslutt', { text }, after)}
          />
        ) : null}
      </VStack>
    </section>
  );
}

function TextStep({
  id,
  label,
  heading,
  button,
  pending,
  onSubmit,
}: {
  id: string;
  label: string;
  heading?: string;
  button: string;
  pending: boolean;
  onSubmit: (text: string, after: () => void) => void;
}) {
  const v = useT().varsling;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError(v.textRequired);
      document.getElementById(fieldId(id))?.focus();
      return;
    }
    setError(undefined);
    onSubmit(text, () => setText(''));
  };
  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-8" align="start">
        {heading ? (
          <Heading level="3" size="xsmall">
            {heading}
          </Heading>
        ) : null}
        <Textarea
          id={fieldId(id)}
          label={label}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={error}
          maxLength={5000}
        />
        <Button type="submit" variant="secondary" loading={pending}>
          {button}
        </Button>
      </VStack>
    </form>
  );
}

function AssessForm({
  view,
  pending,
  onSubmit,
}: {
  view: CaseView;
  pending: boolean;
  onSubmit: (body: { outcome: Outcome; category: Category | null; reason: string }) => void;
}) {
  const v = useT().varsling;
  const [outcome, setOutcome] = useState<Outcome | ''>(view.outcome ?? '');
  const [category, setCategory] = useState<Category | ''>(view.category ?? '');
  const [reason, setReason] = useState(view.outcomeReason ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const categoryLabel: Record<Category, string> = {
    a: v.categoryA,
    b: v.categoryB,
    c: v.categoryC,
    d: v.categoryD,
    e: v.categoryE,
    f: v.categoryF,
    annet: v.categoryAnnet,
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (outcome === '') next.outcome = v.outcome;
    if (outcome === 'varsling' && category === '') next.category = v.chooseCategory;
    if (outcome === 'eget-arbeidsforhold' && reason.trim() === '') next.reason = v.textRequired;
    setErrors(next);
    const first = ['outcome', 'category', 'reason'].find((k) => next[k]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    if (outcome === '') return;
    onSubmit({ outcome, category: outcome === 'varsling' && category !== '' ? category : null, reason });
  };
  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-12" align="start">
        <Heading level="3" size="xsmall">
          {v.assess}
        </Heading>
        <RadioGroup
          id={fieldId('outcome')}
          legend={v.outcome}
          value={outcome}
          onChange={(value: Outcome) => setOutcome(value)}
          error={errors.outcome}
        >
          <Radio value="varsling">{v.outcomeVarsling}</Radio>
          <Radio value="eget-arbeidsforhold">{v.outcomeEget}</Radio>
          <Radio value="avvik">{v.outcomeAvvik}</Radio>
        </RadioGroup>
        {outcome === 'varsling' ? (
          <Select
            id={fieldId('category')}
            label={v.category}
            value={category}
            onChange={(e) => setCategory(CATEGORIES.find((c) => c === e.target.value) ?? '')}
            error={errors.category}
          >
            <option value="">{v.chooseCategory}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel[c]}
              </option>
            ))}
          </Select>
        ) : null}
        <Textarea
          id={fieldId('reason')}
          label={v.reason}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
          maxLength={2000}
        />
        <Button type="submit" variant="secondary" loading={pending}>
          {v.saveAssessment}
        </Button>
      </VStack>
    </form>
  );
}

function InvestigateForm({
  view,
  pending,
  onSubmit,
}: {
  view: CaseView;
  pending: boolean;
  onSubmit: (date: string) => void;
}) {
  const v = useT().varsling;
  const [date, setDate] = useState(view.investigationTarget ?? '');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (date === '' || date === INVALID_DATE) {
      setError(v.targetHelp);
      document.getElementById(fieldId('targetDate'))?.focus();
      return;
    }
    setError(undefined);
    onSubmit(date);
  };
  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-12" align="start">
        <Heading level="3" size="xsmall">
          {v.investigate}
        </Heading>
        <DateField
          id={fieldId('targetDate')}
          label={v.targetDate}
          description={v.targetHelp}
          value={date}
          onChange={setDate}
          error={error}
        />
        <Button type="submit" variant="secondary" loading={pending}>
          {v.startInvestigation}
        </Button>
      </VStack>
    </form>
  );
}
