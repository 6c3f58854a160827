/**
 * "Min oppfølgingsplan" (`/mitt-fravaer/oppfolgingsplan`): the employee reads the plan of their current
 * case on their own login, comments per section, approves the version they read (when the leader has
 * sent it for approval) and downloads it as a PDF.
 */
import { Alert, BodyLong, BodyShort, Button, Heading, HStack, Link, VStack } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  FIELD_LABELS,
  fieldText,
  ownerText,
  SECTIONS,
} from '../../../../src/domain/dokumenter/oppfolgingsplan.ts';
import { isApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime, formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { myPdfUrl, myPlanAwaitingKey, myPlanKey, type Plan, planApi, useMyPlan } from './api.ts';
import { CommentForm, CommentList, StatusTag } from './parts.tsx';
import './dokumenter.css';

export function MyPlanPage() {
  const { t } = useI18n();
  const td = t.dokumenter;
  const query = useMyPlan();
  const plan = query.data?.plan ?? null;
  return (
    <VStack gap="space-24" paddingBlock="space-24" className="plan-page">
      <div>
        <Link as={RouterLink} to="/mitt-fravaer">
          {td.backMine}
        </Link>
      </div>
      <PageHeading>{td.myTitle}</PageHeading>
      {query.isPending ? <Loading /> : null}
      {query.isError ? (
        isApiError(query.error) && query.error.status === 404 ? (
          <Alert variant="info">{td.noPlanMine}</Alert>
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : null}
      {query.data && plan === null ? <Alert variant="info">{td.noPlanMine}</Alert> : null}
      {plan ? <MyPlan plan={plan} /> : null}
    </VStack>
  );
}

function MyPlan({ plan }: { plan: Plan }) {
  const { t, locale } = useI18n();
  const td = t.dokumenter;
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const apply = (next: Plan) =>
    queryClient.setQueryData(myPlanKey, { caseStart: next.caseStart, plan: next });

  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      apply(await planApi.approveMine(plan.id, plan.version));
      // The front page stops saying «Du har en oppfølgingsplan å lese».
      void queryClient.invalidateQueries({ queryKey: myPlanAwaitingKey });
      setMessage(td.approvedSaved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <HStack gap="space-12" align="center" wrap>
          <StatusTag status={plan.status} />
          <BodyShort>{td.caseStart(formatDate(plan.caseStart))}</BodyShort>
          <BodyShort>{td.versionLine(plan.contentVersion)}</BodyShort>
        </HStack>
        {plan.approved ? (
          <BodyShort>{td.approved(plan.approved.by.name, dateTime(plan.approved.at, locale))}</BodyShort>
        ) : null}
        <SuccessMessage>{message}</SuccessMessage>
        {error ? (
          <ErrorAlert
            error={error}
            onRetry={() => void queryClient.invalidateQueries({ queryKey: myPlanKey })}
          />
        ) : null}
        {plan.status === 'til-godkjenning' ? (
          <Alert variant="info">
            <VStack gap="space-8" align="start">
              <BodyShort>{td.waitingApproval}</BodyShort>
              <BodyShort>{td.approveBody}</BodyShort>
              <Button onClick={() => void approve()} loading={busy}>
                {td.approve}
              </Button>
            </VStack>
          </Alert>
        ) : null}
        <div>
          <Button as="a" variant="secondary" href={myPdfUrl(plan.id)} download>
            {td.downloadPdf}
          </Button>
        </div>
      </VStack>
      {SECTIONS.map((section) => (
        <section key={section.key} aria-labelledby={`my-plan-${section.key}`} className="plan-section">
          <VStack gap="space-12">
            <Heading level="2" size="medium" id={`my-plan-${section.key}`}>
              {section.title[locale]}
            </Heading>
            {section.fields.map((field) => (
              <VStack gap="space-4" key={field}>
                <Heading level="3" size="xsmall">
                  {FIELD_LABELS[field][locale]}
                </Heading>
                {field === 'actions' && (plan.content.actions ?? []).length > 0 ? (
                  <ul className="plan-list">
                    {(plan.content.actions ?? []).map((a, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id; the list is read-only
                      <li key={i}>
                        <BodyShort className="plan-text">{a.what}</BodyShort>
                        <BodyShort size="small" textColor="subtle">
                          {ownerText(a, locale)}
                          {a.deadline ? ` · ${td.actionDeadline}: ${formatDate(a.deadline)}` : ''}
                        </BodyShort>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <BodyLong className="plan-text">
                    {fieldText(plan.content, field, locale) ?? td.notFilled}
                  </BodyLong>
                )}
              </VStack>
            ))}
            <CommentList comments={plan.comments.filter((c) => c.section === section.key)} />
            <CommentForm
              section={section.key}
              title={section.title[locale]}
              send={async (key, text) => apply(await planApi.commentMine(plan.id, key, text))}
            />
          </VStack>
        </section>
      ))}
    </VStack>
  );
}
