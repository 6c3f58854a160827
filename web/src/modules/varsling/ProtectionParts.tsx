/**
 * The handler's tools on one case: the gjengjeldelse checklist (aml § 2 A-3 (2), § 2 A-4), handing
 * the case to the avvik module, a personal-data breach's 72 hours (GDPR art. 33), legal hold, and
 * adding evidence. Each form sends the version the handler saw; the server answers the fresh case.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Checkbox,
  FileUpload,
  Heading,
  HStack,
  Link,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { HANDOVER_CATEGORIES } from '../../../../src/contracts/varsling/varsling.schemas.ts';
import {
  RETALIATION_AREA_LABELS,
  RETALIATION_AREAS,
  type RetaliationArea,
  type RetaliationFinding,
} from '../../../../src/domain/varsling/protection.ts';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { dateTime, formatDate } from '../../ui/format.ts';
import { WriteError } from '../../ui/WriteFeedback.tsx';
import {
  type CaseActionName,
  type CaseView,
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_BYTES,
  useCaseAction,
  useHandlerUpload,
} from './api.ts';
import { fill } from './parts.tsx';

type Props = { view: CaseView; onReload: () => Promise<unknown> };

function useAction(view: CaseView, keys: readonly string[]) {
  const action = useCaseAction(view.id);
  const errors = useFormErrors(keys);
  const [done, setDone] = useState(false);
  const run = (name: CaseActionName, body: Record<string, unknown>, after?: () => void) => {
    setDone(false);
    errors.clear();
    action.mutate(
      { action: name, body: { version: view.version, ...body } },
      {
        onSuccess: () => {
          setDone(true);
          after?.();
        },
        onError: (error) => errors.setApiError(error),
      },
    );
  };
  return { action, errors, done, run };
}

// Keys are prefixed: several forms share the case page, and ids must be unique. A server path
// (`reason`) still finds its field (`gjengjeldelse.reason`) by its last part.
const RETALIATION_KEYS = [
  'gjengjeldelse.area',
  'gjengjeldelse.finding',
  'gjengjeldelse.changedOn',
  'gjengjeldelse.decidedBy',
  'gjengjeldelse.reason',
  'gjengjeldelse.note',
] as const;

export function RetaliationSection({ view, onReload }: Props) {
  const { t, locale } = useI18n();
  const v = t.varsling;
  const { action, errors, done, run } = useAction(view, RETALIATION_KEYS);
  const [area, setArea] = useState<RetaliationArea | ''>('');
  const [finding, setFinding] = useState<RetaliationFinding | ''>('');
  const [changedOn, setChangedOn] = useState('');
  const [decidedBy, setDecidedBy] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const closed = view.closedOn !== null;
  const findingLabel: Record<RetaliationFinding, string> = {
    'ingen-endring': v.findingIngenEndring,
    endret: v.findingEndret,
    'ikke-kjent': v.findingIkkeKjent,
  };
  const latest = new Map(view.retaliation.entries.map((e) => [e.area, e]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (area === '') fields['gjengjeldelse.area'] = v.retaliationChooseArea;
    if (finding === '') fields['gjengjeldelse.finding'] = v.retaliationFinding;
    if (finding === 'endret') {
      if (changedOn === '' || changedOn === INVALID_DATE) fields['gjengjeldelse.changedOn'] = v.changedOn;
      if (decidedBy.trim() === '') fields['gjengjeldelse.decidedBy'] = v.decidedBy;
      if (reason.trim() === '') fields['gjengjeldelse.reason'] = v.changeReason;
    }
    if (Object.keys(fields).length > 0 || area === '' || finding === '') {
      errors.setFieldErrors(fields);
      focusFirstError(RETALIATION_KEYS, fields);
      return;
    }
    const changed = finding === 'endret';
    run(
      'gjengjeldelse',
      {
        area,
        finding,
        changedOn: changed ? changedOn : null,
        decidedBy: changed ? decidedBy : '',
        reason: changed ? reason : '',
        note,
      },
      () => {
        setArea('');
        setFinding('');
        setChangedOn('');
        setDecidedBy('');
        setReason('');
        setNote('');
      },
    );
  };

  return (
    <section aria-labelledby="gjengjeldelse">
      <VStack gap="space-16">
        <Heading level="2" size="small" id="gjengjeldelse">
          {v.retaliationTitle}
        </Heading>
        <BodyLong size="small">{v.retaliationIntro}</BodyLong>
        <Heading level="3" size="xsmall">
          {v.retaliationStatus}
        </Heading>
        <ul className="varsling-list">
          {RETALIATION_AREAS.map((a) => {
            const entry = latest.get(a);
            return (
              <li key={a}>
                <BodyShort>
                  <strong>{RETALIATION_AREA_LABELS[a][locale]}</strong>:{' '}
                  {entry ? findingLabel[entry.finding] : v.retaliationNotAssessed}
                </BodyShort>
                {entry && entry.finding === 'endret' ? (
                  <BodyShort size="small" className="varsling-text">
                    {fill(v.retaliationChange, {
                      date: formatDate(entry.changedOn),
                      by: entry.decidedBy,
                      reason: entry.reason,
                    })}
                  </BodyShort>
                ) : null}
              </li>
            );
          })}
        </ul>
        {view.retaliation.checkedOn ? (
          <BodyShort>
            {fill(v.retaliationCheckedOn, { date: formatDate(view.retaliation.checkedOn) })}
          </BodyShort>
        ) : null}
        {action.isError && errors.general ? (
          <WriteError error={action.error} onReload={onReload} reloadLabel={v.reload} />
        ) : null}
        {done ? <SuccessMessage>{v.saved}</SuccessMessage> : null}
        {!closed ? (
          <form onSubmit={submit} noValidate aria-labelledby="gjengjeldelse-ny">
            <VStack gap="space-12" align="start">
              <Heading level="3" size="xsmall" id="gjengjeldelse-ny">
                {v.retaliationSave}
              </Heading>
              <FormErrorSummary errors={errors.fields} order={RETALIATION_KEYS} attempt={errors.attempt} />
              <Select
                id={fieldId('gjengjeldelse.area')}
                label={v.retaliationArea}
                value={area}
                onChange={(e) => setArea(RETALIATION_AREAS.find((a) => a === e.target.value) ?? '')}
                error={errors.fields['gjengjeldelse.area']}
              >
                <option value="">{v.retaliationChooseArea}</option>
                {RETALIATION_AREAS.map((a) => (
                  <option key={a} value={a}>
                    {RETALIATION_AREA_LABELS[a][locale]}
                  </option>
                ))}
              </Select>
              <RadioGroup
                id={fieldId('gjengjeldelse.finding')}
                legend={v.retaliationFinding}
                value={finding}
                onChange={(value: RetaliationFinding) => setFinding(value)}
                error={errors.fields['gjengjeldelse.finding']}
              >
                <Radio value="ingen-endring">{v.findingIngenEndring}</Radio>
                <Radio value="endret">{v.findingEndret}</Radio>
                <Radio value="ikke-kjent">{v.findingIkkeKjent}</Radio>
              </RadioGroup>
              {finding === 'endret' ? (
                <>
                  <DateField
                    id={fieldId('gjengjeldelse.changedOn')}
                    label={v.changedOn}
                    value={changedOn}
                    onChange={setChangedOn}
                    error={errors.fields['gjengjeldelse.changedOn']}
                  />
                  <TextField
                    id={fieldId('gjengjeldelse.decidedBy')}
                    label={v.decidedBy}
                    value={decidedBy}
                    onChange={(e) => setDecidedBy(e.target.value)}
                    error={errors.fields['gjengjeldelse.decidedBy']}
                    maxLength={200}
                  />
                  <Textarea
                    id={fieldId('gjengjeldelse.reason')}
                    label={v.changeReason}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    error={errors.fields['gjengjeldelse.reason']}
                    maxLength={2000}
                  />
                </>
              ) : null}
              <Textarea
                id={fieldId('gjengjeldelse.note')}
                label={v.retaliationNote}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                error={errors.fields['gjengjeldelse.note']}
                maxLength={2000}
              />
              <Button type="submit" variant="secondary" loading={action.isPending}>
                {v.retaliationSave}
              </Button>
            </VStack>
          </form>
        ) : null}
        {!closed && view.retaliation.checkedOn === null ? (
          <div>
            <Button type="button" loading={action.isPending} onClick={() => run('gjengjeldelse/ferdig', {})}>
              {v.retaliationMarkDone}
            </Button>
          </div>
        ) : null}
        {view.retaliation.entries.length > 0 ? (
          <details>
            <summary>{v.retaliationHistory}</summary>
            <ul className="varsling-list">
              {view.retaliation.entries.map((e) => (
                <li key={e.id}>
                  <BodyShort size="small">
                    {fill(v.retaliationRecorded, {
                      date: formatDate(e.recordedOn),
                      who: e.recordedBy ?? '–',
                    })}
                    : {RETALIATION_AREA_LABELS[e.area][locale]} – {findingLabel[e.finding]}
                    {e.note ? ` (${e.note})` : ''}
                  </BodyShort>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </VStack>
    </section>
  );
}

const HANDOVER_KEYS = ['avvik.category', 'avvik.description', 'avvik.includeReporter'] as const;

export function HandoverSection({ view, onReload }: Props) {
  const v = useT().varsling;
  const { action, errors, done, run } = useAction(view, HANDOVER_KEYS);
  const [category, setCategory] = useState<(typeof HANDOVER_CATEGORIES)[number] | ''>('');
  const [description, setDescription] = useState('');
  const [includeReporter, setIncludeReporter] = useState(false);
  const label = {
    hms: v.handoverHms,
    ruh: v.handoverRuh,
    miljo: v.handoverMiljo,
    kvalitet: v.handoverKvalitet,
  };
  if (view.outcome !== 'avvik') return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (category === '') fields['avvik.category'] = v.handoverCategory;
    if (description.trim() === '') fields['avvik.description'] = v.textRequired;
    if (Object.keys(fields).length > 0 || category === '') {
      errors.setFieldErrors(fields);
      focusFirstError(HANDOVER_KEYS, fields);
      return;
    }
    run('avvik', { category, description, includeReporter });
  };
  return (
    <section aria-labelledby="til-avvik">
      <VStack gap="space-12" align="start">
        <Heading level="2" size="small" id="til-avvik">
          {v.handoverTitle}
        </Heading>
        {done ? <SuccessMessage>{v.handoverDone}</SuccessMessage> : null}
        {view.avvikId ? (
          <Link as={RouterLink} to={`/avvik/${view.avvikId}`}>
            {v.openAvvik}
          </Link>
        ) : (
          <form onSubmit={submit} noValidate>
            <VStack gap="space-12" align="start">
              <BodyShort>{v.handoverHelp}</BodyShort>
              <FormErrorSummary errors={errors.fields} order={HANDOVER_KEYS} attempt={errors.attempt} />
              {action.isError && errors.general ? (
                <WriteError error={action.error} onReload={onReload} reloadLabel={v.reload} />
              ) : null}
              <Select
                id={fieldId('avvik.category')}
                label={v.handoverCategory}
                value={category}
                onChange={(e) => setCategory(HANDOVER_CATEGORIES.find((c) => c === e.target.value) ?? '')}
                error={errors.fields['avvik.category']}
              >
                <option value="">{v.chooseCategory}</option>
                {HANDOVER_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {label[c]}
                  </option>
                ))}
              </Select>
              <Textarea
                id={fieldId('avvik.description')}
                label={v.handoverDescription}
                description={v.notAboutHealth}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                error={errors.fields['avvik.description']}
                maxLength={4000}
              />
              {view.channel === 'innlogget' ? (
                <Checkbox
                  id={fieldId('avvik.includeReporter')}
                  checked={includeReporter}
                  onChange={(e) => setIncludeReporter(e.target.checked)}
                  error={Boolean(errors.fields['avvik.includeReporter'])}
                >
                  {v.includeReporter}
                </Checkbox>
              ) : null}
              <Button type="submit" variant="secondary" loading={action.isPending}>
                {v.handoverSend}
              </Button>
            </VStack>
          </form>
        )}
      </VStack>
    </section>
  );
}

const BREACH_KEYS = ['personvern.awareAt', 'personvern.description'] as const;

export function BreachSection({ view, onReload }: Props) {
  const { t, locale } = useI18n();
  const v = t.varsling;
  const { action, errors, done, run } = useAction(view, BREACH_KEYS);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [description, setDescription] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    const aware = date && date !== INVALID_DATE ? new Date(`${date}T${time || '00:00'}`) : null;
    if (!aware || Number.isNaN(aware.getTime())) fields['personvern.awareAt'] = v.breachAwareRequired;
    else if (aware.getTime() > Date.now() + 60_000) fields['personvern.awareAt'] = v.breachFuture;
    if (description.trim() === '') fields['personvern.description'] = v.textRequired;
    if (Object.keys(fields).length > 0 || !aware) {
      errors.setFieldErrors(fields);
      focusFirstError(BREACH_KEYS, fields);
      return;
    }
    run('personvern', { awareAt: aware.toISOString(), description });
  };
  const b = view.breach;
  return (
    <section aria-labelledby="personvern">
      <VStack gap="space-12" align="start">
        <Heading level="2" size="small" id="personvern">
          {v.breachTitle}
        </Heading>
        <BodyShort size="small">{v.breachHelp}</BodyShort>
        {done ? <SuccessMessage>{v.saved}</SuccessMessage> : null}
        {action.isError && errors.general ? (
          <WriteError error={action.error} onReload={onReload} reloadLabel={v.reload} />
        ) : null}
        {b ? (
          <VStack gap="space-8" align="start">
            <Alert variant={b.decidedOn ? 'success' : 'warning'} size="small">
              {fill(v.breachDeadline, { time: dateTime(b.notifyBy, locale) })} ({v.lovkrav})
            </Alert>
            <Link as={RouterLink} to={`/avvik/${b.avvikId}`}>
              {v.openAvvik}
            </Link>
            {b.decidedOn ? (
              <BodyShort>{fill(v.breachDecided, { date: formatDate(b.decidedOn) })}</BodyShort>
            ) : (
              <Button
                type="button"
                variant="secondary"
                loading={action.isPending}
                onClick={() => run('personvern/avgjort', {})}
              >
                {v.breachDecide}
              </Button>
            )}
          </VStack>
        ) : (
          <form onSubmit={submit} noValidate>
            <VStack gap="space-12" align="start">
              <FormErrorSummary errors={errors.fields} order={BREACH_KEYS} attempt={errors.attempt} />
              <HStack gap="space-16" wrap align="start">
                <DateField
                  id={fieldId('personvern.awareAt')}
                  label={v.breachAwareDate}
                  value={date}
                  onChange={setDate}
                  error={errors.fields['personvern.awareAt']}
                />
                <TextField
                  id="varsling-breach-time"
                  type="time"
                  label={v.breachAwareTime}
                  value={time}
                  onChange={(e) => setTime(e.target.value)}
                  htmlSize={8}
                />
              </HStack>
              <Textarea
                id={fieldId('personvern.description')}
                label={v.breachDescription}
                description={v.notAboutHealth}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                error={errors.fields['personvern.description']}
                maxLength={4000}
              />
              <Button type="submit" variant="secondary" loading={action.isPending}>
                {v.breachStart}
              </Button>
            </VStack>
          </form>
        )}
      </VStack>
    </section>
  );
}

export function LegalHoldSection({ view, onReload }: Props) {
  const v = useT().varsling;
  const { action, errors, done, run } = useAction(view, ['hold.reason']);
  const [reason, setReason] = useState('');
  const hold = view.legalHold;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      errors.setFieldErrors({ 'hold.reason': v.textRequired });
      document.getElementById(fieldId('hold.reason'))?.focus();
      return;
    }
    run('rettslig-hold', { hold: true, reason }, () => setReason(''));
  };
  return (
    <section aria-labelledby="rettslig-hold">
      <VStack gap="space-12" align="start">
        <Heading level="2" size="small" id="rettslig-hold">
          {v.holdTitle}
        </Heading>
        <BodyShort size="small">{v.holdHelp}</BodyShort>
        {done ? <SuccessMessage>{v.saved}</SuccessMessage> : null}
        {action.isError && errors.general ? (
          <WriteError error={action.error} onReload={onReload} reloadLabel={v.reload} />
        ) : null}
        {hold ? (
          <>
            <BodyShort className="varsling-text">
              {fill(v.holdActive, { date: formatDate(hold.since), by: hold.by ?? '–', reason: hold.reason })}
            </BodyShort>
            <Button
              type="button"
              variant="secondary"
              loading={action.isPending}
              onClick={() => run('rettslig-hold', { hold: false })}
            >
              {v.holdRelease}
            </Button>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <VStack gap="space-8" align="start">
              <BodyShort>{v.holdNone}</BodyShort>
              <Textarea
                id={fieldId('hold.reason')}
                label={v.holdReason}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={errors.fields['hold.reason']}
                maxLength={1000}
              />
              <Button type="submit" variant="secondary" loading={action.isPending}>
                {v.holdSet}
              </Button>
            </VStack>
          </form>
        )}
      </VStack>
    </section>
  );
}

export function HandlerUpload({ view }: { view: CaseView }) {
  const v = useT().varsling;
  const upload = useHandlerUpload(view.id);
  const [rejected, setRejected] = useState(false);
  const [sent, setSent] = useState(false);
  if (view.closedOn !== null) return null;
  return (
    <Box paddingBlock="space-8">
      <VStack gap="space-8">
        <FileUpload.Dropzone
          id={fieldId('handlerFil')}
          label={v.handlerFile}
          description={v.handlerFileHelp}
          accept={EVIDENCE_ACCEPT}
          maxSizeInBytes={EVIDENCE_MAX_BYTES}
          multiple={false}
          onSelect={(_files, { accepted, rejected: refused }) => {
            setSent(false);
            setRejected(refused.length > 0 && accepted.length === 0);
            const file = accepted[0];
            if (file) upload.mutate(file, { onSuccess: () => setSent(true) });
          }}
          error={rejected ? v.fileRejected : undefined}
        />
        {upload.isPending ? <Loading /> : null}
        {upload.isError ? <ErrorAlert error={upload.error} /> : null}
        {sent ? <SuccessMessage>{v.fileSent}</SuccessMessage> : null}
      </VStack>
    </Box>
  );
}
