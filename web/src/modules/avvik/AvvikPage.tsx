/**
 * One avvik (`/avvik/:id`). Everyone who may see it reads what happened; the reporter also sees the
 * status, the tiltak and the verification when it is closed. The handler (the unit's leader, HR,
 * admin) assesses it (category, consequence 1–5, cause, personal data, and for consequence ≥ 4 the
 * aml § 5-2 question), adds tiltak with owner and due date, works the § 5-2 checklist and tasks,
 * the § 5-1 register entry, the personvernavvik and closes it with a verification note.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  Detail,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import {
  ALARM_STEPS,
  AVVIK_CATEGORIES,
  type AvvikCategory,
  asksSerious52,
  CONSEQUENCES,
  hoursLeft,
  isInjuryCategory,
  PRIVACY_RISKS,
  type PrivacyDecision,
  type PrivacyRisk,
} from '../../../../src/domain/avvik/index.ts';
import { isStaleVersion } from '../../api/client.ts';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { fieldId, useFormErrors } from '../../ui/form.ts';
import { dateTime, formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import {
  type Avvik,
  melding52Url,
  photoHref,
  useAvvik,
  useAvvikWrites,
  useBarriers,
  useOwners,
} from './api.ts';
import './avvik.css';

type Writes = ReturnType<typeof useAvvikWrites>;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <VStack gap="space-12" as="section" aria-labelledby={`${id}-heading`}>
      <Heading level="2" size="medium" id={`${id}-heading`}>
        {title}
      </Heading>
      {children}
    </VStack>
  );
}

function Saved({ show }: { show: boolean }) {
  const { t } = useI18n();
  return show ? (
    <Alert variant="success" size="small" inline role="status">
      {t.avvik.saved}
    </Alert>
  ) : null;
}

const TRIAGE_KEYS = ['category', 'severity', 'cause', 'serious', 'barrierId'] as const;

function TriageForm({ avvik, writes }: { avvik: Avvik; writes: Writes }) {
  const { t } = useI18n();
  const ta = t.avvik;
  const errors = useFormErrors(TRIAGE_KEYS);
  const [category, setCategory] = useState<AvvikCategory>(avvik.category);
  const [severity, setSeverity] = useState(avvik.severity === null ? '' : String(avvik.severity));
  const [cause, setCause] = useState(avvik.cause);
  const [personalData, setPersonalData] = useState(avvik.personalData ? 'ja' : 'nei');
  const [serious, setSerious] = useState(avvik.serious === null ? '' : avvik.serious ? 'ja' : 'nei');
  const [barrierId, setBarrierId] = useState(avvik.barrierId ?? '');
  const barriers = useBarriers();
  const [saved, setSaved] = useState(false);
  const n = severity === '' ? null : Number(severity);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (n === null) {
      errors.setFieldErrors({ severity: ta.severity });
      return;
    }
    writes.triage.mutate(
      {
        version: avvik.version,
        category,
        severity: n,
        cause,
        personalData: personalData === 'ja',
        serious: asksSerious52(n) && serious !== '' ? serious === 'ja' : null,
        barrierId: barrierId === '' ? null : barrierId,
      },
      {
        onSuccess: () => {
          errors.clear();
          setSaved(true);
        },
        onError: (error) => errors.setApiError(isStaleVersion(error) ? new Error(ta.stale) : error),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-16">
        <FormErrorSummary errors={errors.fields} order={TRIAGE_KEYS} attempt={errors.attempt} />
        {errors.general ? <ErrorAlert error={errors.apiError ?? new Error(errors.general)} /> : null}
        <Select
          id={fieldId('category')}
          label={ta.confirmCategory}
          value={category}
          onChange={(e) => setCategory(e.target.value as AvvikCategory)}
          error={errors.fields.category}
        >
          {AVVIK_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {ta.categories[c]}
            </option>
          ))}
        </Select>
        <RadioGroup
          id={fieldId('severity')}
          legend={ta.severity}
          value={severity}
          onChange={(v: string) => setSeverity(v)}
          error={errors.fields.severity}
        >
          {CONSEQUENCES.map((c) => (
            <Radio key={c} value={String(c)}>
              {ta.severities[c]}
            </Radio>
          ))}
        </RadioGroup>
        {asksSerious52(n) ? (
          <RadioGroup
            id={fieldId('serious')}
            legend={ta.serious}
            description={ta.seriousHelp}
            value={serious}
            onChange={(v: string) => setSerious(v)}
            error={errors.fields.serious}
          >
            <Radio value="ja">{ta.yes}</Radio>
            <Radio value="nei">{ta.no}</Radio>
          </RadioGroup>
        ) : null}
        <Textarea
          id={fieldId('cause')}
          label={ta.cause}
          description={ta.causeHelp}
          value={cause}
          maxLength={4000}
          onChange={(e) => setCause(e.target.value)}
          error={errors.fields.cause}
        />
        {barriers.data && barriers.data.items.length > 0 ? (
          <Select
            id={fieldId('barrierId')}
            label={ta.barrier}
            description={ta.barrierHelp}
            value={barrierId}
            onChange={(e) => setBarrierId(e.target.value)}
            error={errors.fields.barrierId}
          >
            <option value="">{ta.barrierNone}</option>
            {barriers.data.items.map((b) => (
              <option key={b.id} value={b.id}>
                {ta.barrierOption(b.assessmentTitle, b.riskTitle, b.text, b.status === 'svekket')}
              </option>
            ))}
          </Select>
        ) : null}
        <RadioGroup
          legend={ta.personalData}
          value={personalData}
          onChange={(v: string) => setPersonalData(v)}
        >
          <HStack gap="space-24">
            <Radio value="ja">{ta.yes}</Radio>
            <Radio value="nei">{ta.no}</Radio>
          </HStack>
        </RadioGroup>
        <HStack gap="space-16" align="center">
          <Button type="submit" loading={writes.triage.isPending}>
            {ta.saveTriage}
          </Button>
          <Saved show={saved} />
        </HStack>
      </VStack>
    </form>
  );
}

function Alarm({ avvik, writes }: { avvik: Avvik; writes: Writes }) {
  const { t, locale } = useI18n();
  const ta = t.avvik;
  return (
    <Section id="avvik-alarm" title={ta.alarmTitle}>
      <Alert variant="warning">{ta.alarmIntro}</Alert>
      {writes.step.isError ? <ErrorAlert error={writes.step.error} /> : null}
      <ul className="avvik-list">
        {ALARM_STEPS.map((step) => {
          const done = avvik.alarm.find((s) => s.step === step);
          return (
            <li key={step}>
              <HStack gap="space-12" align="center" justify="space-between" wrap>
                <BodyShort weight="semibold">{ta.steps[step]}</BodyShort>
                {done ? (
                  <Detail>{ta.stepDoneBy(done.doneByName, dateTime(done.doneAt, locale))}</Detail>
                ) : (
                  <Button
                    size="small"
                    variant="secondary"
                    type="button"
                    onClick={() => writes.step.mutate({ step, note: '' })}
                    aria-label={`${ta.stepDone}: ${ta.steps[step]}`}
                  >
                    {ta.stepDone}
                  </Button>
                )}
              </HStack>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

function Tasks({ avvik, writes }: { avvik: Avvik; writes: Writes }) {
  const { t, locale } = useI18n();
  const ta = t.avvik;
  if (avvik.tasks.length === 0) return null;
  return (
    <Section id="avvik-tasks" title={ta.tasksTitle}>
      {writes.taskDone.isError ? <ErrorAlert error={writes.taskDone.error} /> : null}
      <ul className="avvik-list">
        {avvik.tasks.map((task) => (
          <li key={task.kind}>
            <VStack gap="space-4" align="start">
              <BodyShort weight="semibold">{ta.tasks[task.kind]}</BodyShort>
              <Detail>
                {task.doneAt ? ta.taskDone(dateTime(task.doneAt, locale)) : ta.taskDue(formatDate(task.due))}
              </Detail>
              {task.kind === 'skriftlig-bekreftelse' ? (
                <>
                  <Detail>{ta.download52Help}</Detail>
                  <Button as="a" size="small" variant="secondary" href={melding52Url(avvik.id)} download>
                    {ta.download52}
                  </Button>
                </>
              ) : null}
              {task.doneAt ? null : (
                <Button
                  size="small"
                  variant="secondary"
                  type="button"
                  onClick={() => writes.taskDone.mutate(task.kind)}
                >
                  {ta.markTaskDone}
                </Button>
              )}
            </VStack>
          </li>
        ))}
      </ul>
    </Section>
  );
}

const INJURY_KEYS = ['workTask', 'courseOfEvents', 'presumedCauses', 'injuryDescription'] as const;

function InjuryForm({ avvik, writes }: { avvik: Avvik; writes: Writes }) {
  const { t } = useI18n();
  const ta = t.avvik;
  const errors = useFormErrors(INJURY_KEYS);
  const i = avvik.injury;
  const [workTask, setWorkTask] = useState(i?.workTask ?? '');
  const [courseOfEvents, setCourse] = useState(i?.courseOfEvents ?? avvik.description);
  const [presumedCauses, setCauses] = useState(i?.presumedCauses ?? '');
  const [injuryDescription, setInjury] = useState(i?.injuryDescription ?? '');
  const [mayGiveBenefits, setBenefits] = useState(i?.mayGiveBenefits ?? false);
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    writes.injury.mutate(
      { workTask, courseOfEvents, presumedCauses, injuryDescription, mayGiveBenefits },
      {
        onSuccess: () => {
          errors.clear();
          setSaved(true);
        },
        onError: (e) => errors.setApiError(e),
      },
    );
  };
  return (
    <Section id="avvik-injury" title={ta.injuryTitle}>
      <BodyLong>{ta.injuryIntro}</BodyLong>
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16">
          <FormErrorSummary errors={errors.fields} order={INJURY_KEYS} attempt={errors.attempt} />
          {errors.general ? <ErrorAlert error={errors.apiError ?? new Error(errors.general)} /> : null}
          <TextField
            id={fieldId('workTask')}
            label={ta.workTask}
            value={workTask}
            maxLength={1000}
            onChange={(e) => setWorkTask(e.target.value)}
            error={errors.fields.workTask}
          />
          <Textarea
            id={fieldId('courseOfEvents')}
            label={ta.courseOfEvents}
            value={courseOfEvents}
            maxLength={4000}
            onChange={(e) => setCourse(e.target.value)}
            error={errors.fields.courseOfEvents}
          />
          <Textarea
            id={fieldId('presumedCauses')}
            label={ta.presumedCauses}
            value={presumedCauses}
            maxLength={2000}
            onChange={(e) => setCauses(e.target.value)}
            error={errors.fields.presumedCauses}
          />
          <TextField
            id={fieldId('injuryDescription')}
            label={ta.injuryDescription}
            value={injuryDescription}
            maxLength={1000}
            onChange={(e) => setInjury(e.target.value)}
            error={errors.fields.injuryDescription}
          />
          <Checkbox checked={mayGiveBenefits} onChange={(e) => setBenefits(e.target.checked)}>
            {ta.mayGiveBenefits}
          </Checkbox>
          <HStack gap="space-16" align="center">
            <Button type="submit" loading={writes.injury.isPending}>
              {ta.saveInjury}
            </Button>
            <Saved show={saved} />
          </HStack>
        </VStack>
      </form>
    </Section>
  );
}

const PRIVACY_KEYS = [
  'awareAt',
  'risk',
  'facts',
  'effects',
  'remedial',
  'decision',
  'decisionReason',
] as const;

const pad = (n: number) => String(n).padStart(2, '0');
/** A timestamp as the local date `YYYY-MM-DD` and time `HH:MM`, for the date and time fields. */
function localParts(iso: string): [string, string] {
  const d = new Date(iso);
  return [
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  ];
}

function PrivacyForm({ avvik, writes }: { avvik: Avvik; writes: Writes }) {
  const { t, locale } = useI18n();
  const ta = t.avvik;
  const p = avvik.privacy;
  const errors = useFormErrors(PRIVACY_KEYS);
  const [initialDate, initialTime] = p ? localParts(p.awareAt) : ['', ''];
  const [awareDate, setAwareDate] = useState(initialDate);
  const [awareTime, setAwareTime] = useState(initialTime);
  const [risk, setRisk] = useState<PrivacyRisk | ''>(p?.risk ?? '');
  const [facts, setFacts] = useState(p?.facts ?? '');
  const [effects, setEffects] = useState(p?.effects ?? '');
  const [remedial, setRemedial] = useState(p?.remedial ?? '');
  const [decision, setDecision] = useState<PrivacyDecision | ''>(p?.decision ?? '');
  const [decisionReason, setReason] = useState(p?.decisionReason ?? '');
  const [saved, setSaved] = useState(false);
  if (!p) return null;
  const left = hoursLeft(new Date(p.awareAt), new Date());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const at = new Date(`${awareDate}T${awareTime || '00:00'}`);
    if (awareDate === '' || awareDate === INVALID_DATE || Number.isNaN(at.getTime())) {
      errors.setFieldErrors({ awareAt: ta.awareAt });
      return;
    }
    writes.privacy.mutate(
      {
        awareAt: at.toISOString(),
        risk: risk === '' ? null : risk,
        facts,
        effects,
        remedial,
        decision: decision === '' ? null : decision,
        decisionReason,
      },
      {
        onSuccess: () => {
          errors.clear();
          setSaved(true);
        },
        onError: (e) => errors.setApiError(e),
      },
    );
  };
  return (
    <Section id="avvik-privacy" title={ta.privacyTitle}>
      <BodyLong>{ta.privacyIntro}</BodyLong>
      <HStack gap="space-8" align="center" wrap>
        <Tag variant={p.decision ? 'success' : left < 24 ? 'error' : 'warning'}>
          {p.decision ? ta.decisions[p.decision] : ta.hoursLeft(left)}
        </Tag>
        <Detail>{ta.deadline(dateTime(p.deadlineAt, locale))}</Detail>
      </HStack>
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16">
          <FormErrorSummary errors={errors.fields} order={PRIVACY_KEYS} attempt={errors.attempt} />
          {errors.general ? <ErrorAlert error={errors.apiError ?? new Error(errors.general)} /> : null}
          <HStack gap="space-16" wrap align="start">
            <DateField
              id={fieldId('awareAt')}
              label={ta.awareAt}
              value={awareDate}
              onChange={setAwareDate}
              error={errors.fields.awareAt}
            />
            <TextField
              id="avvik-aware-time"
              type="time"
              label={ta.time}
              value={awareTime}
              onChange={(e) => setAwareTime(e.target.value)}
              htmlSize={8}
            />
          </HStack>
          <RadioGroup
            id={fieldId('risk')}
            legend={ta.risk}
            value={risk}
            onChange={(v: PrivacyRisk) => setRisk(v)}
            error={errors.fields.risk}
          >
            {PRIVACY_RISKS.map((r) => (
              <Radio key={r} value={r}>
                {ta.risks[r]}
              </Radio>
            ))}
          </RadioGroup>
          <Textarea
            id={fieldId('facts')}
            label={ta.privacyFacts}
            value={facts}
            maxLength={4000}
            onChange={(e) => setFacts(e.target.value)}
            error={errors.fields.facts}
          />
          <Textarea
            id={fieldId('effects')}
            label={ta.privacyEffects}
            value={effects}
            maxLength={4000}
            onChange={(e) => setEffects(e.target.value)}
            error={errors.fields.effects}
          />
          <Textarea
            id={fieldId('remedial')}
            label={ta.privacyRemedial}
            value={remedial}
            maxLength={4000}
            onChange={(e) => setRemedial(e.target.value)}
            error={errors.fields.remedial}
          />
          <RadioGroup
            id={fieldId('decision')}
            legend={ta.decision}
            value={decision}
            onChange={(v: PrivacyDecision | '') => setDecision(v)}
            error={errors.fields.decision}
          >
            <Radio value="">{ta.decisionNone}</Radio>
            <Radio value="meldes">{ta.decisions.meldes}</Radio>
            <Radio value="meldes-ikke">{ta.decisions['meldes-ikke']}</Radio>
          </RadioGroup>
          {decision === 'meldes-ikke' ? (
            <Textarea
              id={fieldId('decisionReason')}
              label={ta.decisionReason}
              value={decisionReason}
              maxLength={2000}
              onChange={(e) => setReason(e.target.value)}
              error={errors.fields.decisionReason}
            />
          ) : null}
          <HStack gap="space-16" align="center">
            <Button type="submit" loading={writes.privacy.isPending}>
              {ta.savePrivacy}
            </Button>
            <Saved show={saved} />
          </HStack>
        </VStack>
      </form>
    </Section>
  );
}

const TILTAK_KEYS = ['text', 'ownerUserId', 'due'] as const;

function TiltakSection({ avvik, writes }: { avvik: Avvik; writes: Writes }) {
  const { t, locale } = useI18n();
  const ta = t.avvik;
  const handler = avvik.access === 'handler' && avvik.status !== 'lukket';
  const owners = useOwners(handler);
  const errors = useFormErrors(TILTAK_KEYS);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (text.trim() === '') fields.text = ta.tiltakText;
    if (owner === '') fields.ownerUserId = ta.chooseOwner;
    if (due === '' || due === INVALID_DATE) fields.due = ta.tiltakDue;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    writes.addTiltak.mutate(
      { text, ownerUserId: owner, due },
      {
        onSuccess: () => {
          errors.clear();
          setText('');
          setOwner('');
        },
        onError: (e) => errors.setApiError(e),
      },
    );
  };
  return (
    <Section id="avvik-tiltak" title={ta.tiltakTitle}>
      {avvik.tiltak.length === 0 ? <BodyShort>{ta.tiltakNone}</BodyShort> : null}
      {avvik.tiltak.length > 0 ? (
        <ul className="avvik-list">
          {avvik.tiltak.map((x) => (
            <li key={x.id}>
              <VStack gap="space-4" align="start">
                <BodyShort>{x.text}</BodyShort>
                <Detail>
                  {[
                    x.ownerName ? ta.tiltakOwnerDue(x.ownerName, formatDate(x.due)) : null,
                    x.doneAt ? ta.tiltakDoneAt(dateTime(x.doneAt, locale)) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Detail>
                {handler && !x.doneAt ? (
                  <Button
                    size="small"
                    variant="secondary"
                    type="button"
                    onClick={() => writes.tiltakDone.mutate(x.id)}
                  >
                    {ta.tiltakDone}
                  </Button>
                ) : null}
              </VStack>
            </li>
          ))}
        </ul>
      ) : null}
      {handler ? (
        <form onSubmit={submit} noValidate>
          <VStack gap="space-16">
            <FormErrorSummary errors={errors.fields} order={TILTAK_KEYS} attempt={errors.attempt} />
            {errors.general ? <ErrorAlert error={errors.apiError ?? new Error(errors.general)} /> : null}
            <Textarea
              id={fieldId('text')}
              label={ta.tiltakText}
              value={text}
              maxLength={1000}
              minRows={2}
              onChange={(e) => setText(e.target.value)}
              error={errors.fields.text}
            />
            <Select
              id={fieldId('ownerUserId')}
              label={ta.tiltakOwner}
              value={owner}
              onChange={(e) => setOwner(e.target.value)}
              error={errors.fields.ownerUserId}
            >
              <option value="">{ta.chooseOwner}</option>
              {(owners.data?.items ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
            <DateField
              id={fieldId('due')}
              label={ta.tiltakDue}
              value={due}
              onChange={setDue}
              error={errors.fields.due}
            />
            <div>
              <Button type="submit" variant="secondary" loading={writes.addTiltak.isPending}>
                {ta.addTiltak}
              </Button>
            </div>
          </VStack>
        </form>
      ) : null}
    </Section>
  );
}

function LegalHold({ avvik, writes }: { avvik: Avvik; writes: Writes }) {
  const { t } = useI18n();
  const ta = t.avvik;
  const [hold, setHold] = useState(avvik.legalHold);
  const [saved, setSaved] = useState(false);
  return (
    <Section id="avvik-hold" title={ta.legalHoldTitle}>
      {writes.legalHold.isError ? <ErrorAlert error={writes.legalHold.error} /> : null}
      <Checkbox checked={hold} description={ta.legalHoldHelp} onChange={(e) => setHold(e.target.checked)}>
        {ta.legalHold}
      </Checkbox>
      <HStack gap="space-16" align="center">
        <Button
          type="button"
          variant="secondary"
          loading={writes.legalHold.isPending}
          onClick={() => {
            setSaved(false);
            writes.legalHold.mutate(hold, { onSuccess: () => setSaved(true) });
          }}
        >
          {ta.saveLegalHold}
        </Button>
        <Saved show={saved} />
      </HStack>
    </Section>
  );
}

const CLOSE_KEYS = ['verificationNote'] as const;

function CloseForm({ avvik, writes }: { avvik: Avvik; writes: Writes }) {
  const { t } = useI18n();
  const ta = t.avvik;
  const errors = useFormErrors(CLOSE_KEYS);
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') {
      errors.setFieldErrors({ verificationNote: ta.verification });
      return;
    }
    writes.close.mutate(
      { version: avvik.version, verificationNote: note },
      { onError: (e) => errors.setApiError(isStaleVersion(e) ? new Error(ta.stale) : e) },
    );
  };
  return (
    <Section id="avvik-close" title={ta.closeTitle}>
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16">
          <FormErrorSummary errors={errors.fields} order={CLOSE_KEYS} attempt={errors.attempt} />
          {errors.general ? <ErrorAlert error={errors.apiError ?? new Error(errors.general)} /> : null}
          <Textarea
            id={fieldId('verificationNote')}
            label={ta.verification}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            error={errors.fields.verificationNote}
          />
          <div>
            <Button type="submit" loading={writes.close.isPending}>
              {ta.closeButton}
            </Button>
          </div>
        </VStack>
      </form>
    </Section>
  );
}

function Facts({ avvik }: { avvik: Avvik }) {
  const { t, locale } = useI18n();
  const ta = t.avvik;
  const reporter = avvik.mine
    ? ta.you
    : avvik.anonymous
      ? ta.anonymousReporter
      : (avvik.reporterName ?? ta.anonymousReporter);
  return (
    <VStack gap="space-12">
      <HStack gap="space-8" align="center" wrap>
        <Tag variant="neutral">{ta.categories[avvik.category]}</Tag>
        <Tag variant={avvik.status === 'lukket' ? 'success' : avvik.status === 'ny' ? 'warning' : 'info'}>
          {ta.statuses[avvik.status]}
        </Tag>
        {avvik.severity !== null ? <Tag variant="neutral">{ta.severityShort(avvik.severity)}</Tag> : null}
      </HStack>
      <BodyLong className="avvik-prewrap">{avvik.description}</BodyLong>
      <dl className="avvik-facts">
        <dt>{ta.when}</dt>
        <dd>{dateTime(avvik.occurredAt, locale)}</dd>
        <dt>{ta.place}</dt>
        <dd>{avvik.unitName ?? ta.unknownPlace}</dd>
        {avvik.immediateAction ? (
          <>
            <dt>{ta.immediate}</dt>
            <dd>{avvik.immediateAction}</dd>
          </>
        ) : null}
        <dt>{ta.reporter}</dt>
        <dd>{reporter}</dd>
      </dl>
      {avvik.photos.length > 0 ? (
        <ul className="avvik-photos">
          {avvik.photos.map((p, i) => (
            <li key={p.id}>
              <img src={photoHref(avvik.id, p.id)} alt={ta.photoAlt(i + 1)} />
            </li>
          ))}
        </ul>
      ) : null}
    </VStack>
  );
}

export function AvvikPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const ta = t.avvik;
  const session = useSession();
  const query = useAvvik(id);
  const writes = useAvvikWrites(id);
  const avvik = query.data;
  const handler = avvik?.access === 'handler';
  const open = avvik?.status !== 'lukket';
  return (
    <VStack gap="space-32" paddingBlock="space-24" className="avvik-narrow">
      <PageHeading>
        {avvik ? `${ta.detailTitle}: ${ta.categories[avvik.category]}` : ta.detailTitle}
      </PageHeading>
      {query.isLoading ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {avvik ? (
        <>
          <Facts avvik={avvik} />
          {avvik.closedAt ? (
            <Alert variant="success">
              <VStack gap="space-4">
                <BodyShort>{ta.closedInfo(dateTime(avvik.closedAt, locale))}</BodyShort>
                {avvik.verificationNote ? <BodyShort>{avvik.verificationNote}</BodyShort> : null}
              </VStack>
            </Alert>
          ) : avvik.access === 'reporter' ? (
            <BodyShort>{ta.reporterInfo}</BodyShort>
          ) : null}
          {avvik.serious && handler ? <Alarm avvik={avvik} writes={writes} /> : null}
          {handler && open ? (
            <Section id="avvik-triage" title={ta.triage}>
              <TriageForm avvik={avvik} writes={writes} />
            </Section>
          ) : null}
          {handler ? <Tasks avvik={avvik} writes={writes} /> : null}
          {handler && (isInjuryCategory(avvik.category) || avvik.serious) ? (
            <InjuryForm avvik={avvik} writes={writes} />
          ) : null}
          {handler && avvik.privacy ? <PrivacyForm avvik={avvik} writes={writes} /> : null}
          <TiltakSection avvik={avvik} writes={writes} />
          {handler && open ? <CloseForm avvik={avvik} writes={writes} /> : null}
          {handler && hasAnyRole(session, 'admin', 'hr') ? <LegalHold avvik={avvik} writes={writes} /> : null}
        </>
      ) : null}
    </VStack>
  );
}
