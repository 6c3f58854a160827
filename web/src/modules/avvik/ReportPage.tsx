/**
 * «Meld avvik» (`/avvik/ny`, everyone with a login): a form made for a phone — a simple near miss
 * takes category, what happened, where and «Send» (date and time are filled in with now). Photos are
 * made small on the device (web/src/ui/photo.ts, EXIF with the location dropped). The report's id is
 * made here, once per report, so a send repeated after a lost answer is a no-op on the server.
 * `?sted=<unit id>` (a QR code on the workplace) picks the place.
 */
import {
  Alert,
  BodyLong,
  Button,
  Checkbox,
  FileUpload,
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
import { Link as RouterLink, useSearchParams } from 'react-router';
import { AVVIK_CATEGORIES, type AvvikCategory, MAX_PHOTOS } from '../../../../src/domain/avvik/index.ts';
import { useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { resizePhoto } from '../../ui/photo.ts';
import { type Avvik, usePlaces, useReport } from './api.ts';
import { isOffline, queueReport, useOutbox } from './outbox.ts';
import './avvik.css';

const KEYS = ['category', 'description', 'unitId', 'occurredAt', 'immediateAction', 'photo'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const nowTime = () => {
  const d = new Date();
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

type Photo = { id: string; blob: Blob; url: string };

export function ReportPage() {
  const { t } = useI18n();
  const ta = t.avvik;
  const [params] = useSearchParams();
  const places = usePlaces();
  const report = useReport();
  const errors = useFormErrors(KEYS);
  const [id, setId] = useState(() => crypto.randomUUID());
  const [category, setCategory] = useState<AvvikCategory | ''>('');
  const [description, setDescription] = useState('');
  const qrPlace = params.get('sted');
  const [unitId, setUnitId] = useState(qrPlace ?? '');
  const [date, setDate] = useState(todayIso());
  const [time, setTime] = useState(nowTime());
  const [immediate, setImmediate] = useState('');
  const [personalData, setPersonalData] = useState<'ja' | 'nei'>('nei');
  const [anonymous, setAnonymous] = useState(false);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [sent, setSent] = useState<Avvik | null>(null);
  const [queued, setQueued] = useState(false);
  const session = useSession();
  const userId = session.user?.id ?? null;
  const organisationId = session.organisation?.id ?? null;
  const outbox = useOutbox(userId, organisationId);

  const reset = () => {
    for (const p of photos) URL.revokeObjectURL(p.url);
    setId(crypto.randomUUID());
    setCategory('');
    setDescription('');
    setImmediate('');
    setPersonalData('nei');
    setAnonymous(false);
    setPhotos([]);
    setDate(todayIso());
    setTime(nowTime());
    setSent(null);
    setQueued(false);
    errors.clear();
  };

  const addPhotos = async (files: File[]) => {
    errors.clearField('photo');
    const added: Photo[] = [];
    for (const file of files.slice(0, MAX_PHOTOS - photos.length)) {
      try {
        const blob = await resizePhoto(file);
        added.push({ id: crypto.randomUUID(), blob, url: URL.createObjectURL(blob) });
      } catch {
        errors.setFieldErrors({ photo: ta.photoUnsupported });
      }
    }
    setPhotos((current) => [...current, ...added].slice(0, MAX_PHOTOS));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (category === '' || category === 'mulig-varsling') fields.category = t.avvik.category;
    if (description.trim() === '') fields.description = ta.descriptionRequired;
    if (unitId === '') fields.unitId = ta.placeRequired;
    const occurred = date && date !== INVALID_DATE ? new Date(`${date}T${time || '00:00'}`) : null;
    if (!occurred || Number.isNaN(occurred.getTime())) fields.occurredAt = ta.whenRequired;
    else if (occurred.getTime() > Date.now() + 60_000) fields.occurredAt = ta.whenFuture;
    if (Object.keys(fields).length > 0 || !occurred || category === '' || category === 'mulig-varsling') {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    const input = {
      report: {
        id,
        category,
        description,
        unitId,
        occurredAt: occurred.toISOString(),
        immediateAction: immediate,
        personalData: personalData === 'ja',
        anonymous,
      },
      photos: photos.map((p) => ({ id: p.id, blob: p.blob })),
    };
    report.mutate(input, {
      onSuccess: (saved) => setSent(saved),
      onError: (error) => {
        // No network: keep it on the device and send it when the network returns.
        if (isOffline(error) && userId && organisationId) {
          void queueReport({
            ...input,
            id: input.report.id,
            userId,
            organisationId,
            queuedAt: new Date().toISOString(),
          })
            .then(() => outbox.refresh())
            .then(() => setQueued(true));
        } else errors.setApiError(error);
      },
    });
  };

  if (queued) {
    return (
      <VStack gap="space-24" paddingBlock="space-24" className="avvik-narrow">
        <PageHeading>{ta.reportTitle}</PageHeading>
        <Alert variant="info" role="status">
          {outbox.pending > 0 ? ta.waiting(outbox.pending) : ta.sentLater}
        </Alert>
        <div>
          <Button variant="secondary" type="button" onClick={reset}>
            {ta.newReport}
          </Button>
        </div>
      </VStack>
    );
  }

  if (sent) {
    return (
      <VStack gap="space-24" paddingBlock="space-24" className="avvik-narrow">
        <PageHeading>{ta.reportTitle}</PageHeading>
        <Alert variant="success" role="status">
          {ta.sent}
        </Alert>
        <HStack gap="space-16" wrap>
          <Link as={RouterLink} to={`/avvik/${sent.id}`}>
            {ta.seeReport}
          </Link>
          <Button variant="secondary" type="button" onClick={reset}>
            {ta.newReport}
          </Button>
        </HStack>
      </VStack>
    );
  }

  return (
    <VStack gap="space-24" paddingBlock="space-24" className="avvik-narrow">
      <VStack gap="space-8">
        <PageHeading>{ta.reportTitle}</PageHeading>
        <BodyLong>{ta.reportIntro}</BodyLong>
      </VStack>
      <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
      {errors.general ? <ErrorAlert error={errors.apiError ?? new Error(errors.general)} /> : null}
      <form onSubmit={submit} noValidate>
        <VStack gap="space-24">
          <RadioGroup
            legend={ta.category}
            id={fieldId('category')}
            value={category}
            onChange={(value: AvvikCategory) => {
              setCategory(value);
              errors.clearField('category');
            }}
            error={errors.fields.category}
          >
            {AVVIK_CATEGORIES.map((c) => (
              <Radio key={c} value={c}>
                {ta.categories[c]}
              </Radio>
            ))}
          </RadioGroup>
          {category === 'mulig-varsling' ? (
            <Alert variant="info">
              <VStack gap="space-8">
                <BodyLong>{ta.varslingHint}</BodyLong>
                <Link as={RouterLink} to="/varsling">
                  {ta.varslingLink}
                </Link>
              </VStack>
            </Alert>
          ) : null}
          <Textarea
            id={fieldId('description')}
            label={ta.description}
            description={ta.descriptionHelp}
            value={description}
            maxLength={4000}
            minRows={3}
            onChange={(e) => {
              setDescription(e.target.value);
              errors.clearField('description');
            }}
            error={errors.fields.description}
          />
          <Select
            id={fieldId('unitId')}
            label={ta.place}
            value={unitId}
            onChange={(e) => {
              setUnitId(e.target.value);
              errors.clearField('unitId');
            }}
            error={errors.fields.unitId}
          >
            <option value="">{ta.placeNone}</option>
            {/* Offline without a kept places list, the QR code's place is still a valid choice (the
                server checks it belongs to the organisation when the report is sent). */}
            {qrPlace && !(places.data?.units ?? []).some((u) => u.id === qrPlace) ? (
              <option value={qrPlace}>{ta.placeFromQr}</option>
            ) : null}
            {(places.data?.units ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
          <HStack gap="space-16" wrap align="start">
            <DateField
              id={fieldId('occurredAt')}
              label={ta.when}
              value={date}
              onChange={(v) => {
                setDate(v);
                errors.clearField('occurredAt');
              }}
              error={errors.fields.occurredAt}
            />
            <TextField
              id="avvik-time"
              label={ta.time}
              type="time"
              value={time}
              onChange={(e) => setTime(e.target.value)}
              htmlSize={8}
            />
          </HStack>
          <Textarea
            id={fieldId('immediateAction')}
            label={ta.immediate}
            value={immediate}
            maxLength={2000}
            minRows={2}
            onChange={(e) => setImmediate(e.target.value)}
            error={errors.fields.immediateAction}
          />
          <RadioGroup
            legend={ta.personalData}
            description={ta.personalDataHelp}
            value={personalData}
            onChange={(v: 'ja' | 'nei') => setPersonalData(v)}
          >
            <HStack gap="space-24">
              <Radio value="ja">{ta.yes}</Radio>
              <Radio value="nei">{ta.no}</Radio>
            </HStack>
          </RadioGroup>
          <VStack gap="space-8">
            <FileUpload.Dropzone
              id={fieldId('photo')}
              label={ta.photos}
              description={ta.photosHelp(MAX_PHOTOS)}
              accept="image/*"
              multiple
              disabled={photos.length >= MAX_PHOTOS}
              onSelect={(files) => void addPhotos(files.map((f) => f.file))}
              error={errors.fields.photo}
            />
            {photos.length > 0 ? (
              <ul className="avvik-photos">
                {photos.map((p, i) => (
                  <li key={p.id}>
                    <img src={p.url} alt={ta.photoAlt(i + 1)} />
                    <Button
                      type="button"
                      size="small"
                      variant="tertiary"
                      onClick={() => {
                        URL.revokeObjectURL(p.url);
                        setPhotos((all) => all.filter((x) => x.id !== p.id));
                      }}
                    >
                      {ta.removePhoto}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </VStack>
          <Checkbox
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
            description={ta.anonymousHelp}
          >
            {ta.anonymous}
          </Checkbox>
          <div>
            <Button type="submit" loading={report.isPending} disabled={category === 'mulig-varsling'}>
              {ta.send}
            </Button>
          </div>
        </VStack>
      </form>
    </VStack>
  );
}
