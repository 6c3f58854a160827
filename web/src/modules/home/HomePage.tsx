import { BodyShort, Box, Heading, HGrid, LinkCard, List, VStack } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Flash } from '../../ui/Feedback.tsx';
import { formatOrgnr } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { PlanToReadNotice } from '../dokumenter/index.ts';
import { useEmployeeList } from '../employees/index.ts';
import { useUnits } from '../organisation/index.ts';
import { OverdueHighNotice } from '../risiko/index.ts';
import { UnreadRoutinesNotice } from '../rutiner/index.ts';
import { RegisterSickLeave, TasksSummary } from '../sykefravaer/index.ts';

function Shortcut({ to, title, text }: { to: string; title: string; text: string }) {
  return (
    <LinkCard>
      <LinkCard.Title as="h3">
        <LinkCard.Anchor asChild>
          <RouterLink to={to}>{title}</RouterLink>
        </LinkCard.Anchor>
      </LinkCard.Title>
      <LinkCard.Description>{text}</LinkCard.Description>
    </LinkCard>
  );
}

function Overview() {
  const t = useT();
  const units = useUnits();
  const employees = useEmployeeList({ page: 1, pageSize: 1 });
  if (!units.data || !employees.data) return null;
  const unitCount = units.data.length;
  const employeeCount = employees.data.total;
  const steps: { done: boolean; text: ReactNode }[] = [
    { done: unitCount > 0, text: t.home.stepUnits },
    { done: employeeCount > 0, text: t.home.stepEmployees },
    { done: false, text: t.home.stepUsers },
  ];
  return (
    <VStack gap="space-16">
      <Box as="section" aria-labelledby="overview-heading">
        <Heading level="2" size="medium" id="overview-heading" spacing>
          {t.home.overview}
        </Heading>
        <HGrid columns={{ xs: 1, sm: 2 }} gap="space-16">
          <Box background="neutral-soft" padding="space-16" borderRadius="8">
            <BodyShort size="large" weight="semibold">
              {t.home.employeeCount(employeeCount)}
            </BodyShort>
          </Box>
          <Box background="neutral-soft" padding="space-16" borderRadius="8">
            <BodyShort size="large" weight="semibold">
              {t.home.unitCount(unitCount)}
            </BodyShort>
          </Box>
        </HGrid>
      </Box>
      {unitCount === 0 || employeeCount === 0 ? (
        <Box
          as="section"
          aria-labelledby="start-heading"
          background="info-soft"
          padding="space-20"
          borderRadius="8"
        >
          <Heading level="2" size="small" id="start-heading" spacing>
            {t.home.gettingStarted}
          </Heading>
          <List as="ol">
            {steps.map((s, i) => (
              <List.Item key={String(i)}>{s.text}</List.Item>
            ))}
          </List>
        </Box>
      ) : null}
    </VStack>
  );
}

export function HomePage() {
  const t = useT();
  const session = useSession();
  const manager = hasAnyRole(session, 'admin', 'hr');
  const cards: { to: string; title: string; text: string }[] = [];
  if (manager) {
    cards.push({ to: '/ansatte', title: t.home.employees, text: t.home.employeesText });
    cards.push({ to: '/organisasjon', title: t.home.organisation, text: t.home.organisationText });
    cards.push({ to: '/import', title: t.home.import, text: t.home.importText });
  } else if (hasAnyRole(session, 'leder')) {
    cards.push({ to: '/ansatte', title: t.home.myEmployees, text: t.home.myEmployeesText });
  }
  if (hasAnyRole(session, 'admin'))
    cards.push({ to: '/brukere', title: t.home.users, text: t.home.usersText });
  if (session.employeeId !== null)
    cards.push({ to: '/mitt-fravaer', title: t.myAbsence.title, text: t.myAbsence.sickTodayText });
  cards.push({ to: '/min-side', title: t.home.myPage, text: t.home.myPageText });
  cards.push({ to: '/innstillinger', title: t.home.settings, text: t.home.settingsText });

  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <div>
        <PageHeading>{t.home.greeting(session.user?.name.split(' ')[0] ?? '')}</PageHeading>
        {session.organisation ? (
          <BodyShort>
            {session.organisation.name} · {t.header.orgNumber(formatOrgnr(session.organisation.orgnr))}
          </BodyShort>
        ) : null}
      </div>
      <Flash />
      <PlanToReadNotice />
      <UnreadRoutinesNotice />
      <OverdueHighNotice />
      {hasAnyRole(session, 'admin', 'hr', 'leder') ? <TasksSummary /> : null}
      {hasAnyRole(session, 'leder') ? <RegisterSickLeave idPrefix="home-register" /> : null}
      {manager ? <Overview /> : null}
      <section aria-labelledby="shortcuts-heading">
        <Heading level="2" size="medium" id="shortcuts-heading" spacing>
          {t.home.shortcuts}
        </Heading>
        <HGrid columns={{ xs: 1, md: 2, lg: 3 }} gap="space-16">
          {cards.map((c) => (
            <Shortcut key={c.to} {...c} />
          ))}
        </HGrid>
      </section>
    </VStack>
  );
}
