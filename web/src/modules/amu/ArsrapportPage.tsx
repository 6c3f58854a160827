/**
 * The AMU årsrapport (`/amu/arsrapport?ar=YYYY`, aml § 7-2 (6)). Made once the year is over, with the
 * year's figures gathered from the records; members, HR and admin write the committee's comment per
 * section, save (with the version read), preview the PDF, and approve — the server then makes and
 * stores the PDF, and the report is read-only. The BHT reads it.
 */
import { FilePdfIcon } from '@navikt/aksel-icons';
import {
  BodyLong,
  BodyShort,
  Box,
  Button,
  Heading,
  HStack,
  Link,
  List,
  Modal,
  Select,
  Tag,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import {
  ARSRAPPORT_SECTION_KEYS,
  type ArsrapportSectionKey,
  canMakeArsrapport,
} from '../../../../src/domain/amu/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { fieldId, useFormErrors } from '../../ui/form.ts';
import { dateTime, formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { WriteError } from '../../ui/WriteFeedback.tsx';
import { type Arsrapport, arsrapportPdfUrl, useAmuWrites, useArsrapport, useOverview } from './api.ts';
import { Figures } from './MeetingPage.tsx';
import './amu.css';

const KEYS = ARSRAPPORT_SECTION_KEYS.map((k) => `sections.${k}`);

export function ArsrapportPage() {
  const { t } = useI18n();
  const ta = t.amu;
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const lastYear = Number(today.slice(0, 4)) - 1;
  const asked = Number(params.get('ar'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : lastYear;
  const report = useArsrapport(year);
  const overview = useOverview();
  const writes = useAmuWrites();
  const [generation, setGeneration] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const canEdit = overview.data?.canEdit ?? false;
  const years = Array.from({ length: 5 }, (_, i) => lastYear - i);
  const data = report.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <div>
          <Link as={RouterLink} to="/amu">
            {ta.backToMeetings}
          </Link>
        </div>
        <PageHeading title={ta.arsrapportTitle(year)}>{ta.arsrapportTitle(year)}</PageHeading>
      </VStack>
      <BodyLong>{ta.arsrapportIntro}</BodyLong>
      <HStack gap="space-8" align="end">
        <Select
          label={ta.yearLabel}
          value={String(year)}
          onChange={(e) => {
            setMessage(null);
            setParams({ ar: e.target.value });
          }}
        >
          {(years.includes(year) ? years : [year, ...years]).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </HStack>
      <SuccessMessage>{message}</SuccessMessage>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
      {data === null ? (
        <VStack gap="space-12" align="start">
          <BodyShort>{canMakeArsrapport(year, today) ? ta.noReport(year) : ta.noReportYet(year)}</BodyShort>
          {canEdit && canMakeArsrapport(year, today) ? (
            <Button
              type="button"
              loading={writes.createReport.isPending}
              onClick={() => writes.createReport.mutate(year, { onSuccess: () => setMessage(ta.created) })}
            >
              {ta.createReport}
            </Button>
          ) : null}
          {writes.createReport.isError ? <ErrorAlert error={writes.createReport.error} /> : null}
        </VStack>
      ) : null}
      {data ? (
        <ReportView
          key={`${data.year}-${generation}`}
          report={data}
          onMessage={setMessage}
          justApproved={message === ta.approved}
          onReload={async () => {
            await report.refetch();
            setGeneration((g) => g + 1);
          }}
        />
      ) : null}
    </VStack>
  );
}

function ReportView({
  report,
  onMessage,
  onReload,
  justApproved,
}: {
  report: Arsrapport;
  onMessage: (message: string | null) => void;
  onReload: () => Promise<void>;
  justApproved: boolean;
}) {
  const { t, locale } = useI18n();
  const ta = t.amu;
  const writes = useAmuWrites();
  const errors = useFormErrors(KEYS);
  const [sections, setSections] = useState<Record<ArsrapportSectionKey, string>>(() => ({
    ...report.sections,
  }));
  const [confirming, setConfirming] = useState(false);
  const download = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (justApproved) download.current?.focus();
  }, [justApproved]);
  const approved = report.status === 'godkjent';
  const body = () => ({ year: report.year, version: report.version, sections });

  const save = (event: FormEvent) => {
    event.preventDefault();
    onMessage(null);
    errors.clear();
    writes.saveReport.mutate(body(), {
      onSuccess: () => onMessage(ta.saved),
      onError: (e) => errors.setApiError(e),
    });
  };

  /** Saves what is typed, then approves the saved version. */
  const approve = () => {
    writes.saveReport
      .mutateAsync(body())
      .then((saved) => writes.approveReport.mutateAsync({ year: saved.year, version: saved.version }))
      .then(() => {
        setConfirming(false);
        onMessage(ta.approved);
      })
      .catch((e: unknown) => {
        setConfirming(false);
        errors.setApiError(e);
      });
  };

  return (
    <form onSubmit={save} noValidate>
      <VStack gap="space-24" data-report-status={report.status}>
        <HStack gap="space-8" align="center" wrap>
          <Tag size="small" variant="moderate" data-color={approved ? 'success' : 'neutral'}>
            {ta.reportStatus[report.status]}
          </Tag>
        </HStack>
        <VStack gap="space-4">
          <BodyShort>{ta.addressedTo(report.addressedTo[locale])}</BodyShort>
          <BodyShort>{ta.dueLine(formatDate(report.due))}</BodyShort>
          <BodyShort>{ta.generatedOn(formatDate(report.generatedOn))}</BodyShort>
          {report.approvedAt ? (
            <BodyShort>{ta.approvedLine(dateTime(report.approvedAt, locale), report.approvedBy)}</BodyShort>
          ) : null}
        </VStack>
        <HStack gap="space-12" wrap>
          <Button
            ref={download}
            as="a"
            role="link"
            href={arsrapportPdfUrl(report.year)}
            download
            variant={approved ? 'primary' : 'secondary'}
            icon={<FilePdfIcon aria-hidden />}
          >
            {approved ? ta.download : ta.preview}
          </Button>
          {report.canEdit ? (
            <Button
              type="button"
              variant="tertiary"
              loading={writes.refreshReport.isPending}
              onClick={() => {
                onMessage(null);
                writes.refreshReport.mutate(
                  { year: report.year, version: report.version },
                  { onSuccess: () => onMessage(ta.refreshed), onError: (e) => errors.setApiError(e) },
                );
              }}
            >
              {ta.refresh}
            </Button>
          ) : null}
        </HStack>
        {errors.apiError ? (
          <WriteError error={errors.apiError} onReload={onReload} reloadLabel={ta.reload} />
        ) : errors.general ? (
          <ErrorAlert error={new Error(errors.general)} />
        ) : null}
        <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
        {report.facts.map((fact) => (
          <Box
            key={fact.key}
            as="section"
            aria-labelledby={`amu-sec-${fact.key}`}
            padding="space-16"
            borderWidth="1"
            borderRadius="8"
            borderColor="neutral-subtle"
          >
            <VStack gap="space-12">
              <Heading level="2" size="small" id={`amu-sec-${fact.key}`}>
                {fact.title[locale]}
              </Heading>
              {fact.noData ? <BodyShort>{ta.noData}</BodyShort> : null}
              {!fact.noData && fact.figures.length > 0 ? <Figures figures={fact.figures} /> : null}
              {fact.lines.length > 0 ? (
                <List size="small">
                  {fact.lines.map((line, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from the server, never reordered
                    <List.Item key={`${fact.key}-${i}`}>{line}</List.Item>
                  ))}
                </List>
              ) : null}
              {report.canEdit ? (
                <Textarea
                  id={fieldId(`sections.${fact.key}`)}
                  label={`${ta.sectionText}: ${fact.title[locale]}`}
                  value={sections[fact.key]}
                  maxLength={6000}
                  minRows={2}
                  onChange={(e) => {
                    const value = e.target.value;
                    setSections((s) => ({ ...s, [fact.key]: value }));
                    errors.clearField(`sections.${fact.key}`);
                  }}
                  error={errors.fields[`sections.${fact.key}`]}
                />
              ) : sections[fact.key] ? (
                <BodyLong className="amu-text">{sections[fact.key]}</BodyLong>
              ) : null}
            </VStack>
          </Box>
        ))}
        {report.canEdit ? (
          <HStack gap="space-12" wrap>
            <Button
              type="submit"
              variant="secondary"
              loading={writes.saveReport.isPending}
              disabled={writes.approveReport.isPending}
            >
              {ta.saveReport}
            </Button>
            <Button
              type="button"
              disabled={writes.saveReport.isPending}
              onClick={() => {
                onMessage(null);
                setConfirming(true);
              }}
            >
              {ta.approve}
            </Button>
          </HStack>
        ) : null}
      </VStack>
      {confirming ? (
        <Modal
          open
          onClose={() => setConfirming(false)}
          header={{ heading: ta.approveHeading }}
          width="small"
        >
          <Modal.Body>
            <BodyLong>{ta.approveBody}</BodyLong>
          </Modal.Body>
          <Modal.Footer>
            <Button
              type="button"
              onClick={approve}
              loading={writes.saveReport.isPending || writes.approveReport.isPending}
            >
              {ta.approve}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t.common.cancel}
            </Button>
          </Modal.Footer>
        </Modal>
      ) : null}
    </form>
  );
}
