/** Drift (`/drift`, administrators): background jobs that gave up, e.g. e-mail that could not be sent; retry. */
import { BodyShort, Button, Table, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useFailedJobs, useRetryJob } from './api.ts';

export function FailedJobsPage() {
  const { t, locale } = useI18n();
  const td = t.drift;
  const jobs = useFailedJobs();
  const retry = useRetryJob();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <PageHeading>{td.title}</PageHeading>
        <BodyShort className="lead">{td.intro}</BodyShort>
      </div>
      <SuccessMessage>{message}</SuccessMessage>
      {jobs.isPending ? <Loading /> : null}
      {jobs.isError ? <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} /> : null}
      {retry.isError ? <ErrorAlert error={retry.error} /> : null}
      {jobs.data && jobs.data.length === 0 ? <BodyShort>{td.empty}</BodyShort> : null}
      {jobs.data && jobs.data.length > 0 ? (
        <Table size="small">
          <caption className="sr-only">{td.caption}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{td.colKind}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{td.colFailed}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right" className="hide-small">
                {td.colAttempts}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hide-small">
                {td.colError}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="sr-only">{td.colActions}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {jobs.data.map((job) => (
              <Table.Row key={job.id}>
                <Table.DataCell>{job.kind}</Table.DataCell>
                <Table.DataCell>{dateTime(job.failedAt, locale)}</Table.DataCell>
                <Table.DataCell align="right" className="hide-small">
                  {job.attempts}
                </Table.DataCell>
                <Table.DataCell className="hide-small">{job.lastError ?? ''}</Table.DataCell>
                <Table.DataCell>
                  <Button
                    type="button"
                    size="small"
                    variant="secondary"
                    aria-label={td.retryLabel(job.kind)}
                    loading={retry.isPending && retry.variables === job.id}
                    onClick={() => retry.mutate(job.id, { onSuccess: () => setMessage(td.retried) })}
                  >
                    {td.retry}
                  </Button>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </VStack>
  );
}
