/**
 * The oppfølgingsplan of one employee's current case (`/sykefravaer/:employeeId/oppfolgingsplan`), for
 * their leader, HR and admin: create, the structured form (drafts save themselves ~1.5 s after the
 * last keystroke; a 409 shows the server's message and keeps the typed text), health-word hints,
 * status, send for approval, versions with a readable diff, PDF, and recording that it was sent
 * (a version the employee has not approved only after «Registrere likevel?»; the list of sendings
 * says which were unapproved). The sections that matter now come first and open; the rest follow
 * collapsed (`plan-layout.ts`). Each section shows its comments, and the leader or HR answers there
 * (the employee is told, `hand-over.ts`).
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  ExpansionCard,
  Heading,
  HStack,
  Link,
  Modal,
  Radio,
  RadioGroup,
  Select,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import {
  FIELD_LABELS,
  type PlanAction,
  type PlanContent,
  type PlanField,
  type TextField as PlanTextField,
  SECTIONS,
} from '../../../../src/domain/dokumenter/oppfolgingsplan.ts';
import { isApiError, isStaleVersion } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime, formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type Plan, type PlanDiff, pdfUrl, planApi, planKey, usePlan, useVersions } from './api.ts';
import { isPickField, PlanKatalogPicker } from './PlanKatalogPicker.tsx';
import { CommentForm, CommentList, HealthWarning, StatusTag } from './parts.tsx';
import { planSectionLayout } from './plan-layout.ts';
import './dokumenter.css';

/** What the server accepts: no half-typed dates, empty dates as null. */
function toRequest(content: PlanContent): PlanContent {
  const date = (d: string | null | undefined) => (d && d !== INVALID_DATE ? d : null);
  return {
    ...content,
    evaluationDate: date(content.evaluationDate),
    actions: (content.actions ?? []).map((a) => ({ ...a, deadline: date(a.deadline) })),
  };
}

const timeOf = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

export function PlanPage() {
  const { t } = useI18n();
  const td = t.dokumenter;
  const { employeeId = '' } = useParams();
  const query = usePlan(employeeId);
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const data = query.data;

  const create = async () => {
    setCreating(true);
    setCreateError(null);
    try {
      const plan = await planApi.create(employeeId);
      queryClient.setQueryData(planKey(employeeId), { caseStart: plan.caseStart, plan });
    } catch (error) {
      setCreateError(error);
    } finally {
      setCreating(false);
    }
  };

  return (
    <VStack gap="space-24" paddingBlock="space-24" className="plan-page">
      <div>
        <Link as={RouterLink} to={`/sykefravaer/${employeeId}`}>
          {td.back}
        </Link>
      </div>
      {/* Neutral tab title: no employee name in the browser history or a shared screen's tab bar. */}
      <PageHeading title={td.title}>
        {data?.plan ? `${td.title}: ${data.plan.employeeName}` : td.title}
      </PageHeading>
      {query.isPending ? <Loading /> : null}
      {query.isError ? (
        isApiError(query.error) && query.error.status === 404 ? (
          <Alert variant="warning">{t.sykefravaer.notFound}</Alert>
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : null}
      {data && data.caseStart === null ? <Alert variant="info">{td.noCase}</Alert> : null}
      {data && data.caseStart !== null && data.plan === null ? (
        <VStack gap="space-16" align="start">
          <BodyLong>{td.intro}</BodyLong>
          <BodyShort>{td.noPlan}</BodyShort>
          {createError ? <ErrorAlert error={createError} /> : null}
          <Button onClick={() => void create()} loading={creating}>
            {td.create}
          </Button>
        </VStack>
      ) : null}
      {data?.plan ? (
        <PlanEditor
          key={`${data.plan.id}:${generation}`}
          employeeId={employeeId}
          initial={data.plan}
          onReload={async () => {
            // After a 409: start again from the latest stored version (the editor is re-made).
            await query.refetch();
            setGeneration((g) => g + 1);
          }}
        />
      ) : null}
    </VStack>
  );
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; error: unknown; conflict: boolean };

function PlanEditor({
  employeeId,
  initial,
  onReload,
}: {
  employeeId: string;
  initial: Plan;
  onReload: () => Promise<unknown>;
}) {
  const { t, locale } = useI18n();
  const td = t.dokumenter;
  const queryClient = useQueryClient();
  const [plan, setPlan] = useState(initial);
  const [content, setContent] = useState<PlanContent>(initial.content);
  const [dirty, setDirty] = useState(false);
  const [tick, setTick] = useState(0);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [message, setMessage] = useState<string | null>(null);
  const [sendOpen, setSendOpen] = useState(false);
  const contentRef = useRef(content);
  contentRef.current = content;
  const versionRef = useRef(initial.version);
  const inFlight = useRef(false);
  const [actionKeys, setActionKeys] = useState<number[]>(() =>
    (initial.content.actions ?? []).map((_, i) => i),
  );
  const nextKey = useRef((initial.content.actions ?? []).length);
  // What matters now first, the rest collapsed — decided once, so sections do not move while typing.
  const [layout] = useState(() =>
    planSectionLayout(
      SECTIONS,
      initial.content,
      initial.comments.map((c) => c.section),
    ),
  );

  const applyServer = useCallback(
    (next: Plan) => {
      versionRef.current = next.version;
      setPlan(next);
      queryClient.setQueryData(planKey(employeeId), (old: { caseStart: string | null } | undefined) => ({
        caseStart: old?.caseStart ?? next.caseStart,
        plan: { ...next, content: contentRef.current },
      }));
    },
    [employeeId, queryClient],
  );

  const saveNow = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    const snapshot = contentRef.current;
    setSave({ kind: 'saving' });
    try {
      const next = await planApi.save(employeeId, plan.id, toRequest(snapshot), versionRef.current);
      applyServer(next);
      setSave({ kind: 'saved', at: next.updatedAt });
      const changedMeanwhile = contentRef.current !== snapshot;
      setDirty(changedMeanwhile);
      if (changedMeanwhile) setTick((n) => n + 1);
    } catch (error) {
      setSave({ kind: 'error', error, conflict: isStaleVersion(error) });
    } finally {
      inFlight.current = false;
    }
  }, [applyServer, employeeId, plan.id]);

  // Text over the server's limit is shown at its field and not sent (the server would refuse it).
  const overLimit = tooLongFields(content).length > 0;
  const blocked = (save.kind === 'error' && save.conflict) || overLimit;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` re-arms the timer after a save that raced with typing
  useEffect(() => {
    if (!dirty || blocked) return;
    const timer = setTimeout(() => void saveNow(), 1500);
    return () => clearTimeout(timer);
  }, [content, dirty, blocked, saveNow, tick]);

  const update = (patch: Partial<PlanContent>) => {
    setContent((c) => ({ ...c, ...patch }));
    setDirty(true);
    if (save.kind === 'error' && !save.conflict) setSave({ kind: 'idle' });
  };

  const actions = content.actions ?? [];
  const setAction = (i: number, patch: Partial<PlanAction>) =>
    update({ actions: actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });

  /** The error for one field, in words: too long here, or what the server said about `content.<path>`. */
  const errorFor = (path: string, text: string | undefined): string | undefined => {
    const len = text?.length ?? 0;
    if (len > PLAN_TEXT_MAX) return td.tooLong(len - PLAN_TEXT_MAX);
    if (save.kind === 'error' && isApiError(save.error)) {
      return save.error.fields.find((f) => f.path === `content.${path}`)?.message;
    }
    return undefined;
  };
  const serverFieldError =
    save.kind === 'error' &&
    isApiError(save.error) &&
    save.error.fields.some((f) => f.path.startsWith('content.'));

  const warningsFor = (field: string) => plan.healthWordWarnings.find((w) => w.field === field)?.words ?? [];

  const submit = async () => {
    try {
      const next = await planApi.submit(employeeId, plan.id, versionRef.current);
      applyServer(next);
      setMessage(td.submitted);
    } catch (error) {
      setSave({ kind: 'error', error, conflict: isStaleVersion(error) });
    }
  };

  const fieldInput = (field: PlanField) => {
    const id = `plan-${field}`;
    if (field === 'evaluationDate') {
      return (
        <DateField
          id={id}
          label={FIELD_LABELS.evaluationDate[locale]}
          value={content.evaluationDate ?? ''}
          onChange={(v) => update({ evaluationDate: v })}
          error={content.evaluationDate === INVALID_DATE ? t.common.dateDescription : undefined}
          description={t.common.dateDescription}
        />
      );
    }
    if (field === 'participated') {
      const value = content.participated === true ? 'yes' : content.participated === false ? 'no' : '';
      return (
        <RadioGroup
          legend={FIELD_LABELS.participated[locale]}
          value={value}
          onChange={(v: string) => update({ participated: v === 'yes' })}
        >
          <Radio value="yes">{td.participatedYes}</Radio>
          <Radio value="no">{td.participatedNo}</Radio>
        </RadioGroup>
      );
    }
    if (field === 'actions') {
      return (
        <VStack gap="space-16">
          <Heading level="3" size="xsmall">
            {FIELD_LABELS.actions[locale]}
          </Heading>
          {actions.map((a, i) => (
            <fieldset key={actionKeys[i] ?? i} className="plan-action">
              <legend>{td.actionLegend(i + 1)}</legend>
              <VStack gap="space-12">
                <Textarea
                  label={td.actionWhat}
                  description={td.healthHint}
                  value={a.what}
                  onChange={(e) => setAction(i, { what: e.target.value })}
                  error={errorFor(`actions.${i}.what`, a.what)}
                  maxLength={PLAN_TEXT_MAX}
                  minRows={2}
                />
                <HealthWarning words={warningsFor(`actions.${i}`)} />
                <HStack gap="space-16" wrap>
                  <Select
                    label={td.actionOwnerKind}
                    value={a.ownerKind}
                    onChange={(e) => setAction(i, { ownerKind: e.target.value as PlanAction['ownerKind'] })}
                  >
                    <option value="employee">{td.owners.employee}</option>
                    <option value="leader">{td.owners.leader}</option>
                    <option value="other">{td.owners.other}</option>
                  </Select>
                  <TextField
                    label={`${td.actionOwner} ${t.common.optional}`}
                    value={a.owner ?? ''}
                    onChange={(e) => setAction(i, { owner: e.target.value })}
                    maxLength={200}
                  />
                </HStack>
                <DateField
                  id={`plan-action-${actionKeys[i] ?? i}-deadline`}
                  label={`${td.actionDeadline} ${t.common.optional}`}
                  value={a.deadline ?? ''}
                  onChange={(v) => setAction(i, { deadline: v })}
                  description={t.common.dateDescription}
                />
                <div>
                  <Button
                    variant="tertiary"
                    size="small"
                    onClick={() => {
                      update({ actions: actions.filter((_, j) => j !== i) });
                      setActionKeys((keys) => keys.filter((_, j) => j !== i));
                    }}
                  >
                    {td.actionsRemove(i + 1)}
                  </Button>
                </div>
              </VStack>
            </fieldset>
          ))}
          <div>
            <Button
              variant="secondary"
              size="small"
              onClick={() => {
                update({ actions: [...actions, { what: '', ownerKind: 'leader' }] });
                setActionKeys((keys) => [...keys, nextKey.current++]);
              }}
            >
              {td.actionsAdd}
            </Button>
          </div>
        </VStack>
      );
    }
    const f = field as PlanTextField;
    return (
      <VStack gap="space-8">
        <Textarea
          id={id}
          label={FIELD_LABELS[f][locale]}
          description={td.healthHint}
          value={content[f] ?? ''}
          onChange={(e) => update({ [f]: e.target.value })}
          error={errorFor(f, content[f])}
          maxLength={PLAN_TEXT_MAX}
          minRows={3}
        />
        <HealthWarning words={warningsFor(f)} />
        {isPickField(f) ? (
          <PlanKatalogPicker field={f} text={content[f] ?? ''} onChange={(text) => update({ [f]: text })} />
        ) : null}
      </VStack>
    );
  };

  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <BodyLong>{td.intro}</BodyLong>
        <HStack gap="space-12" align="center" wrap>
          <StatusTag status={plan.status} />
          <BodyShort>{td.caseStart(formatDate(plan.caseStart))}</BodyShort>
          <BodyShort>{td.versionLine(plan.contentVersion)}</BodyShort>
          <BodyShort aria-live="polite" className="plan-save-state">
            {save.kind === 'saving'
              ? td.saving
              : save.kind === 'saved' && !dirty
                ? td.savedAt(timeOf(save.at))
                : dirty
                  ? td.unsaved
                  : ''}
          </BodyShort>
        </HStack>
        {plan.approved ? (
          <BodyShort>{td.approved(plan.approved.by.name, dateTime(plan.approved.at, locale))}</BodyShort>
        ) : null}
        {save.kind === 'error' ? (
          <Alert variant="error" role="alert">
            <VStack gap="space-8" align="start">
              <BodyShort>
                {serverFieldError
                  ? td.notSavedFields
                  : save.error instanceof Error
                    ? save.error.message
                    : t.errors.unexpected}
              </BodyShort>
              {save.conflict ? (
                <Button size="small" variant="secondary" onClick={() => void onReload()}>
                  {td.conflictReload}
                </Button>
              ) : null}
            </VStack>
          </Alert>
        ) : null}
        <SuccessMessage>{message}</SuccessMessage>
        <HStack gap="space-12" wrap>
          <Button
            onClick={() => void submit()}
            disabled={plan.status !== 'utkast' || dirty || save.kind === 'saving'}
          >
            {td.submit}
          </Button>
          <Button as="a" variant="secondary" href={pdfUrl(employeeId, plan.id)} download>
            {td.downloadPdf}
          </Button>
          <Button variant="secondary" onClick={() => setSendOpen(true)} disabled={dirty}>
            {td.registerSent}
          </Button>
        </HStack>
        {plan.sendings.length > 0 ? (
          <VStack gap="space-4">
            <Heading level="2" size="xsmall">
              {td.sendings}
            </Heading>
            <ul className="plan-list">
              {plan.sendings.map((s) => (
                <li key={s.id}>
                  {td.sendingLine(
                    td.recipients[s.recipient],
                    s.contentVersion,
                    s.by.name,
                    dateTime(s.at, locale),
                  )}
                  {s.unapproved ? (
                    <>
                      {' '}
                      <Tag size="xsmall" variant="warning">
                        {td.sendingUnapproved}
                      </Tag>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </VStack>
        ) : null}
      </VStack>

      {layout.map(({ key, open }) => {
        const section = SECTIONS.find((x) => x.key === key);
        if (!section) return null;
        const headingId = `plan-section-${section.key}`;
        // Collapsed sections stay mounted (only hidden): nothing typed is lost, the draft still saves.
        return (
          <ExpansionCard key={section.key} aria-labelledby={headingId} defaultOpen={open} size="small">
            <ExpansionCard.Header>
              <ExpansionCard.Title as="h2" size="medium" id={headingId}>
                {section.title[locale]}
              </ExpansionCard.Title>
              {!open ? <ExpansionCard.Description>{td.sectionCollapsed}</ExpansionCard.Description> : null}
            </ExpansionCard.Header>
            <ExpansionCard.Content>
              <VStack gap="space-16">
                {section.fields
                  // «Hvorfor arbeidstakeren ikke har deltatt» only matters when the answer is «Nei»
                  .filter((field) => !(field === 'notParticipatedWhy' && content.participated === true))
                  .map((field) => (
                    <div key={field}>{fieldInput(field)}</div>
                  ))}
                <CommentList comments={plan.comments.filter((c) => c.section === section.key)} />
                <CommentForm
                  section={section.key}
                  title={section.title[locale]}
                  send={async (key, text) =>
                    applyServer(await planApi.comment(employeeId, plan.id, key, text))
                  }
                />
              </VStack>
            </ExpansionCard.Content>
          </ExpansionCard>
        );
      })}

      <Versions employeeId={employeeId} plan={plan} />
      {sendOpen ? (
        <SendModal
          employeeId={employeeId}
          planId={plan.id}
          unapproved={plan.status !== 'godkjent'}
          onClose={() => setSendOpen(false)}
          onSent={(next) => {
            applyServer(next);
            setSendOpen(false);
            setMessage(td.sentSaved);
            void queryClient.invalidateQueries({ queryKey: ['sykefravaer'] });
          }}
        />
      ) : null}
    </VStack>
  );
}

/** The server's limit on each free-text field of the plan (the plan content schema). */
const PLAN_TEXT_MAX = 4000;

/** The text fields (and action texts) over the limit. */
function tooLongFields(content: PlanContent): string[] {
  const long: string[] = [];
  for (const [key, value] of Object.entries(content)) {
    if (typeof value === 'string' && value.length > PLAN_TEXT_MAX) long.push(key);
  }
  (content.actions ?? []).forEach((a, i) => {
    if (a.what.length > PLAN_TEXT_MAX) long.push(`actions.${i}.what`);
  });
  return long;
}

function Versions({ employeeId, plan }: { employeeId: string; plan: Plan }) {
  const { t, locale } = useI18n();
  const td = t.dokumenter;
  const versions = useVersions(employeeId, plan.id, plan.contentVersion);
  const [open, setOpen] = useState<number | null>(null);
  const [diff, setDiff] = useState<PlanDiff | null>(null);
  const [error, setError] = useState<unknown>(null);
  const show = async (n: number) => {
    if (open === n) {
      setOpen(null);
      return;
    }
    setError(null);
    try {
      setDiff(await planApi.diff(employeeId, plan.id, n));
      setOpen(n);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="plan-versions" className="plan-section">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="plan-versions">
          {td.versions}
        </Heading>
        {versions.isError ? <ErrorAlert error={versions.error} /> : null}
        {error ? <ErrorAlert error={error} /> : null}
        <ul className="plan-list">
          {(versions.data?.items ?? []).map((v) => (
            <li key={v.number}>
              <VStack gap="space-8" align="start">
                <BodyShort>{td.versionItem(v.number, v.savedBy.name, dateTime(v.savedAt, locale))}</BodyShort>
                {v.number > 1 ? (
                  <Button
                    variant="tertiary"
                    size="small"
                    aria-expanded={open === v.number}
                    onClick={() => void show(v.number)}
                  >
                    {open === v.number ? td.hideDiff : td.showDiff(v.number)}
                  </Button>
                ) : null}
                {open === v.number && diff ? (
                  diff.changes.length === 0 ? (
                    <BodyShort>{td.noChanges}</BodyShort>
                  ) : (
                    <dl className="plan-diff">
                      {diff.changes.map((c) => (
                        <div key={c.field}>
                          <dt>{c.label[locale]}</dt>
                          <dd>
                            <span className="plan-diff-label">{td.before}: </span>
                            <span className="plan-text">{c.before ?? td.empty}</span>
                          </dd>
                          <dd>
                            <span className="plan-diff-label">{td.after}: </span>
                            <span className="plan-text">{c.after ?? td.empty}</span>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )
                ) : null}
              </VStack>
            </li>
          ))}
        </ul>
      </VStack>
    </section>
  );
}

function SendModal({
  employeeId,
  planId,
  unapproved,
  onClose,
  onSent,
}: {
  employeeId: string;
  planId: string;
  /** The current version is not approved by the employee: ask before recording it as sent. */
  unapproved: boolean;
  onClose: () => void;
  onSent: (plan: Plan) => void;
}) {
  const { t } = useI18n();
  const td = t.dokumenter;
  const formId = useId();
  const [recipient, setRecipient] = useState<'sykmelder' | 'nav'>('sykmelder');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSent(await planApi.send(employeeId, planId, recipient, note));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open onClose={onClose} header={{ heading: td.sentHeading }} width="medium">
      <Modal.Body>
        <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
          <VStack gap="space-16">
            {error ? <ErrorAlert error={error} /> : null}
            {unapproved ? (
              <Alert variant="warning" size="small">
                <VStack gap="space-4">
                  <BodyShort weight="semibold">{td.unapprovedWarning}</BodyShort>
                  <BodyShort>{td.unapprovedExplain}</BodyShort>
                </VStack>
              </Alert>
            ) : null}
            <RadioGroup
              legend={td.recipient}
              value={recipient}
              onChange={(v: 'sykmelder' | 'nav') => setRecipient(v)}
            >
              <Radio value="sykmelder">{td.recipients.sykmelder}</Radio>
              <Radio value="nav">{td.recipients.nav}</Radio>
            </RadioGroup>
            <Textarea
              label={`${td.note} ${t.common.optional}`}
              description={td.healthHint}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={1000}
              minRows={2}
            />
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={busy}>
          {unapproved ? td.registerAnyway : t.common.save}
        </Button>
        <Button variant="secondary" type="button" onClick={onClose}>
          {t.common.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
