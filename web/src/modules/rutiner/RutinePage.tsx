/**
 * One routine (`/internkontroll/rutiner/:id`): the text of the current version (plain text, never
 * HTML), its facts, the version history, and — for HR and leaders — «Hvem har ikke lest» (HR: the
 * whole organisation, a leader: their own people). Admin/HR change or archive it. An employee the
 * routine applies to confirms it here too.
 */
import { BodyShort, Button, Detail, Heading, HStack, Link, Modal, ReadMore, VStack } from '@navikt/ds-react';
import { useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ErrorAlert, Flash, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime, formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import {
  type Confirmations,
  type RoutineDetail,
  useConfirmations,
  useRoutine,
  useRoutineWrites,
} from './api.ts';
import { ConfirmPanel } from './ConfirmPanel.tsx';
import { ReviewTag, RoutineText } from './parts.tsx';
import './rutiner.css';

export function RutinePage() {
  const { t } = useI18n();
  const tr = t.rutiner;
  const { id = '' } = useParams();
  const routine = useRoutine(id);
  const data = routine.data;

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <Link as={RouterLink} to="/internkontroll/rutiner">
          {tr.back}
        </Link>
      </div>
      {routine.isPending ? <Loading /> : null}
      {routine.isError ? <ErrorAlert error={routine.error} onRetry={() => void routine.refetch()} /> : null}
      {data ? <RoutineView routine={data} onReload={() => routine.refetch()} /> : null}
    </VStack>
  );
}

export function RoutineFacts({ routine }: { routine: RoutineDetail }) {
  const { t } = useI18n();
  const tr = t.rutiner;
  return (
    <dl className="rutine-facts">
      <div>
        <dt>{tr.category}</dt>
        <dd>{tr.categories[routine.category]}</dd>
      </div>
      <div>
        <dt>{tr.owner}</dt>
        <dd>{routine.owner?.name ?? tr.noOwner}</dd>
      </div>
      <div>
        <dt>{tr.reviewDue}</dt>
        <dd>
          <HStack gap="space-8" align="center" wrap>
            <span>{formatDate(routine.reviewDue)}</span>
            {routine.archived ? null : <ReviewTag state={routine.reviewState} />}
          </HStack>
        </dd>
      </div>
      <div>
        <dt>{tr.version}</dt>
        <dd>
          {routine.currentVersion} · {tr.publishedBy(formatDate(routine.publishedAt), routine.publishedBy)}
        </dd>
      </div>
      <div>
        <dt>{tr.appliesTo}</dt>
        <dd>
          {routine.appliesToAll
            ? tr.appliesToAll
            : routine.units.map((u) => u.name).join(', ') || tr.appliesToNone}
        </dd>
      </div>
    </dl>
  );
}

function RoutineView({ routine, onReload }: { routine: RoutineDetail; onReload: () => Promise<unknown> }) {
  const { t, locale } = useI18n();
  const tr = t.rutiner;
  const writes = useRoutineWrites();
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const archiveButton = useRef<HTMLButtonElement>(null);

  return (
    <VStack gap="space-24">
      <VStack gap="space-12">
        <PageHeading>{routine.title}</PageHeading>
        <Flash />
        <SuccessMessage>{message}</SuccessMessage>
        {routine.archived ? (
          <BodyShort weight="semibold" className="rutine-archived">
            {tr.archivedNotice}
          </BodyShort>
        ) : null}
        <RoutineFacts routine={routine} />
        {routine.canEdit && !routine.archived ? (
          <HStack gap="space-12" wrap>
            <ButtonLink to={`/internkontroll/rutiner/${routine.id}/endre`} variant="secondary" size="small">
              {tr.edit}
            </ButtonLink>
            <Button
              ref={archiveButton}
              type="button"
              variant="tertiary"
              size="small"
              onClick={() => {
                writes.archive.reset();
                setArchiveOpen(true);
              }}
            >
              {tr.archive}
            </Button>
          </HStack>
        ) : null}
      </VStack>

      <ConfirmPanel routine={routine} onReload={onReload} />

      <section aria-labelledby="rutine-text-heading" className="rutine-text-box">
        <Heading level="2" size="medium" id="rutine-text-heading" spacing>
          {tr.textHeading}
        </Heading>
        <RoutineText text={routine.body} />
      </section>

      <section aria-labelledby="rutine-history-heading" className="rutine-measure">
        <Heading level="2" size="medium" id="rutine-history-heading" spacing>
          {tr.historyHeading}
        </Heading>
        <ul className="rutine-versions">
          {routine.versions.map((v) => (
            <li key={v.version} className="rutine-version">
              <VStack gap="space-4">
                <BodyShort weight="semibold">
                  {v.version === routine.currentVersion ? (
                    `${tr.version} ${v.version} (${tr.current})`
                  ) : (
                    <Link as={RouterLink} to={`/internkontroll/rutiner/${routine.id}/versjoner/${v.version}`}>
                      {tr.showVersion(v.version)}
                    </Link>
                  )}
                </BodyShort>
                <Detail>{tr.publishedBy(dateTime(v.publishedAt, locale), v.publishedBy)}</Detail>
                {v.changeNote ? (
                  <BodyShort size="small">
                    {tr.changeNoteLabel}: {v.changeNote}
                  </BodyShort>
                ) : null}
              </VStack>
            </li>
          ))}
        </ul>
      </section>

      {routine.canSeeConfirmations ? <WhoHasNotRead routine={routine} /> : null}

      <Modal
        open={archiveOpen}
        onClose={() => {
          setArchiveOpen(false);
          archiveButton.current?.focus();
        }}
        header={{ heading: tr.archiveHeading }}
        width="small"
      >
        <Modal.Body>
          <VStack gap="space-12">
            <BodyShort>{tr.archiveBody}</BodyShort>
            {writes.archive.isError ? <ErrorAlert error={writes.archive.error} /> : null}
          </VStack>
        </Modal.Body>
        <Modal.Footer>
          <Button
            type="button"
            variant="danger"
            loading={writes.archive.isPending}
            onClick={() =>
              writes.archive.mutate(routine.id, {
                onSuccess: () => {
                  setArchiveOpen(false);
                  setMessage(tr.archived);
                },
              })
            }
          >
            {tr.archiveConfirm}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setArchiveOpen(false)}>
            {tr.cancel}
          </Button>
        </Modal.Footer>
      </Modal>
    </VStack>
  );
}

/** «Hvem har ikke lest»: HR sees the whole organisation, a leader their own people. */
function WhoHasNotRead({ routine }: { routine: RoutineDetail }) {
  const { t } = useI18n();
  const tr = t.rutiner;
  const who = useConfirmations(routine.id, !routine.archived);
  if (routine.archived) return null;
  const data = who.data;
  return (
    <section aria-labelledby="rutine-who-heading" className="rutine-measure">
      <Heading level="2" size="medium" id="rutine-who-heading" spacing>
        {tr.whoHeading}
      </Heading>
      {who.isPending ? <Loading /> : null}
      {who.isError ? <ErrorAlert error={who.error} onRetry={() => void who.refetch()} /> : null}
      {data ? <WhoLists data={data} /> : null}
    </section>
  );
}

function WhoLists({ data }: { data: Confirmations }) {
  const { t } = useI18n();
  const tr = t.rutiner;
  const total = data.confirmed.length + data.notConfirmed.length;
  return (
    <VStack gap="space-16">
      <BodyShort>{data.scope === 'all' ? tr.whoIntroAll : tr.whoIntroOwn}</BodyShort>
      <BodyShort weight="semibold" data-testid="rutine-who-count">
        {tr.confirmedCount(data.confirmed.length, total)}
      </BodyShort>
      {total === 0 ? <BodyShort>{tr.nobodyCovered}</BodyShort> : null}
      {total > 0 && data.notConfirmed.length === 0 ? <BodyShort>{tr.everyoneConfirmed}</BodyShort> : null}
      {data.notConfirmed.length > 0 ? (
        <ul className="rutine-people" data-testid="rutine-not-confirmed">
          {data.notConfirmed.map((p) => (
            <li key={p.employeeId} className="rutine-person">
              <BodyShort weight="semibold">{p.name}</BodyShort>
              <Detail>
                {[
                  p.unitName,
                  p.confirmedVersion !== null ? tr.confirmedOlder(p.confirmedVersion) : null,
                  p.hasLogin ? null : tr.noLogin,
                ]
                  .filter((x): x is string => x !== null)
                  .join(' · ')}
              </Detail>
            </li>
          ))}
        </ul>
      ) : null}
      {data.confirmed.length > 0 ? (
        <ReadMore header={tr.confirmedHeading(data.confirmed.length)}>
          <ul className="rutine-people" data-testid="rutine-confirmed">
            {data.confirmed.map((p) => (
              <li key={p.employeeId} className="rutine-person">
                <BodyShort weight="semibold">{p.name}</BodyShort>
                <Detail>
                  {p.unitName} · {tr.confirmedOn(formatDate(p.confirmedAt))}
                </Detail>
              </li>
            ))}
          </ul>
        </ReadMore>
      ) : null}
    </VStack>
  );
}
