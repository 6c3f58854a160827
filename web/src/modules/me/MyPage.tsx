/** Min side: the user's account, roles, and their own employee record (if linked). */
import { BodyShort, Heading, HGrid, HStack, Label, Tag, VStack } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { useSession } from '../../api/session.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useEmployee } from '../employees/index.ts';
import { Invitations } from './Invitations.tsx';
import { FailedLoginsNotice } from './SecurityPage.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Label as="dt">{label}</Label>
      <BodyShort as="dd">{children}</BodyShort>
    </div>
  );
}

export function MyPage() {
  const t = useT();
  const tm = t.me;
  const session = useSession();
  const employee = useEmployee(session.employeeId);
  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <PageHeading>{tm.title}</PageHeading>
      {(session.security?.failedLogins ?? 0) > 0 ? <FailedLoginsNotice /> : null}
      <Invitations />
      <VStack gap="space-16" as="section" aria-labelledby="account-heading">
        <Heading level="2" size="medium" id="account-heading">
          {tm.account}
        </Heading>
        <HGrid as="dl" columns={{ xs: 1, sm: 2 }} gap="space-16" className="details">
          <Field label={tm.name}>{session.user?.name}</Field>
          <Field label={tm.email}>{session.user?.email}</Field>
          <Field label={tm.organisation}>{session.organisation?.name}</Field>
          <div>
            <Label as="dt">{tm.roles}</Label>
            <dd>
              <HStack gap="space-4" wrap>
                {session.roles.map((role) => (
                  <Tag key={role} variant="info" size="small">
                    {t.roles[role]}
                  </Tag>
                ))}
              </HStack>
            </dd>
          </div>
        </HGrid>
      </VStack>
      <VStack gap="space-16" as="section" aria-labelledby="employment-heading">
        <Heading level="2" size="medium" id="employment-heading">
          {tm.employeeHeading}
        </Heading>
        {session.employeeId === null ? <BodyShort>{tm.noEmployee}</BodyShort> : null}
        {employee.isLoading ? <Loading /> : null}
        {employee.isError ? <ErrorAlert error={employee.error} /> : null}
        {employee.data ? (
          <HGrid as="dl" columns={{ xs: 1, sm: 2 }} gap="space-16" className="details">
            <Field label={tm.unit}>{employee.data.unitName}</Field>
            <Field label={tm.leader}>{employee.data.leaderName ?? t.common.none}</Field>
            <Field label={tm.start}>{formatDate(employee.data.employmentStart)}</Field>
            <Field label={tm.position}>{t.common.percent(employee.data.positionPercent)}</Field>
          </HGrid>
        ) : null}
      </VStack>
    </VStack>
  );
}
