/**
 * «Stoffkartotek» (`/risiko/stoffkartotek`): the hazardous chemicals of the units the user reads
 * (FUA § 2-1), a new product for editors, and the exposure register for CMR substances (FUA § 31-1)
 * — an employee sees only their own rows; editors download it as CSV.
 */
import { PlusIcon } from '@navikt/aksel-icons';
import {
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  Link,
  Select,
  Table,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type Dispatch, type SetStateAction, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { CMR_KINDS, CMR_TEXT, type CmrKind } from '../../../../src/domain/risiko/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { GeneralError, ScrollRegion } from './parts.tsx';
import {
  type Exposure,
  exposureCsvHref,
  type Product,
  type ProductList,
  useExposures,
  useProducts,
  useStoffWrites,
} from './stoff.api.ts';
import './risiko.css';

const SDS_COLOR = { mangler: 'danger', gjeldende: 'success', utdatert: 'warning' } as const;

export function StoffkartotekPage() {
  const ts = useI18n().t.stoff;
  const products = useProducts();
  const [creating, setCreating] = useState(false);
  const data = products.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{ts.title}</PageHeading>
        <BodyLong className="rk-prose">{ts.intro}</BodyLong>
      </VStack>
      <section aria-labelledby="st-list-heading">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="st-list-heading">
            {ts.listHeading}
          </Heading>
          {data?.canCreate ? (
            <div>
              <Button
                type="button"
                variant="secondary"
                icon={<PlusIcon aria-hidden />}
                onClick={() => setCreating(true)}
              >
                {ts.newProduct}
              </Button>
            </div>
          ) : null}
          {products.isPending ? <Loading /> : null}
          {products.isError ? (
            <ErrorAlert error={products.error} onRetry={() => void products.refetch()} />
          ) : null}
          {data ? <ProductTable list={data} /> : null}
        </VStack>
      </section>
      <Register canExport={data?.canCreate ?? false} />
      {creating && data ? <NewProductDialog units={data.units} onClose={() => setCreating(false)} /> : null}
    </VStack>
  );
}

export function CmrTags({ kinds }: { kinds: readonly CmrKind[] }) {
  const { t, locale } = useI18n();
  if (kinds.length === 0) return <>{t.stoff.notCmr}</>;
  return (
    <>
      {kinds.map((k) => (
        <Tag key={k} size="xsmall" variant="moderate" data-color="danger" className="st-tag">
          {CMR_TEXT[k][locale]}
        </Tag>
      ))}
    </>
  );
}

function ProductTable({ list }: { list: ProductList }) {
  const ts = useI18n().t.stoff;
  if (list.items.length === 0) return <BodyShort>{ts.none}</BodyShort>;
  return (
    <div className="rk-scroll">
      <Table size="small">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{ts.colName}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{ts.colSupplier}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{ts.colUnit}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{ts.colCmr}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{ts.colSds}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {list.items.map((p) => (
            <Table.Row key={p.id}>
              <Table.DataCell>
                <Link as={RouterLink} to={`/risiko/stoffkartotek/${p.id}`}>
                  {p.name}
                </Link>
                {p.location ? <BodyShort size="small">{p.location}</BodyShort> : null}
              </Table.DataCell>
              <Table.DataCell>{p.supplier}</Table.DataCell>
              <Table.DataCell>{p.unitName}</Table.DataCell>
              <Table.DataCell>
                <CmrTags kinds={p.cmr} />
              </Table.DataCell>
              <Table.DataCell>
                <Tag size="xsmall" variant="moderate" data-color={SDS_COLOR[p.sdsState]}>
                  {ts.sdsStates[p.sdsState]}
                </Tag>
              </Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

export function ExposureTable({ items }: { items: readonly Exposure[] }) {
  const ts = useI18n().t.stoff;
  if (items.length === 0) return <BodyShort>{ts.registerNone}</BodyShort>;
  return (
    <ScrollRegion label={ts.registerHeading}>
      <Table size="small">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{ts.colEmployee}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{ts.colProduct}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{ts.colHow}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{ts.colPeriod}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{ts.colKept}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((e) => (
            <Table.Row key={e.id}>
              <Table.DataCell>{e.employeeName}</Table.DataCell>
              <Table.DataCell>{e.productName}</Table.DataCell>
              <Table.DataCell>{e.exposureHow}</Table.DataCell>
              <Table.DataCell>
                {ts.period(formatDate(e.startedOn), e.endedOn ? formatDate(e.endedOn) : null)}
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

function Register({ canExport }: { canExport: boolean }) {
  const ts = useI18n().t.stoff;
  const exposures = useExposures();
  return (
    <section aria-labelledby="st-register-heading">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="st-register-heading">
          {ts.registerHeading}
        </Heading>
        <BodyLong className="rk-prose">{ts.registerIntro}</BodyLong>
        {!canExport ? <BodyShort>{ts.registerOwn}</BodyShort> : null}
        {canExport ? (
          <div>
            <Link href={exposureCsvHref} download>
              {ts.exportCsv}
            </Link>
          </div>
        ) : null}
        {exposures.isPending ? <Loading /> : null}
        {exposures.isError ? <ErrorAlert error={exposures.error} /> : null}
        {exposures.data ? <ExposureTable items={exposures.data.items} /> : null}
      </VStack>
    </section>
  );
}

function NewProductDialog({ units, onClose }: { units: ProductList['units']; onClose: () => void }) {
  const ts = useI18n().t.stoff;
  const navigate = useNavigate();
  const writes = useStoffWrites();
  const errors = useFormErrors(PRODUCT_KEYS);
  const [form, setForm] = useState<ProductForm>({
    ...EMPTY_PRODUCT,
    unitId: units.length === 1 ? (units[0]?.id ?? '') : '',
  });
  const submit = () => {
    const fields = checkProduct(form, ts);
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(PRODUCT_KEYS, fields);
      return;
    }
    errors.clear();
    writes.create.mutate(productBody(form), {
      onSuccess: (p) => void navigate(`/risiko/stoffkartotek/${p.id}`),
      onError: (e) => errors.setApiError(e),
    });
  };
  return (
    <FormDialog
      heading={ts.newHeading}
      formId="st-new-form"
      confirm={ts.create}
      pending={writes.create.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={() => Promise.resolve()} />
      <ProductFields form={form} setForm={setForm} errors={errors} units={units} />
    </FormDialog>
  );
}

type StoffTexts = ReturnType<typeof useI18n>['t']['stoff'];

/** The fields of a product as the form holds them (dates ISO, `''` when empty). */
export type ProductForm = {
  name: string;
  supplier: string;
  unitId: string;
  location: string;
  useText: string;
  hazardText: string;
  cmr: CmrKind[];
  supplierRevision: string;
  assessmentId: string;
};

export const EMPTY_PRODUCT: ProductForm = {
  name: '',
  supplier: '',
  unitId: '',
  location: '',
  useText: '',
  hazardText: '',
  cmr: [],
  supplierRevision: '',
  assessmentId: '',
};

export const PRODUCT_KEYS = [
  'name',
  'supplier',
  'unitId',
  'location',
  'useText',
  'hazardText',
  'cmr',
  'supplierRevision',
  'assessmentId',
] as const;

/** What the form checks before sending (the server checks the rest, e.g. a CMR class kept). */
export function checkProduct(form: ProductForm, ts: StoffTexts): FieldErrors {
  const fields: FieldErrors = {};
  if (!form.name.trim()) fields.name = ts.nameRequired;
  if (!form.supplier.trim()) fields.supplier = ts.supplierRequired;
  if (!form.unitId) fields.unitId = ts.unitRequired;
  if (form.supplierRevision === INVALID_DATE) fields.supplierRevision = ts.dateInvalid;
  return fields;
}

export function productBody(form: ProductForm) {
  return {
    name: form.name.trim(),
    supplier: form.supplier.trim(),
    unitId: form.unitId,
    location: form.location.trim(),
    useText: form.useText.trim(),
    hazardText: form.hazardText.trim(),
    cmr: form.cmr,
    supplierRevision: form.supplierRevision || null,
    assessmentId: form.assessmentId || null,
  };
}

/**
 * The fields of a product, new or changed. `units`: the units a new product can go to (a product
 * keeps its unit when changed); `assessments`: the unit's risk assessments it can be linked to.
 */
export function ProductFields({
  form,
  setForm,
  errors,
  units,
  assessments,
}: {
  form: ProductForm;
  setForm: Dispatch<SetStateAction<ProductForm>>;
  errors: { fields: FieldErrors; clearField: (key: string) => void };
  units?: ProductList['units'];
  assessments?: Product['assessments'];
}) {
  const { t, locale } = useI18n();
  const ts = t.stoff;
  const set = (key: Exclude<keyof ProductForm, 'cmr'>, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(key);
  };
  return (
    <>
      <TextField
        id={fieldId('name')}
        label={ts.name}
        value={form.name}
        maxLength={200}
        onChange={(e) => set('name', e.target.value)}
        error={errors.fields.name}
      />
      <TextField
        id={fieldId('supplier')}
        label={ts.supplier}
        value={form.supplier}
        maxLength={200}
        onChange={(e) => set('supplier', e.target.value)}
        error={errors.fields.supplier}
      />
      {units ? (
        <Select
          id={fieldId('unitId')}
          label={ts.unit}
          value={form.unitId}
          onChange={(e) => set('unitId', e.target.value)}
          error={errors.fields.unitId}
        >
          <option value="">{ts.unitChoose}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      ) : null}
      <TextField
        id={fieldId('location')}
        label={ts.location}
        value={form.location}
        maxLength={200}
        onChange={(e) => set('location', e.target.value)}
        error={errors.fields.location}
      />
      <TextField
        id={fieldId('useText')}
        label={ts.useText}
        value={form.useText}
        maxLength={1000}
        onChange={(e) => set('useText', e.target.value)}
        error={errors.fields.useText}
      />
      <Textarea
        id={fieldId('hazardText')}
        label={ts.hazardText}
        value={form.hazardText}
        maxLength={1000}
        minRows={2}
        onChange={(e) => set('hazardText', e.target.value)}
        error={errors.fields.hazardText}
      />
      <CheckboxGroup
        id={fieldId('cmr')}
        legend={ts.cmr}
        description={ts.cmrDescription}
        value={form.cmr}
        onChange={(value: CmrKind[]) => {
          setForm((f) => ({ ...f, cmr: value }));
          errors.clearField('cmr');
        }}
        error={errors.fields.cmr}
      >
        {CMR_KINDS.map((k) => (
          <Checkbox key={k} value={k}>
            {CMR_TEXT[k][locale]}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <DateField
        id={fieldId('supplierRevision')}
        label={ts.supplierRevision}
        description={ts.supplierRevisionHelp}
        value={form.supplierRevision}
        onChange={(v) => set('supplierRevision', v)}
        error={errors.fields.supplierRevision}
      />
      {assessments ? (
        <Select
          id={fieldId('assessmentId')}
          label={ts.assessment}
          value={form.assessmentId}
          onChange={(e) => set('assessmentId', e.target.value)}
          error={errors.fields.assessmentId}
        >
          <option value="">{ts.assessmentNone}</option>
          {assessments.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </Select>
      ) : null}
    </>
  );
}
