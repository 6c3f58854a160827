/**
 * «Sammenlignet med NAV»: the organisation's (or a leader's unit's) legemeldt rate beside NAV's
 * published rates by næring and sektor for the same quarter — the latest imported up to the chosen
 * one — with the quarter and the source named. Never a number of our own: with nothing imported the
 * page says so. Admin and HR import NAV's CSV here.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  FileUpload,
  Heading,
  List,
  ReadMore,
  Table,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime } from '../../ui/format.ts';
import { type BenchmarkView, type StatistikkView, useBenchmark, useImportBenchmark } from './api.ts';
import { formatPercent, formatPublished, formatQuarter } from './format.ts';
import { ScrollTable } from './ScrollTable.tsx';

const MAX_BYTES = 1024 * 1024;
const ACCEPT = '.csv,text/csv';

/** The organisation's (or the leader's first unit's) legemeldt rate in `quarter`, if shown. */
function ownRate(view: StatistikkView, quarter: string): { name: string; value: number | null } | null {
  const block = view.quarters.find((q) => q.quarter === quarter);
  if (!block) return null;
  if (view.scope === 'organisation') {
    const g = block.organisation;
    return { name: '', value: g && !g.masked ? g.prosent.legemeldt : null };
  }
  const ids = new Set(block.units.map((u) => u.unitId));
  const top = block.units.find((u) => u.parentId === null || !ids.has(u.parentId));
  if (!top) return null;
  return { name: top.name, value: top.masked ? null : top.prosent.legemeldt };
}

function Sources({ view }: { view: BenchmarkView }) {
  const { t, locale } = useI18n();
  const ts = t.statistikk;
  const seen = new Map<string, BenchmarkView['rows'][number]['source']>();
  for (const r of view.rows) seen.set(`${r.source.kind}|${r.source.name}|${r.source.importedAt}`, r.source);
  return (
    <BodyShort size="small" className="statistikk-note">
      {[...seen.values()]
        .map((s) =>
          s.kind === 'fil'
            ? ts.benchSourceFile(s.name, dateTime(s.importedAt, locale))
            : ts.benchSourceUrl(s.name, dateTime(s.importedAt, locale)),
        )
        .join(' ')}
    </BodyShort>
  );
}

function ImportForm() {
  const { t, locale } = useI18n();
  const ts = t.statistikk;
  const importing = useImportBenchmark();
  const [file, setFile] = useState<File | null>(null);
  const [rejected, setRejected] = useState(false);
  return (
    <VStack gap="space-12" className="statistikk-measure">
      <Heading level="3" size="small">
        {ts.benchImportHeading}
      </Heading>
      <ReadMore header={ts.benchColumnsHeading}>
        <VStack gap="space-8">
          <BodyShort>{ts.benchColumnsIntro}</BodyShort>
          <List>
            <List.Item>{ts.benchColQuarter}</List.Item>
            <List.Item>{ts.benchColKategori}</List.Item>
            <List.Item>{ts.benchColKode}</List.Item>
            <List.Item>{ts.benchColNavn}</List.Item>
            <List.Item>{ts.benchColProsent}</List.Item>
          </List>
        </VStack>
      </ReadMore>
      {importing.isSuccess ? (
        <SuccessMessage>
          {ts.benchImported(
            importing.data.rows,
            importing.data.quarters.map((q) => formatQuarter(q, locale)).join(', '),
          )}
        </SuccessMessage>
      ) : null}
      <FileUpload.Dropzone
        label={ts.benchFile}
        description={ts.benchFileDescription}
        accept={ACCEPT}
        maxSizeInBytes={MAX_BYTES}
        multiple={false}
        onSelect={(_files, { accepted, rejected: bad }) => {
          importing.reset();
          setRejected(bad.length > 0 && accepted.length === 0);
          setFile(accepted[0] ?? null);
        }}
        error={rejected ? ts.benchFileRejected : undefined}
      />
      {file ? (
        <FileUpload.Item
          as="div"
          file={file}
          status={importing.isPending ? 'uploading' : 'idle'}
          button={{ action: 'delete', onClick: () => setFile(null) }}
        />
      ) : null}
      {importing.isError ? <ErrorAlert error={importing.error} /> : null}
      {file ? (
        <div>
          <Button
            loading={importing.isPending}
            onClick={() =>
              importing.mutate(file, {
                onSuccess: () => setFile(null),
              })
            }
          >
            {ts.benchDoImport}
          </Button>
        </div>
      ) : null}
    </VStack>
  );
}

export function Benchmark({ view }: { view: StatistikkView }) {
  const { t, locale } = useI18n();
  const ts = t.statistikk;
  const session = useSession();
  const canImport = hasAnyRole(session, 'admin', 'hr');
  const query = useBenchmark(view.quarter);
  const bench = query.data;
  const own = bench?.quarter ? ownRate(view, bench.quarter) : null;
  return (
    <section aria-labelledby="statistikk-bench" className="statistikk-section">
      <Heading level="2" size="medium" id="statistikk-bench" spacing>
        {ts.benchHeading}
      </Heading>
      <BodyLong className="statistikk-measure" spacing>
        {ts.benchIntro}
      </BodyLong>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => query.refetch()} /> : null}
      {bench && bench.quarter === null ? (
        <Alert variant="info" size="small">
          {ts.benchNone(formatQuarter(bench.requestedQuarter, locale))}
        </Alert>
      ) : null}
      {bench?.quarter ? (
        <>
          {bench.quarter !== bench.requestedQuarter ? (
            <BodyShort spacing>{ts.benchOlder(formatQuarter(bench.quarter, locale))}</BodyShort>
          ) : null}
          <ScrollTable label={ts.benchHeading}>
            <Table size="small">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{ts.benchGroup}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{ts.benchKategori}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ts.benchLegemeldt(formatQuarter(bench.quarter, locale))}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                <Table.Row>
                  <Table.HeaderCell scope="row">{own?.name || ts.organisation}</Table.HeaderCell>
                  <Table.DataCell>{ts.benchOwn}</Table.DataCell>
                  <Table.DataCell align="right">
                    {own === null
                      ? ts.benchOwnMissing
                      : own.value === null
                        ? ts.hidden(5)
                        : formatPercent(own.value, locale)}
                  </Table.DataCell>
                </Table.Row>
                {bench.rows.map((r) => (
                  <Table.Row key={`${r.kategori}-${r.kode}`}>
                    <Table.HeaderCell scope="row">
                      {r.navn}
                      {r.kategori === 'land' ? null : <span className="statistikk-sub"> ({r.kode})</span>}
                    </Table.HeaderCell>
                    <Table.DataCell>{ts.benchKategoriName[r.kategori]}</Table.DataCell>
                    <Table.DataCell align="right">{formatPublished(r.prosent, locale)}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollTable>
          <Sources view={bench} />
        </>
      ) : null}
      {canImport ? <ImportForm /> : null}
    </section>
  );
}
