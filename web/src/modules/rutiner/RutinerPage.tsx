/**
 * «Rutiner» (`/internkontroll/rutiner`; admin, HR, leaders, verneombud): the HMS handbook. Each
 * routine with its category, owner, review date and state, current version and — for those who may
 * see it — «N av M har bekreftet»; the sick-leave routine as a read-only entry; for admin/HR «Ny
 * rutine» and «Ny rutine fra mal», and the archived routines on request.
 */
import { PlusIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Detail,
  Heading,
  HStack,
  Link,
  Switch,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ROUTINE_TEMPLATE_KEYS, ROUTINE_TEMPLATES } from '../../../../src/domain/rutiner/templates.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ErrorAlert, Flash, Loading } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type RoutineList, type RoutineSummary, useRoutineList } from './api.ts';
import { ReadTag, ReviewTag } from './parts.tsx';
import './rutiner.css';

export function RutinerPage() {
  const { t } = useI18n();
  const tr = t.rutiner;
  const [showArchived, setShowArchived] = useState(false);
  const list = useRoutineList(showArchived);
  const data = list.data;

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{tr.title}</PageHeading>
        <BodyLong className="rutine-measure">{tr.intro}</BodyLong>
        <Detail className="rutine-measure">{tr.lawNote}</Detail>
      </VStack>
      <Flash />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data ? (
        <>
          {data.canEdit ? <EditorActions /> : null}
          {!data.items.some((i) => i.category === 'avvik' && !i.archived) ? (
            <Alert variant="warning" className="rutine-measure">
              {tr.missingAvvik}
            </Alert>
          ) : null}
          <VStack as="section" gap="space-16" aria-labelledby="rutiner-list-heading">
            <HStack justify="space-between" align="center" gap="space-16" wrap>
              <Heading level="2" size="medium" id="rutiner-list-heading">
                {tr.listHeading}
              </Heading>
              {data.canEdit ? (
                <Switch
                  size="small"
                  checked={showArchived}
                  onChange={(e) => setShowArchived(e.target.checked)}
                >
                  {tr.showArchived}
                </Switch>
              ) : null}
            </HStack>
            <ul className="rutine-list">
              {data.items.map((item) => (
                <RoutineRow key={item.id} item={item} />
              ))}
              <SickLeaveRow data={data} />
            </ul>
            {data.items.length === 0 ? (
              <BodyShort>{data.canEdit ? tr.empty : tr.emptyReader}</BodyShort>
            ) : null}
          </VStack>
        </>
      ) : null}
    </VStack>
  );
}

function EditorActions() {
  const { t, locale } = useI18n();
  const tr = t.rutiner;
  return (
    <VStack gap="space-16" align="start">
      <ButtonLink to="/internkontroll/rutiner/ny" icon={<PlusIcon aria-hidden />}>
        {tr.newRoutine}
      </ButtonLink>
      <Box as="section" aria-labelledby="rutiner-templates-heading" className="rutine-measure">
        <Heading level="2" size="small" id="rutiner-templates-heading" spacing>
          {tr.fromTemplateHeading}
        </Heading>
        <BodyShort spacing>{tr.fromTemplateIntro}</BodyShort>
        <ul className="rutine-templates">
          {ROUTINE_TEMPLATE_KEYS.map((key) => (
            <li key={key}>
              <Link as={RouterLink} to={`/internkontroll/rutiner/ny?mal=${key}`}>
                {ROUTINE_TEMPLATES[key].name[locale]}
              </Link>
            </li>
          ))}
        </ul>
      </Box>
    </VStack>
  );
}

function RoutineRow({ item }: { item: RoutineSummary }) {
  const { t } = useI18n();
  const tr = t.rutiner;
  return (
    <li className="rutine-row" data-routine-id={item.id}>
      <VStack gap="space-8">
        <HStack gap="space-8" align="center" wrap>
          <Heading level="3" size="small" className="rutine-row-title">
            <Link as={RouterLink} to={`/internkontroll/rutiner/${item.id}`}>
              {item.title}
            </Link>
          </Heading>
          {item.archived ? (
            <Detail weight="semibold" className="rutine-archived">
              {tr.archivedTag}
            </Detail>
          ) : null}
          {item.mine ? <ReadTag state={item.mine.state} /> : null}
        </HStack>
        <dl className="rutine-facts">
          <div>
            <dt>{tr.category}</dt>
            <dd>{tr.categories[item.category]}</dd>
          </div>
          <div>
            <dt>{tr.owner}</dt>
            <dd>{item.owner?.name ?? tr.noOwner}</dd>
          </div>
          <div>
            <dt>{tr.reviewDue}</dt>
            <dd>
              <HStack gap="space-8" align="center" wrap>
                <span>{formatDate(item.reviewDue)}</span>
                {item.archived ? null : <ReviewTag state={item.reviewState} />}
              </HStack>
            </dd>
          </div>
          <div>
            <dt>{tr.version}</dt>
            <dd>{tr.versionOf(item.currentVersion, formatDate(item.publishedAt))}</dd>
          </div>
          <div>
            <dt>{tr.appliesTo}</dt>
            <dd>
              {item.appliesToAll
                ? tr.appliesToAll
                : item.units.map((u) => u.name).join(', ') || tr.appliesToNone}
            </dd>
          </div>
          {item.confirmations ? (
            <div>
              <dt>{tr.confirmedLabel}</dt>
              <dd className="rutine-count">
                {tr.confirmedCount(item.confirmations.confirmed, item.confirmations.total)}
              </dd>
            </div>
          ) : null}
        </dl>
      </VStack>
    </li>
  );
}

/** The sick-leave follow-up routine lives in the sick-leave module; here it is listed, read-only. */
function SickLeaveRow({ data }: { data: RoutineList }) {
  const { t } = useI18n();
  const tr = t.rutiner;
  const sick = data.sickLeave;
  return (
    <li className="rutine-row" data-routine-id="sykefravaer">
      <VStack gap="space-8">
        <Heading level="3" size="small" className="rutine-row-title">
          {data.canEdit ? (
            <Link as={RouterLink} to={sick.link}>
              {tr.sickLeaveTitle}
            </Link>
          ) : (
            tr.sickLeaveTitle
          )}
        </Heading>
        <BodyShort size="small">
          {sick.updatedAt ? tr.sickLeaveSaved(sick.version, formatDate(sick.updatedAt)) : tr.sickLeaveDefault}{' '}
          {data.canEdit ? `${tr.sickLeaveWhere}.` : tr.sickLeaveReaders}
        </BodyShort>
      </VStack>
    </li>
  );
}
