/**
 * One vernerunde (`/risiko/vernerunder/:id`), made for a phone while walking: the checklist by hazard
 * area (large radio targets), findings with photos taken with the camera (made small on the device,
 * metadata gone — `web/src/ui/photo.ts`), «Gjør til risiko og tiltak» in one step, and the sign-off
 * by the round's leader and verneombud.
 */
import {
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
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import {
  CHECK_STATUS_TEXT,
  CHECK_STATUSES,
  type CheckStatus,
  CONSEQUENCE,
  HAZARD_AREA_TEXT,
  HAZARD_AREAS,
  HAZARD_CHECKLIST,
  type HazardArea,
  hazardByKey,
  PROBABILITY,
  ROUND_MAX_PHOTOS,
  SCALE,
} from '../../../../src/domain/risiko/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { resizePhoto } from '../../ui/photo.ts';
import { useOwners } from './api.ts';
import { GeneralError } from './parts.tsx';
import { type Finding, type Round, roundPhotoHref, useRound, useRoundWrites } from './vernerunde.api.ts';
import './risiko.css';

export function VernerundePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const tv = t.vernerunde;
  const round = useRound(id);
  const [message, setMessage] = useState<string | null>(null);
  if (round.isPending) return <Loading />;
  if (round.isError) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24" className="vr-narrow">
      <VStack gap="space-8">
        <Link as={RouterLink} to="/risiko/vernerunder">
          {tv.back}
        </Link>
        <PageHeading>{r.title}</PageHeading>
        <HStack gap="space-8" align="center" wrap>
          <BodyShort>
            {r.unitName} · {tv.plannedOn(formatDate(r.plannedOn))}
          </BodyShort>
          <Tag size="small" variant="moderate" data-color={r.status === 'signert' ? 'success' : 'info'}>
            {tv.statuses[r.status]}
          </Tag>
        </HStack>
        <BodyShort>{tv.people(r.leaderName, r.voName)}</BodyShort>
      </VStack>
      <SuccessMessage>{message}</SuccessMessage>
      <Checklist round={r} onSaved={() => setMessage(tv.checklistSaved)} />
      <Findings round={r} onSaved={setMessage} />
      <SignOff round={r} onSaved={() => setMessage(tv.signed)} />
    </VStack>
  );
}

function Checklist({ round, onSaved }: { round: Round; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const tv = t.vernerunde;
  const writes = useRoundWrites();
  const errors = useFormErrors([]);
  const [answers, setAnswers] = useState<Record<string, CheckStatus | null>>(() =>
    Object.fromEntries(round.checklist.map((p) => [p.key, p.status])),
  );
  const areas = HAZARD_AREAS.filter((a) => round.checklist.some((p) => p.area === a));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    writes.checklist.mutate(
      {
        id: round.id,
        version: round.version,
        points: round.checklist.map((p) => ({ key: p.key, status: answers[p.key] ?? null })),
      },
      { onSuccess: onSaved, onError: (e) => errors.setApiError(e) },
    );
  };
  return (
    <section aria-labelledby="vr-checklist-heading">
      <form noValidate onSubmit={submit}>
        <VStack gap="space-16">
          <Heading level="2" size="medium" id="vr-checklist-heading">
            {tv.checklistHeading}
          </Heading>
          <GeneralError error={errors.apiError} message={errors.general} onReload={() => Promise.resolve()} />
          {areas.map((area) => (
            <VStack key={area} gap="space-12">
              <Heading level="3" size="small">
                {HAZARD_AREA_TEXT[area][locale]}
              </Heading>
              {round.checklist
                .filter((p) => p.area === area)
                .map((p) => (
                  <RadioGroup
                    key={p.key}
                    legend={hazardByKey(p.key)?.text[locale] ?? p.key}
                    value={answers[p.key] ?? ''}
                    readOnly={!round.canEdit}
                    onChange={(value: CheckStatus) => setAnswers((a) => ({ ...a, [p.key]: value }))}
                  >
                    <HStack gap="space-16" wrap>
                      {CHECK_STATUSES.map((s) => (
                        <Radio key={s} value={s}>
                          {CHECK_STATUS_TEXT[s][locale]}
                        </Radio>
                      ))}
                    </HStack>
                  </RadioGroup>
                ))}
            </VStack>
          ))}
          {round.canEdit ? (
            <div>
              <Button type="submit" variant="secondary" loading={writes.checklist.isPending}>
                {tv.checklistSave}
              </Button>
            </div>
          ) : null}
        </VStack>
      </form>
    </section>
  );
}

type Photo = { id: string; blob: Blob; url: string };
const FINDING_KEYS = ['area', 'text', 'severity', 'photo'] as const;

function Findings({ round, onSaved }: { round: Round; onSaved: (message: string) => void }) {
  const tv = useI18n().t.vernerunde;
  const [converting, setConverting] = useState<Finding | null>(null);
  return (
    <section aria-labelledby="vr-findings-heading">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="vr-findings-heading">
          {tv.findingsHeading}
        </Heading>
        {round.findings.length === 0 ? <BodyShort>{tv.noFindings}</BodyShort> : null}
        <ul className="vr-findings">
          {round.findings.map((f) => (
            <FindingItem key={f.id} round={round} finding={f} onConvert={() => setConverting(f)} />
          ))}
        </ul>
        {round.canEdit ? <NewFinding round={round} onSaved={() => onSaved(tv.findingSaved)} /> : null}
      </VStack>
      {converting ? (
        <ToRiskDialog
          round={round}
          finding={converting}
          onClose={() => setConverting(null)}
          onSaved={() => {
            setConverting(null);
            onSaved(tv.toRiskSaved);
          }}
        />
      ) : null}
    </section>
  );
}

function FindingItem({
  round,
  finding,
  onConvert,
}: {
  round: Round;
  finding: Finding;
  onConvert: () => void;
}) {
  const { t, locale } = useI18n();
  const tv = t.vernerunde;
  const level = SCALE.find((s) => s === finding.severity);
  const assessment = round.assessments.find((a) => a.id === finding.assessmentId);
  return (
    <li>
      <Box padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
        <VStack gap="space-8">
          <BodyShort weight="semibold">{HAZARD_AREA_TEXT[finding.area][locale]}</BodyShort>
          <BodyLong className="rk-text">{finding.text}</BodyLong>
          {level ? (
            <BodyShort size="small">{tv.severityOf(level, CONSEQUENCE[level].label[locale])}</BodyShort>
          ) : null}
          {finding.photos.length > 0 ? (
            <ul className="vr-photos">
              {finding.photos.map((p, i) => (
                <li key={p.id}>
                  <img src={roundPhotoHref(round.id, finding.id, p.id)} alt={tv.photoAlt(i + 1)} />
                </li>
              ))}
            </ul>
          ) : null}
          {finding.riskId && finding.assessmentId ? (
            <BodyShort size="small">
              {tv.madeRisk}{' '}
              <Link as={RouterLink} to={`/risiko/${finding.assessmentId}`}>
                {assessment?.title ?? t.nav.risiko}
              </Link>
            </BodyShort>
          ) : round.assessments.length > 0 ? (
            <div>
              <Button
                type="button"
                size="small"
                variant="secondary"
                onClick={onConvert}
                aria-label={tv.toRiskFor(finding.text.slice(0, 80))}
              >
                {tv.toRisk}
              </Button>
            </div>
          ) : null}
        </VStack>
      </Box>
    </li>
  );
}

function NewFinding({ round, onSaved }: { round: Round; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const tv = t.vernerunde;
  const writes = useRoundWrites();
  const errors = useFormErrors(FINDING_KEYS);
  const [area, setArea] = useState<HazardArea | ''>('');
  const [hazardKey, setHazardKey] = useState('');
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);

  const addPhotos = async (files: File[]) => {
    errors.clearField('photo');
    const added: Photo[] = [];
    for (const file of files.slice(0, ROUND_MAX_PHOTOS - photos.length)) {
      try {
        const blob = await resizePhoto(file);
        added.push({ id: crypto.randomUUID(), blob, url: URL.createObjectURL(blob) });
      } catch {
        errors.setFieldErrors({ photo: tv.photoUnsupported });
      }
    }
    setPhotos((current) => [...current, ...added].slice(0, ROUND_MAX_PHOTOS));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (area === '') fields.area = tv.area;
    if (!text.trim()) fields.text = tv.findingTextRequired;
    const level = Number(severity);
    if (!severity) fields.severity = tv.severityRequired;
    if (Object.keys(fields).length > 0 || area === '') {
      errors.setFieldErrors(fields);
      focusFirstError(FINDING_KEYS, fields);
      return;
    }
    errors.clear();
    writes.addFinding.mutate(
      {
        id: round.id,
        finding: { area, hazardKey: hazardKey || null, text: text.trim(), severity: level },
        photos: photos.map((p) => ({ id: p.id, blob: p.blob })),
      },
      {
        onSuccess: () => {
          setArea('');
          setHazardKey('');
          setText('');
          setSeverity('');
          setPhotos([]);
          onSaved();
        },
        onError: (e) => errors.setApiError(e),
      },
    );
  };

  return (
    <Box padding="space-16" borderRadius="8" background="neutral-soft">
      <form noValidate onSubmit={submit} aria-labelledby="vr-new-finding">
        <VStack gap="space-16">
          <Heading level="3" size="small" id="vr-new-finding">
            {tv.newFinding}
          </Heading>
          <GeneralError error={errors.apiError} message={errors.general} onReload={() => Promise.resolve()} />
          <Select
            id={fieldId('area')}
            label={tv.area}
            value={area}
            onChange={(e) => {
              setArea(e.target.value as HazardArea | '');
              setHazardKey('');
              errors.clearField('area');
            }}
            error={errors.fields.area}
          >
            <option value="">{tv.choose}</option>
            {HAZARD_AREAS.map((a) => (
              <option key={a} value={a}>
                {HAZARD_AREA_TEXT[a][locale]}
              </option>
            ))}
          </Select>
          {area ? (
            <Select label={tv.hazard} value={hazardKey} onChange={(e) => setHazardKey(e.target.value)}>
              <option value="">{tv.hazardNone}</option>
              {HAZARD_CHECKLIST.filter((h) => h.area === area).map((h) => (
                <option key={h.key} value={h.key}>
                  {h.text[locale]}
                </option>
              ))}
            </Select>
          ) : null}
          <Textarea
            id={fieldId('text')}
            label={tv.findingText}
            description={tv.findingTextHelp}
            value={text}
            maxLength={2000}
            minRows={3}
            onChange={(e) => {
              setText(e.target.value);
              errors.clearField('text');
            }}
            error={errors.fields.text}
          />
          <Select
            id={fieldId('severity')}
            label={tv.severity}
            value={severity}
            onChange={(e) => {
              setSeverity(e.target.value);
              errors.clearField('severity');
            }}
            error={errors.fields.severity}
          >
            <option value="">{tv.severityChoose}</option>
            {SCALE.map((s) => (
              <option key={s} value={s}>
                {s} – {CONSEQUENCE[s].label[locale]}
              </option>
            ))}
          </Select>
          <VStack gap="space-8">
            <FileUpload.Dropzone
              id={fieldId('photo')}
              label={tv.photos}
              description={tv.photosHelp(ROUND_MAX_PHOTOS)}
              accept="image/*"
              multiple
              disabled={photos.length >= ROUND_MAX_PHOTOS}
              onSelect={(files) => void addPhotos(files.map((f) => f.file))}
              error={errors.fields.photo}
            />
            {photos.length > 0 ? (
              <ul className="vr-photos">
                {photos.map((p, i) => (
                  <li key={p.id}>
                    <img src={p.url} alt={tv.photoAlt(i + 1)} />
                    <Button
                      type="button"
                      size="small"
                      variant="tertiary"
                      onClick={() => {
                        URL.revokeObjectURL(p.url);
                        setPhotos((all) => all.filter((x) => x.id !== p.id));
                      }}
                    >
                      {tv.removePhoto}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </VStack>
          <div>
            <Button type="submit" loading={writes.addFinding.isPending}>
              {tv.findingSave}
            </Button>
          </div>
        </VStack>
      </form>
    </Box>
  );
}

const RISK_KEYS = [
  'assessmentId',
  'title',
  'initial.p',
  'initial.c',
  'tiltak.text',
  'tiltak.ownerUserId',
  'tiltak.due',
] as const;

function ToRiskDialog({
  round,
  finding,
  onClose,
  onSaved,
}: {
  round: Round;
  finding: Finding;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const tv = t.vernerunde;
  const writes = useRoundWrites();
  const owners = useOwners(true);
  const errors = useFormErrors(RISK_KEYS);
  const [form, setForm] = useState({
    assessmentId: round.assessments.length === 1 ? (round.assessments[0]?.id ?? '') : '',
    title:
      (finding.hazardKey ? hazardByKey(finding.hazardKey)?.text[locale] : undefined) ??
      finding.text.slice(0, 300),
    p: '',
    c: String(finding.severity),
    withTiltak: true,
    text: '',
    ownerUserId: '',
    due: '',
  });
  const set = (key: keyof typeof form, value: string, errorKey: string = key) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(errorKey);
  };
  const submit = () => {
    const fields: FieldErrors = {};
    if (!form.assessmentId) fields.assessmentId = tv.assessmentRequired;
    if (!form.title.trim()) fields.title = tv.riskTitleRequired;
    if (!form.p) fields['initial.p'] = tv.scoreRequired;
    if (!form.c) fields['initial.c'] = tv.scoreRequired;
    if (form.withTiltak) {
      if (!form.text.trim()) fields['tiltak.text'] = tv.tiltakTextRequired;
      if (!form.ownerUserId) fields['tiltak.ownerUserId'] = tv.ownerRequired;
      if (!form.due || form.due === INVALID_DATE) fields['tiltak.due'] = tv.dueRequired;
    }
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(RISK_KEYS, fields);
      return;
    }
    errors.clear();
    writes.toRisk.mutate(
      {
        id: round.id,
        findingId: finding.id,
        assessmentId: form.assessmentId,
        title: form.title.trim(),
        initial: { p: Number(form.p), c: Number(form.c) },
        tiltak: form.withTiltak
          ? { text: form.text.trim(), ownerUserId: form.ownerUserId, due: form.due }
          : null,
      },
      { onSuccess: onSaved, onError: (e) => errors.setApiError(e) },
    );
  };
  return (
    <FormDialog
      heading={tv.toRiskHeading}
      formId="vr-risk-form"
      confirm={tv.toRiskSave}
      pending={writes.toRisk.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={() => owners.refetch()} />
      <Select
        id={fieldId('assessmentId')}
        label={tv.assessment}
        value={form.assessmentId}
        onChange={(e) => set('assessmentId', e.target.value)}
        error={errors.fields.assessmentId}
      >
        <option value="">{tv.assessmentChoose}</option>
        {round.assessments.map((a) => (
          <option key={a.id} value={a.id}>
            {a.title}
          </option>
        ))}
      </Select>
      <TextField
        id={fieldId('title')}
        label={tv.riskTitle}
        value={form.title}
        maxLength={300}
        onChange={(e) => set('title', e.target.value)}
        error={errors.fields.title}
      />
      <HStack gap="space-16" wrap>
        <Select
          id={fieldId('initial.p')}
          label={tv.probability}
          value={form.p}
          onChange={(e) => set('p', e.target.value, 'initial.p')}
          error={errors.fields['initial.p']}
        >
          <option value="">{tv.choose}</option>
          {SCALE.map((s) => (
            <option key={s} value={s}>
              {s} – {PROBABILITY[s].label[locale]}
            </option>
          ))}
        </Select>
        <Select
          id={fieldId('initial.c')}
          label={tv.consequence}
          value={form.c}
          onChange={(e) => set('c', e.target.value, 'initial.c')}
          error={errors.fields['initial.c']}
        >
          <option value="">{tv.choose}</option>
          {SCALE.map((s) => (
            <option key={s} value={s}>
              {s} – {CONSEQUENCE[s].label[locale]}
            </option>
          ))}
        </Select>
      </HStack>
      <Checkbox
        checked={form.withTiltak}
        onChange={(e) => setForm((f) => ({ ...f, withTiltak: e.target.checked }))}
      >
        {tv.withTiltak}
      </Checkbox>
      {form.withTiltak ? (
        <>
          <Textarea
            id={fieldId('tiltak.text')}
            label={tv.tiltakText}
            value={form.text}
            maxLength={1000}
            minRows={2}
            onChange={(e) => set('text', e.target.value, 'tiltak.text')}
            error={errors.fields['tiltak.text']}
          />
          <Select
            id={fieldId('tiltak.ownerUserId')}
            label={tv.owner}
            value={form.ownerUserId}
            onChange={(e) => set('ownerUserId', e.target.value, 'tiltak.ownerUserId')}
            error={errors.fields['tiltak.ownerUserId']}
          >
            <option value="">{tv.ownerChoose}</option>
            {(owners.data?.items ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
          <DateField
            id={fieldId('tiltak.due')}
            label={tv.due}
            value={form.due}
            onChange={(v) => set('due', v, 'tiltak.due')}
            error={errors.fields['tiltak.due']}
          />
        </>
      ) : null}
    </FormDialog>
  );
}

function SignOff({ round, onSaved }: { round: Round; onSaved: () => void }) {
  const tv = useI18n().t.vernerunde;
  const writes = useRoundWrites();
  const [error, setError] = useState<unknown>(null);
  const line = (name: string, date: string | null) =>
    date ? tv.signedBy(name, formatDate(date)) : tv.notSigned(name);
  return (
    <section aria-labelledby="vr-sign-heading">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="vr-sign-heading">
          {tv.signHeading}
        </Heading>
        <BodyLong className="rk-prose">{tv.signIntro}</BodyLong>
        <BodyShort>{line(round.leaderName, round.leaderSignedOn)}</BodyShort>
        <BodyShort>{line(round.voName, round.voSignedOn)}</BodyShort>
        {error ? <ErrorAlert error={error} /> : null}
        <HStack gap="space-12" wrap>
          {round.canSignAs.map((as) => (
            <Button
              key={as}
              type="button"
              loading={writes.sign.isPending}
              onClick={() => {
                setError(null);
                writes.sign.mutate(
                  { id: round.id, version: round.version },
                  { onSuccess: onSaved, onError: setError },
                );
              }}
            >
              {as === 'leder' ? tv.signAsLeader : tv.signAsVo}
            </Button>
          ))}
        </HStack>
      </VStack>
    </section>
  );
}
