/**
 * One product of the stoffkartotek (`/risiko/stoffkartotek/:id`): what it is, where it is used, its
 * safety data sheets (PDF, every revision kept; FUA § 2-1, § 2-2), and for a CMR product the
 * exposure register (FUA § 31-1): editors change the product, register exposed employees and end
 * an exposure; the retention runs from the end date and the register is never deleted — the page
 * offers no «Slett» for a row (the API answers 409 with the rule).
 */
import {
  Alert,
  BodyShort,
  Box,
  Button,
  FileUpload,
  Heading,
  HStack,
  Link,
  Select,
  Table,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { GeneralError, ScrollRegion } from './parts.tsx';
import {
  CmrTags,
  checkProduct,
  PRODUCT_KEYS,
  ProductFields,
  type ProductForm,
  productBody,
} from './StoffkartotekPage.tsx';
import { type Exposure, type Product, sdsHref, useProduct, useStoffWrites } from './stoff.api.ts';
import './risiko.css';

export function ProduktPage() {
  const { id = '' } = useParams();
  const ts = useI18n().t.stoff;
  const product = useProduct(id);
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Exposure | null>(null);
  const [editing, setEditing] = useState(false);
  if (product.isPending) return <Loading />;
  if (product.isError) return <ErrorAlert error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data;
  const latest = p.sds[0];
  return (
    <VStack gap="space-24" paddingBlock="space-24" className="vr-narrow">
      <VStack gap="space-8">
        <Link as={RouterLink} to="/risiko/stoffkartotek">
          {ts.back}
        </Link>
        <PageHeading>{p.name}</PageHeading>
        <BodyShort>
          {p.supplier} · {p.unitName}
          {p.location ? ` · ${p.location}` : ''}
        </BodyShort>
      </VStack>
      <SuccessMessage>{message}</SuccessMessage>
      <section aria-labelledby="st-details-heading">
        <VStack gap="space-8">
          <Heading level="2" size="medium" id="st-details-heading">
            {ts.details}
          </Heading>
          {p.useText ? <BodyShort className="rk-text">{p.useText}</BodyShort> : null}
          {p.hazardText ? <BodyShort className="rk-text">{p.hazardText}</BodyShort> : null}
          <div>{p.cmr.length > 0 ? <CmrTags kinds={p.cmr} /> : <BodyShort>{ts.cmrNone}</BodyShort>}</div>
          {p.assessmentId ? (
            <BodyShort>
              {ts.linkedAssessment}:{' '}
              <Link as={RouterLink} to={`/risiko/${p.assessmentId}`}>
                {p.assessmentTitle}
              </Link>
            </BodyShort>
          ) : null}
          {p.supplierRevision ? (
            <BodyShort>{ts.supplierRevisionShown(formatDate(p.supplierRevision))}</BodyShort>
          ) : null}
          {p.canEdit ? (
            <div>
              <Button
                type="button"
                size="small"
                variant="secondary"
                onClick={() => {
                  setMessage(null);
                  setEditing(true);
                }}
              >
                {ts.editProduct}
              </Button>
            </div>
          ) : null}
        </VStack>
      </section>
      <section aria-labelledby="st-sds-heading">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="st-sds-heading">
            {ts.sdsHeading}
          </Heading>
          {p.sdsState === 'mangler' ? <Alert variant="warning">{ts.sdsMissing}</Alert> : null}
          {p.sdsState === 'utdatert' && p.supplierRevision ? (
            <Alert variant="warning">{ts.sdsOutdated(formatDate(p.supplierRevision))}</Alert>
          ) : null}
          {p.sds.length > 0 ? (
            <ul className="rk-list">
              {p.sds.map((s) => (
                <li key={s.id} className="rk-item">
                  <Link href={sdsHref(p.id, s.id)} download>
                    {ts.sdsDownload(s.filename, formatDate(s.revisionDate))}
                  </Link>
                  {s === latest ? null : (
                    <BodyShort size="small">{ts.sdsRevision(formatDate(s.revisionDate))}</BodyShort>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <BodyShort>{ts.sdsNone}</BodyShort>
          )}
          {p.canEdit ? <SdsUpload product={p} onSaved={() => setMessage(ts.sdsUploaded)} /> : null}
        </VStack>
      </section>
      {p.cmr.length > 0 || p.exposures.length > 0 ? (
        <section aria-labelledby="st-exp-heading">
          <VStack gap="space-12">
            <Heading level="2" size="medium" id="st-exp-heading">
              {ts.registerHeading}
            </Heading>
            <BodyShort className="rk-prose">{ts.registerIntro}</BodyShort>
            {p.canEdit ? (
              <div>
                <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
                  {ts.addExposure}
                </Button>
              </div>
            ) : (
              <BodyShort>{ts.registerOwn}</BodyShort>
            )}
            <ProductExposures product={p} onEnd={setEnding} />
          </VStack>
        </section>
      ) : null}
      {adding ? (
        <ExposureDialog
          product={p}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            setMessage(ts.exposureSaved);
          }}
        />
      ) : null}
      {editing ? (
        <EditProductDialog
          product={p}
          onReload={() => product.refetch()}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setMessage(ts.productSaved);
          }}
        />
      ) : null}
      {ending ? (
        <EndDialog
          exposure={ending}
          onClose={() => setEnding(null)}
          onSaved={() => {
            setEnding(null);
            setMessage(ts.endSaved);
          }}
        />
      ) : null}
    </VStack>
  );
}

function ProductExposures({ product, onEnd }: { product: Product; onEnd: (e: Exposure) => void }) {
  const ts = useI18n().t.stoff;
  if (product.exposures.length === 0) return <BodyShort>{ts.registerNone}</BodyShort>;
  return (
    <ScrollRegion label={ts.registerHeading}>
      <Table size="small">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{ts.colEmployee}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{ts.colHow}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{ts.colPeriod}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{ts.colKept}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {product.exposures.map((e) => (
            <Table.Row key={e.id}>
              <Table.DataCell>{e.employeeName}</Table.DataCell>
              <Table.DataCell>{e.exposureHow}</Table.DataCell>
              <Table.DataCell>
                {ts.period(formatDate(e.startedOn), e.endedOn ? formatDate(e.endedOn) : null)}
                {product.canEdit && e.endedOn === null ? (
                  <div>
                    <Button
                      type="button"
                      size="small"
                      variant="tertiary"
                      onClick={() => onEnd(e)}
                      aria-label={ts.endExposureFor(e.employeeName)}
                    >
                      {ts.endExposure}
                    </Button>
                  </div>
                ) : null}
              </Table.DataCell>
              <Table.DataCell>
                {e.keptUntil ? formatDate(e.keptUntil) : ts.keptYears(e.retentionYears)}
              </Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

const SDS_KEYS = ['revisionDate', 'sds'] as const;

function SdsUpload({ product, onSaved }: { product: Product; onSaved: () => void }) {
  const ts = useI18n().t.stoff;
  const writes = useStoffWrites();
  const errors = useFormErrors(SDS_KEYS);
  const [revisionDate, setRevisionDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (!revisionDate || revisionDate === INVALID_DATE) fields.revisionDate = ts.sdsRevisionRequired;
    if (!file) fields.sds = ts.sdsFileRequired;
    if (Object.keys(fields).length > 0 || !file) {
      errors.setFieldErrors(fields);
      focusFirstError(SDS_KEYS, fields);
      return;
    }
    errors.clear();
    writes.uploadSds.mutate(
      { id: product.id, revisionDate, file },
      {
        onSuccess: () => {
          setFile(null);
          setRevisionDate('');
          onSaved();
        },
        onError: (e) => errors.setApiError(e),
      },
    );
  };
  return (
    <Box padding="space-16" borderRadius="8" background="neutral-soft">
      <form noValidate onSubmit={submit} aria-labelledby="st-sds-upload">
        <VStack gap="space-12">
          <Heading level="3" size="small" id="st-sds-upload">
            {ts.sdsUpload}
          </Heading>
          <GeneralError error={errors.apiError} message={errors.general} onReload={() => Promise.resolve()} />
          <FileUpload.Dropzone
            id={fieldId('sds')}
            label={ts.sdsFile}
            accept="application/pdf,.pdf"
            multiple={false}
            onSelect={(files) => {
              setFile(files[0]?.file ?? null);
              errors.clearField('sds');
            }}
            error={errors.fields.sds}
          />
          {file ? <BodyShort>{file.name}</BodyShort> : null}
          <DateField
            id={fieldId('revisionDate')}
            label={ts.sdsRevisionDate}
            value={revisionDate}
            onChange={(v) => {
              setRevisionDate(v);
              errors.clearField('revisionDate');
            }}
            error={errors.fields.revisionDate}
          />
          <div>
            <Button type="submit" loading={writes.uploadSds.isPending}>
              {ts.sdsUpload}
            </Button>
          </div>
        </VStack>
      </form>
    </Box>
  );
}

const EXPOSURE_KEYS = [
  'employeeId',
  'position',
  'workplace',
  'exposureHow',
  'concentration',
  'startedOn',
  'endedOn',
  'hoursPerWeek',
] as const;

function ExposureDialog({
  product,
  onClose,
  onSaved,
}: {
  product: Product;
  onClose: () => void;
  onSaved: () => void;
}) {
  const ts = useI18n().t.stoff;
  const writes = useStoffWrites();
  const errors = useFormErrors(EXPOSURE_KEYS);
  const [form, setForm] = useState({
    employeeId: '',
    position: '',
    workplace: product.location || product.unitName,
    exposureHow: '',
    concentration: '',
    startedOn: '',
    endedOn: '',
    hoursPerWeek: '',
  });
  const set = (key: keyof typeof form, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(key);
  };
  const submit = () => {
    const fields: FieldErrors = {};
    if (!form.employeeId) fields.employeeId = ts.employeeRequired;
    if (!form.workplace.trim()) fields.workplace = ts.workplaceRequired;
    if (!form.exposureHow.trim()) fields.exposureHow = ts.exposureHowRequired;
    if (!form.startedOn || form.startedOn === INVALID_DATE) fields.startedOn = ts.startedRequired;
    if (form.endedOn === INVALID_DATE) fields.endedOn = ts.dateInvalid;
    const hours = form.hoursPerWeek.trim() === '' ? null : Number(form.hoursPerWeek);
    if (hours !== null && (!Number.isInteger(hours) || hours < 1 || hours > 168))
      fields.hoursPerWeek = ts.hoursInvalid;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(EXPOSURE_KEYS, fields);
      return;
    }
    errors.clear();
    writes.addExposure.mutate(
      {
        id: product.id,
        employeeId: form.employeeId,
        position: form.position.trim(),
        workplace: form.workplace.trim(),
        exposureHow: form.exposureHow.trim(),
        concentration: form.concentration.trim(),
        startedOn: form.startedOn,
        endedOn: form.endedOn || null,
        hoursPerWeek: hours,
      },
      { onSuccess: onSaved, onError: (e) => errors.setApiError(e) },
    );
  };
  return (
    <FormDialog
      heading={ts.exposureHeading}
      formId="st-exposure-form"
      confirm={ts.exposureSave}
      pending={writes.addExposure.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={() => Promise.resolve()} />
      <Select
        id={fieldId('employeeId')}
        label={ts.employee}
        value={form.employeeId}
        onChange={(e) => set('employeeId', e.target.value)}
        error={errors.fields.employeeId}
      >
        <option value="">{ts.employeeChoose}</option>
        {product.candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <TextField
        id={fieldId('position')}
        label={ts.position}
        value={form.position}
        maxLength={200}
        onChange={(e) => set('position', e.target.value)}
        error={errors.fields.position}
      />
      <TextField
        id={fieldId('workplace')}
        label={ts.workplace}
        value={form.workplace}
        maxLength={200}
        onChange={(e) => set('workplace', e.target.value)}
        error={errors.fields.workplace}
      />
      <TextField
        id={fieldId('exposureHow')}
        label={ts.exposureHow}
        value={form.exposureHow}
        maxLength={1000}
        onChange={(e) => set('exposureHow', e.target.value)}
        error={errors.fields.exposureHow}
      />
      <TextField
        id={fieldId('concentration')}
        label={ts.concentration}
        value={form.concentration}
        maxLength={200}
        onChange={(e) => set('concentration', e.target.value)}
        error={errors.fields.concentration}
      />
      <HStack gap="space-16" wrap>
        <DateField
          id={fieldId('startedOn')}
          label={ts.startedOn}
          value={form.startedOn}
          onChange={(v) => set('startedOn', v)}
          error={errors.fields.startedOn}
        />
        <DateField
          id={fieldId('endedOn')}
          label={ts.endedOn}
          value={form.endedOn}
          onChange={(v) => set('endedOn', v)}
          error={errors.fields.endedOn}
        />
      </HStack>
      <TextField
        id={fieldId('hoursPerWeek')}
        label={ts.hoursPerWeek}
        inputMode="numeric"
        value={form.hoursPerWeek}
        htmlSize={6}
        onChange={(e) => set('hoursPerWeek', e.target.value)}
        error={errors.fields.hoursPerWeek}
      />
    </FormDialog>
  );
}

/**
 * Changing a product: its name, supplier, where it is and what it is for, its hazards and CMR
 * classes, the supplier's latest revision of the safety data sheet (FUA § 2-2: kept up to date) and
 * the unit's risk assessment of its use. It stays in its unit. A product with rows in the exposure
 * register keeps a CMR class (FUA § 31-1): the server's refusal comes back at the field.
 */
function EditProductDialog({
  product,
  onReload,
  onClose,
  onSaved,
}: {
  product: Product;
  onReload: () => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const ts = useI18n().t.stoff;
  const writes = useStoffWrites();
  const errors = useFormErrors(PRODUCT_KEYS);
  const [form, setForm] = useState<ProductForm>({
    name: product.name,
    supplier: product.supplier,
    unitId: product.unitId,
    location: product.location,
    useText: product.useText,
    hazardText: product.hazardText,
    cmr: [...product.cmr],
    supplierRevision: product.supplierRevision ?? '',
    assessmentId: product.assessmentId ?? '',
  });
  const submit = () => {
    const fields = checkProduct(form, ts);
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(PRODUCT_KEYS, fields);
      return;
    }
    errors.clear();
    writes.update.mutate(
      { id: product.id, ...productBody(form), version: product.version },
      { onSuccess: onSaved, onError: (e) => errors.setApiError(e) },
    );
  };
  return (
    <FormDialog
      heading={ts.editHeading}
      formId="st-edit-form"
      confirm={ts.editSave}
      pending={writes.update.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={onReload} />
      <BodyShort>{ts.editIntro(product.unitName)}</BodyShort>
      <ProductFields form={form} setForm={setForm} errors={errors} assessments={product.assessments} />
    </FormDialog>
  );
}

function EndDialog({
  exposure,
  onClose,
  onSaved,
}: {
  exposure: Exposure;
  onClose: () => void;
  onSaved: () => void;
}) {
  const ts = useI18n().t.stoff;
  const writes = useStoffWrites();
  const errors = useFormErrors(['endedOn']);
  const [endedOn, setEndedOn] = useState('');
  const submit = () => {
    if (!endedOn || endedOn === INVALID_DATE) {
      errors.setFieldErrors({ endedOn: ts.endRequired });
      focusFirstError(['endedOn'], { endedOn: ts.endRequired });
      return;
    }
    errors.clear();
    writes.endExposure.mutate(
      { id: exposure.id, version: exposure.version, endedOn },
      { onSuccess: onSaved, onError: (e) => errors.setApiError(e) },
    );
  };
  return (
    <FormDialog
      heading={ts.endHeading}
      formId="st-end-form"
      confirm={ts.endSave}
      pending={writes.endExposure.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={() => Promise.resolve()} />
      <BodyShort>{exposure.employeeName}</BodyShort>
      <DateField
        id={fieldId('endedOn')}
        label={ts.endDate}
        description={ts.endDateDescription}
        value={endedOn}
        onChange={(v) => {
          setEndedOn(v);
          errors.clearField('endedOn');
        }}
        error={errors.fields.endedOn}
      />
    </FormDialog>
  );
}
