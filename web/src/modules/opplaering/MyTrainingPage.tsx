/**
 * «Min opplæring» (`/min-opplaering`): the courses registered for the logged-in employee, with their
 * certificates, and the training the law requires of them (the top leader, aml § 3-5; verneombud and
 * AMU members, FOLM § 3-19) and whether they have it.
 */
import { BodyLong, BodyShort, Detail, Heading, HStack, VStack } from '@navikt/ds-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useMyTraining } from './api.ts';
import { CertificateLink, formatHours, StateTag, useCourseName } from './parts.tsx';
import './opplaering.css';

export function MyTrainingPage() {
  const { t, locale } = useI18n();
  const tm = t.myTraining;
  const to = t.opplaering;
  const mine = useMyTraining();
  const courseName = useCourseName();
  const data = mine.data;

  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{tm.title}</PageHeading>
        <BodyLong className="lead">{tm.intro}</BodyLong>
      </VStack>
      {mine.isLoading ? <Loading /> : null}
      {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {data && data.employeeId === null ? <BodyShort>{tm.noEmployee}</BodyShort> : null}
      {data && data.employeeId !== null && data.required.length > 0 ? (
        <VStack gap="space-12" as="section" aria-labelledby="my-required-heading">
          <Heading level="2" size="medium" id="my-required-heading">
            {tm.requiredHeading}
          </Heading>
          <ul className="opp-list">
            {data.required.map((r) => (
              <li key={r.course} className="opp-list-item" data-course={r.course}>
                <VStack gap="space-4">
                  <HStack gap="space-8" align="center" wrap>
                    <BodyShort weight="semibold">{to.courses[r.course]}</BodyShort>
                    <StateTag state={r.state} />
                  </HStack>
                  {to.courseBasis[r.course] ? <Detail>{to.courseBasis[r.course]}</Detail> : null}
                </VStack>
              </li>
            ))}
          </ul>
        </VStack>
      ) : null}
      {data && data.employeeId !== null ? (
        <VStack gap="space-12" as="section" aria-labelledby="my-records-heading">
          <Heading level="2" size="medium" id="my-records-heading">
            {tm.recordsHeading}
          </Heading>
          {data.items.length === 0 ? <BodyShort>{tm.empty}</BodyShort> : null}
          {data.items.length > 0 ? (
            <ul className="opp-list">
              {data.items.map((r) => (
                <li key={r.id} className="opp-list-item" data-record={r.id}>
                  <VStack gap="space-4" align="start">
                    <HStack gap="space-8" align="center" wrap>
                      <BodyShort weight="semibold">{courseName(r.course, r.title)}</BodyShort>
                      {r.expiresOn && r.expiry !== 'ok' && !r.superseded ? (
                        <StateTag state={r.expiry} />
                      ) : null}
                    </HStack>
                    <BodyShort size="small">
                      {[
                        to.completed(formatDate(r.completedOn)),
                        to.hours(formatHours(r.hours, locale)),
                        r.provider,
                        r.expiresOn ? to.expiresOn(formatDate(r.expiresOn)) : to.noExpiry,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </BodyShort>
                    {r.superseded ? <Detail>{to.superseded}</Detail> : null}
                    <CertificateLink record={r} />
                  </VStack>
                </li>
              ))}
            </ul>
          ) : null}
        </VStack>
      ) : null}
    </VStack>
  );
}
