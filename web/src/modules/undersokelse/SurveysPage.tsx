/**
 * «Undersøkelser» (`/undersokelser`): the surveys the user can answer (everyone linked to an
 * employee record), and for HR, the verneombud and the AMU every survey with its state and number of
 * answers (only from 5), publish (HR/VO) and results.
 */
import { BodyLong, BodyShort, Button, Heading, HStack, Link, Table, Tag, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ErrorAlert, Flash, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type MySurvey, type SurveySummary, useMySurveys, useSurveys, useSurveyWrites } from './api.ts';
import './undersokelse.css';

export function SurveysPage() {
  const tu = useI18n().t.undersokelse;
  const session = useSession();
  const reader = hasAnyRole(session, 'admin', 'hr', 'verneombud', 'amu');
  const answerer = session.employeeId !== null;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{tu.title}</PageHeading>
        <BodyLong className="us-measure">{tu.intro}</BodyLong>
      </VStack>
      <Flash />
      {answerer ? <Mine /> : null}
      {reader ? <All canMake={hasAnyRole(session, 'admin', 'hr', 'verneombud')} /> : null}
    </VStack>
  );
}

function Mine() {
  const tu = useI18n().t.undersokelse;
  const mine = useMySurveys(true);
  return (
    <VStack as="section" gap="space-12" aria-labelledby="us-mine-heading">
      <Heading level="2" size="medium" id="us-mine-heading">
        {tu.mineHeading}
      </Heading>
      {mine.isPending ? <Loading /> : null}
      {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data && mine.data.items.length === 0 ? <BodyShort>{tu.mineEmpty}</BodyShort> : null}
      {mine.data && mine.data.items.length > 0 ? (
        <ul className="us-list">
          {mine.data.items.map((s) => (
            <MineItem key={s.id} survey={s} />
          ))}
        </ul>
      ) : null}
    </VStack>
  );
}

function MineItem({ survey: s }: { survey: MySurvey }) {
  const tu = useI18n().t.undersokelse;
  return (
    <li>
      <VStack gap="space-4">
        <BodyShort weight="semibold">{s.title}</BodyShort>
        <BodyShort size="small">
          {s.state === 'planlagt' ? tu.opens(formatDate(s.opensOn)) : tu.closes(formatDate(s.closesOn))}
        </BodyShort>
        {s.state === 'apen' && !s.answered ? (
          <div>
            <ButtonLink to={`/undersokelser/${s.id}/svar`} size="small">
              {tu.answerLink(s.title)}
            </ButtonLink>
          </div>
        ) : null}
        {s.state === 'apen' && s.answered ? <BodyShort size="small">{tu.answered}</BodyShort> : null}
        {s.hasResults ? (
          <Link as={RouterLink} to={`/undersokelser/${s.id}/resultater`}>
            {tu.resultsLink(s.title)}
          </Link>
        ) : null}
      </VStack>
    </li>
  );
}

function All({ canMake }: { canMake: boolean }) {
  const tu = useI18n().t.undersokelse;
  const surveys = useSurveys(true);
  const { publish } = useSurveyWrites();
  return (
    <VStack as="section" gap="space-12" aria-labelledby="us-all-heading">
      <Heading level="2" size="medium" id="us-all-heading">
        {tu.allHeading}
      </Heading>
      {canMake ? (
        <HStack>
          <ButtonLink to="/undersokelser/ny" variant="secondary" size="small">
            {tu.newSurvey}
          </ButtonLink>
        </HStack>
      ) : null}
      {publish.isSuccess ? <SuccessMessage>{tu.published}</SuccessMessage> : null}
      {publish.isError ? <ErrorAlert error={publish.error} /> : null}
      {surveys.isPending ? <Loading /> : null}
      {surveys.isError ? <ErrorAlert error={surveys.error} onRetry={() => void surveys.refetch()} /> : null}
      {surveys.data && surveys.data.items.length === 0 ? <BodyShort>{tu.allEmpty}</BodyShort> : null}
      {surveys.data && surveys.data.items.length > 0 ? (
        <div className="us-table-wrap">
          <Table size="small">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{tu.colTitle}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{tu.colPeriod}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{tu.colFor}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{tu.colState}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{tu.colAnswers}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{tu.colActions}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {surveys.data.items.map((s) => (
                <Row
                  key={s.id}
                  survey={s}
                  onPublish={() => publish.mutate(s.id)}
                  publishing={publish.isPending}
                />
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </VStack>
  );
}

function Row({
  survey: s,
  onPublish,
  publishing,
}: {
  survey: SurveySummary;
  onPublish: () => void;
  publishing: boolean;
}) {
  const tu = useI18n().t.undersokelse;
  return (
    <Table.Row data-survey={s.id}>
      <Table.HeaderCell scope="row">{s.title}</Table.HeaderCell>
      <Table.DataCell>
        {formatDate(s.opensOn)}–{formatDate(s.closesOn)}
      </Table.DataCell>
      <Table.DataCell>
        {s.units.length === 0 ? tu.wholeOrganisation : s.units.map((u) => u.name).join(', ')}
      </Table.DataCell>
      <Table.DataCell>
        <Tag
          size="small"
          variant={s.state === 'apen' ? 'success' : s.state === 'utkast' ? 'neutral' : 'info'}
        >
          {tu.states[s.state]}
        </Tag>
      </Table.DataCell>
      <Table.DataCell>{s.respondents === null ? tu.fewerThan5 : s.respondents}</Table.DataCell>
      <Table.DataCell>
        {s.canPublish ? (
          <Button
            size="small"
            variant="secondary"
            onClick={onPublish}
            loading={publishing}
            aria-label={tu.publishLabel(s.title)}
          >
            {tu.publish}
          </Button>
        ) : null}
        {s.state === 'lukket' ? (
          <Link
            as={RouterLink}
            to={`/undersokelser/${s.id}/resultater`}
            aria-label={tu.resultsLabel(s.title)}
          >
            {tu.results}
          </Link>
        ) : null}
      </Table.DataCell>
    </Table.Row>
  );
}
