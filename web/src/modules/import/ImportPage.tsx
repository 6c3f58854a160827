/**
 * Employee import from CSV or Excel. Choosing a file checks it at once (`…/preview`, nothing is
 * written) and shows every row's errors; only a file without errors can be imported, and the
 * import itself is all-or-nothing on the server (a refusal shows its errors the same way).
 */
import { DownloadIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  FileUpload,
  Heading,
  HStack,
  Link,
  List,
  ReadMore,
  Table,
  Tag,
  VStack,
} from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { type ApiError, api, isApiError } from '../../api/client.ts';
import { employeesKey, unitsKey } from '../../api/query-keys.ts';
import type { ImportPreview, ImportRow } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, SuccessMessage } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useUnits } from '../organisation/index.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function templateHref(unitName: string): string {
  const lines = [
    'Navn;E-post;Telefon;Ansatt fra;Stilling %;Enhet;Nærmeste leder',
    `Kari Nordmann;kari.nordmann@example.no;+47 912 34 567;01.08.2024;100;${unitName};`,
    `Ola Nordmann;ola.nordmann@example.no;;15.01.2025;80;${unitName};kari.nordmann@example.no`,
  ];
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${lines.join('\r\n')}\r\n`)}`;
}

/** A refused import (400) carries the row errors as `rows.<line>.<field>`; turn them back into rows. */
function rowsFromRefusal(error: ApiError): ImportRow[] {
  const byLine = new Map<number, ImportRow>();
  for (const f of error.fields) {
    const m = /^rows\.(\d+)\.(\w+)$/.exec(f.path);
    if (!m) continue;
    const line = Number(m[1]);
    const row = byLine.get(line) ?? {
      line,
      values: {
        name: '',
        email: '',
        phone: '',
        employmentStart: '',
        positionPercent: '',
        unit: '',
        leaderEmail: '',
        birthDate: '',
      },
      errors: [],
    };
    row.errors.push({ field: m[2] as ImportRow['errors'][number]['field'], message: f.message });
    byLine.set(line, row);
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

function RowsTable({ rows, showValues }: { rows: ImportRow[]; showValues: boolean }) {
  const t = useT();
  const ti = t.import;
  const fieldName = (field: string) => ti.fieldNames[field] ?? field;
  return (
    <div className="table-scroll">
      <Table size="small" className="import-table">
        <caption className="sr-only">{ti.tableCaption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{ti.colLine}</Table.HeaderCell>
            {showValues ? (
              <>
                <Table.HeaderCell scope="col">{t.employees.colName}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="hide-small">
                  {t.employees.email}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="hide-small">
                  {t.employees.colUnit}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="hide-small">
                  {t.employees.colStart}
                </Table.HeaderCell>
              </>
            ) : null}
            <Table.HeaderCell scope="col">{ti.colStatus}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.line} className={row.errors.length > 0 ? 'row-error' : undefined}>
              <Table.HeaderCell scope="row">{row.line}</Table.HeaderCell>
              {showValues ? (
                <>
                  <Table.DataCell>{row.values.name}</Table.DataCell>
                  <Table.DataCell className="hide-small">{row.values.email}</Table.DataCell>
                  <Table.DataCell className="hide-small">{row.values.unit}</Table.DataCell>
                  <Table.DataCell className="hide-small">
                    {/^\d{4}-\d{2}-\d{2}$/.test(row.values.employmentStart)
                      ? formatDate(row.values.employmentStart)
                      : row.values.employmentStart}
                  </Table.DataCell>
                </>
              ) : null}
              <Table.DataCell>
                {row.errors.length === 0 ? (
                  <Tag variant="success" size="small">
                    {ti.statusOk}
                  </Tag>
                ) : (
                  <VStack gap="space-4" align="start">
                    <Tag variant="error" size="small">
                      {ti.statusError}
                    </Tag>
                    <ul className="row-errors">
                      {row.errors.map((e, i) => (
                        <li key={`${e.field}-${String(i)}`}>
                          <strong>{fieldName(e.field)}:</strong> {e.message}
                        </li>
                      ))}
                    </ul>
                  </VStack>
                )}
              </Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function Preview({
  preview,
  refusedRows,
}: {
  preview: ImportPreview | null;
  refusedRows: ImportRow[] | null;
}) {
  const t = useT();
  const ti = t.import;
  const rows = preview?.rows ?? refusedRows ?? [];
  const errorCount = preview?.errorCount ?? refusedRows?.length ?? 0;
  const [errorsOnly, setErrorsOnly] = useState(errorCount > 0);
  const shown = errorsOnly && errorCount > 0 ? rows.filter((r) => r.errors.length > 0) : rows;
  return (
    <VStack gap="space-16" as="section" aria-labelledby="preview-heading">
      <Heading level="2" size="medium" id="preview-heading">
        {ti.previewHeading}
      </Heading>
      {preview && preview.rows.length === 0 ? <Alert variant="info">{ti.empty}</Alert> : null}
      {preview && preview.rows.length > 0 ? (
        errorCount === 0 ? (
          <Alert variant="success">{ti.summaryOk(preview.validCount)}</Alert>
        ) : (
          <Alert variant="error">
            {ti.summaryErrors(errorCount, preview.rows.length)} {ti.fixAndRetry}
          </Alert>
        )
      ) : null}
      {preview && preview.ignoredColumns.length > 0 ? (
        <BodyShort size="small">{ti.ignoredColumns(preview.ignoredColumns.join(', '))}</BodyShort>
      ) : null}
      {errorCount > 0 && preview ? (
        <Checkbox checked={errorsOnly} onChange={(e) => setErrorsOnly(e.target.checked)}>
          {ti.showErrorsOnly}
        </Checkbox>
      ) : null}
      {shown.length > 0 ? <RowsTable rows={shown} showValues={preview !== null} /> : null}
    </VStack>
  );
}

export function ImportPage() {
  const t = useT();
  const ti = t.import;
  const queryClient = useQueryClient();
  const units = useUnits();
  const [file, setFile] = useState<File | null>(null);
  const [rejected, setRejected] = useState(false);
  const [created, setCreated] = useState<number | null>(null);
  const exampleUnit = units.data?.[0]?.name ?? 'Administrasjon';
  const href = useMemo(() => templateHref(exampleUnit), [exampleUnit]);

  const preview = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f, f.name);
      return api.upload<ImportPreview>('/imports/employees/preview', form);
    },
  });
  const commit = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f, f.name);
      return api.upload<{ created: number }>('/imports/employees', form);
    },
    onSuccess: async (result) => {
      setCreated(result.created);
      setFile(null);
      preview.reset();
      await queryClient.invalidateQueries({ queryKey: employeesKey });
      await queryClient.invalidateQueries({ queryKey: unitsKey });
    },
  });

  const choose = (next: File | null) => {
    setCreated(null);
    commit.reset();
    preview.reset();
    setFile(next);
    if (next) preview.mutate(next);
  };

  const refusal = commit.error && isApiError(commit.error) ? commit.error : null;
  const refusedRows = refusal ? rowsFromRefusal(refusal) : null;
  const previewData = preview.data ?? null;

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <PageHeading>{ti.title}</PageHeading>
        <BodyLong>{ti.intro}</BodyLong>
      </div>
      <ReadMore header={ti.columnsHeading} defaultOpen>
        <VStack gap="space-12">
          <BodyShort>{ti.columnsIntro}</BodyShort>
          <List>
            <List.Item>{ti.colName}</List.Item>
            <List.Item>{ti.colEmail}</List.Item>
            <List.Item>{ti.colPhone}</List.Item>
            <List.Item>{ti.colStart}</List.Item>
            <List.Item>{ti.colPercent}</List.Item>
            <List.Item>{ti.colUnit}</List.Item>
            <List.Item>{ti.colLeader}</List.Item>
            <List.Item>{ti.colBirth}</List.Item>
          </List>
          <div>
            <Link href={href} download="ansatte-eksempel.csv">
              <DownloadIcon aria-hidden />
              {ti.template}
            </Link>
          </div>
        </VStack>
      </ReadMore>

      {created !== null ? (
        <SuccessMessage>
          <VStack gap="space-8" align="start">
            <span>{ti.imported(created)}</span>
            <HStack gap="space-16">
              <Link as={RouterLink} to="/ansatte">
                {ti.toEmployees}
              </Link>
            </HStack>
          </VStack>
        </SuccessMessage>
      ) : null}

      <VStack gap="space-12">
        <FileUpload.Dropzone
          label={ti.file}
          description={ti.fileDescription}
          accept={ACCEPT}
          maxSizeInBytes={MAX_BYTES}
          multiple={false}
          onSelect={(_files, { accepted, rejected: bad }) => {
            setRejected(bad.length > 0 && accepted.length === 0);
            choose(accepted[0] ?? null);
          }}
          error={rejected ? ti.fileRejected : undefined}
        />
        {file ? (
          <FileUpload.Item
            as="div"
            file={file}
            status={preview.isPending ? 'uploading' : 'idle'}
            button={{ action: 'delete', onClick: () => choose(null) }}
          />
        ) : null}
      </VStack>

      {preview.isError ? (
        <ErrorAlert error={preview.error} onRetry={file ? () => choose(file) : undefined} />
      ) : null}
      {refusal && refusedRows && refusedRows.length === 0 ? <ErrorAlert error={refusal} /> : null}
      {refusal && refusedRows && refusedRows.length > 0 ? (
        <Alert variant="error" role="alert">
          {ti.refused}
        </Alert>
      ) : null}
      {commit.isError && !refusal ? <ErrorAlert error={commit.error} /> : null}

      {previewData || (refusedRows && refusedRows.length > 0) ? (
        <Preview
          key={previewData ? `p-${file?.name}-${previewData.rows.length}` : 'refused'}
          preview={refusedRows && refusedRows.length > 0 ? null : previewData}
          refusedRows={refusedRows}
        />
      ) : null}

      {previewData?.canImport && file && !refusal ? (
        <div>
          <Button loading={commit.isPending} onClick={() => commit.mutate(file)}>
            {ti.doImport(previewData.validCount)}
          </Button>
        </div>
      ) : null}
    </VStack>
  );
}
