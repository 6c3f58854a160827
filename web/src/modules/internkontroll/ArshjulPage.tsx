/**
 * «Årshjul» (`/internkontroll/arshjul?ar=2027&visning=liste`): the year's recurring HMS activities,
 * month by month or as one list by date. Each shows its deadline, owner, state, whether it is law
 * or a recommendation, the legal basis and its sub-tasks; who may edit it marks it done (with a
 * note), reopens or moves it, and admin/HR add and delete their own. At the bottom the activities
 * that do not apply, and why.
 */
import { ChevronLeftIcon, ChevronRightIcon, PlusIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Detail,
  Heading,
  HGrid,
  HStack,
  List,
  ToggleGroup,
  VStack,
} from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime, formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { AddDialog, DeleteDialog, DoneDialog, MoveDialog } from './ArshjulDialogs.tsx';
import { type ArshjulItem, type ArshjulView, useArshjul, useArshjulWrites } from './api.ts';
import { asClause, KindTag, StateTag } from './parts.tsx';
import './internkontroll.css';

const VIEWS = ['maned', 'liste'] as const;
type View = (typeof VIEWS)[number];

type Dialog = { kind: 'done' | 'move' | 'delete'; item: ArshjulItem } | { kind: 'add'; item?: never } | null;

/** The year in the address, or this year (Norwegian time). */
function yearFrom(param: string | null): number {
  const year = Number(param);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(todayIso().slice(0, 4));
}

export function ArshjulPage() {
  const { t, locale } = useI18n();
  const ti = t.internkontroll;
  const session = useSession();
  const canManage = hasAnyRole(session, 'admin', 'hr');
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params.get('ar'));
  const view: View = VIEWS.find((v) => v === params.get('visning')) ?? 'maned';
  const arshjul = useArshjul(year);
  const writes = useArshjulWrites();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** The item whose first action takes focus once the dialog is gone (its own button may be gone too). */
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const title = (item: ArshjulItem) => (locale === 'en' ? item.title.en : item.title.nb);
  const focusItem = (id: string) => setFocusTarget(id);

  useEffect(() => {
    if (!focusTarget || dialog) return;
    const item = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(focusTarget)}"]`);
    item?.querySelector<HTMLElement>('button')?.focus();
    setFocusTarget(null);
  }, [focusTarget, dialog]);

  const update = (next: { ar?: number; visning?: View }) => {
    const merged = new URLSearchParams(params);
    if (next.ar !== undefined) merged.set('ar', String(next.ar));
    if (next.visning !== undefined) merged.set('visning', next.visning);
    setParams(merged, { replace: true });
  };

  const open = (next: Exclude<Dialog, null>) => {
    setMessage(null);
    writes.markDone.reset();
    writes.move.reset();
    writes.remove.reset();
    writes.create.reset();
    setDialog(next);
  };

  const reopen = (item: ArshjulItem) => {
    setMessage(null);
    writes.reopen.mutate(item.id, {
      onSuccess: () => {
        setMessage(ti.reopened(title(item)));
        focusItem(item.id);
      },
    });
  };

  const actions: ItemActions = {
    canDelete: canManage,
    onDone: (item) => open({ kind: 'done', item }),
    onReopen: reopen,
    onMove: (item) => open({ kind: 'move', item }),
    onDelete: (item) => open({ kind: 'delete', item }),
    reopening: writes.reopen.isPending ? writes.reopen.variables : undefined,
  };

  const data = arshjul.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{ti.arshjulTitle}</PageHeading>
        <BodyLong className="ik-measure">{ti.arshjulIntro}</BodyLong>
      </VStack>
      <HStack gap="space-12" wrap>
        <ButtonLink to="/internkontroll/plikter" variant="secondary" size="small">
          {ti.toDuties}
        </ButtonLink>
        {canManage ? (
          <ButtonLink to="/internkontroll/profil" variant="secondary" size="small">
            {ti.editProfile}
          </ButtonLink>
        ) : null}
      </HStack>
      <SuccessMessage>{message}</SuccessMessage>
      {writes.reopen.isError ? <ErrorAlert error={writes.reopen.error} /> : null}
      <HStack gap="space-16" align="end" justify="space-between" wrap>
        <HStack gap="space-8" align="center" role="group" aria-label={ti.yearNav} wrap>
          <Button
            type="button"
            variant="tertiary"
            size="small"
            icon={<ChevronLeftIcon aria-hidden />}
            onClick={() => update({ ar: year - 1 })}
          >
            {ti.prevYear}
          </Button>
          <BodyShort weight="semibold" aria-live="polite" className="ik-year">
            {ti.showingYear(year)}
          </BodyShort>
          <Button
            type="button"
            variant="tertiary"
            size="small"
            icon={<ChevronRightIcon aria-hidden />}
            iconPosition="right"
            onClick={() => update({ ar: year + 1 })}
          >
            {ti.nextYear}
          </Button>
        </HStack>
        <ToggleGroup
          label={ti.viewLabel}
          size="small"
          value={view}
          onChange={(v: string) => {
            const next = VIEWS.find((x) => x === v);
            if (next) update({ visning: next });
          }}
        >
          <ToggleGroup.Item value="maned" label={ti.viewMonths} />
          <ToggleGroup.Item value="liste" label={ti.viewList} />
        </ToggleGroup>
      </HStack>
      {canManage ? (
        <div>
          <Button
            type="button"
            variant="secondary"
            icon={<PlusIcon aria-hidden />}
            onClick={() => open({ kind: 'add' })}
          >
            {ti.addButton}
          </Button>
        </div>
      ) : null}
      {arshjul.isPending ? <Loading /> : null}
      {arshjul.isError ? <ErrorAlert error={arshjul.error} onRetry={() => void arshjul.refetch()} /> : null}
      {data ? (
        <>
          {data.profileSaved ? null : (
            <Alert variant="info">
              <VStack gap="space-8" align="start">
                <BodyShort>{ti.arshjulProfileMissing}</BodyShort>
                {canManage ? (
                  <ButtonLink to="/internkontroll/profil" size="small">
                    {ti.fillProfile}
                  </ButtonLink>
                ) : (
                  <BodyShort>{ti.profileMissingOthers}</BodyShort>
                )}
              </VStack>
            </Alert>
          )}
          <VStack as="section" gap="space-16" aria-labelledby="ik-activities-heading">
            <Heading level="2" size="medium" id="ik-activities-heading">
              {ti.activitiesHeading(data.year)}
            </Heading>
            {view === 'maned' ? (
              <MonthGrid data={data} actions={actions} />
            ) : (
              <DateList data={data} actions={actions} />
            )}
          </VStack>
          <NotApplicable data={data} />
        </>
      ) : null}
      {dialog?.kind === 'done' ? (
        <DoneDialog
          item={dialog.item}
          write={writes.markDone}
          onClose={() => setDialog(null)}
          onSubmit={(note) =>
            writes.markDone.mutateAsync({ id: dialog.item.id, note }).then(() => {
              setDialog(null);
              setMessage(ti.markedDone(title(dialog.item)));
              focusItem(dialog.item.id);
            })
          }
        />
      ) : null}
      {dialog?.kind === 'move' ? (
        <MoveDialog
          item={dialog.item}
          write={writes.move}
          onClose={() => setDialog(null)}
          onSubmit={(body) =>
            writes.move.mutateAsync({ id: dialog.item.id, ...body }).then((saved) => {
              setDialog(null);
              setMessage(ti.moved(title(saved), formatDate(saved.due)));
              if (saved.due.slice(0, 4) === String(year)) focusItem(saved.id);
            })
          }
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteDialog
          item={dialog.item}
          write={writes.remove}
          onClose={() => setDialog(null)}
          onSubmit={() =>
            writes.remove.mutateAsync(dialog.item.id).then(() => {
              setDialog(null);
              setMessage(ti.deleted(title(dialog.item)));
            })
          }
        />
      ) : null}
      {dialog?.kind === 'add' ? (
        <AddDialog
          write={writes.create}
          onClose={() => setDialog(null)}
          onSubmit={(item) =>
            writes.create.mutateAsync(item).then((saved) => {
              setDialog(null);
              setMessage(ti.added(title(saved)));
              if (saved.due.slice(0, 4) === String(year)) focusItem(saved.id);
            })
          }
        />
      ) : null}
    </VStack>
  );
}

type ItemActions = {
  canDelete: boolean;
  onDone: (item: ArshjulItem) => void;
  onReopen: (item: ArshjulItem) => void;
  onMove: (item: ArshjulItem) => void;
  onDelete: (item: ArshjulItem) => void;
  /** The id of the item being reopened. */
  reopening: string | undefined;
};

function byDue(a: ArshjulItem, b: ArshjulItem): number {
  return a.due.localeCompare(b.due) || a.title.nb.localeCompare(b.title.nb, 'nb');
}

function MonthGrid({ data, actions }: { data: ArshjulView; actions: ItemActions }) {
  const ti = useI18n().t.internkontroll;
  const months = ti.months.map((name, index) => ({
    name,
    items: data.items.filter((i) => Number(i.due.slice(5, 7)) === index + 1).sort(byDue),
  }));
  return (
    <HGrid columns={{ xs: 1, sm: 2, lg: 3 }} gap="space-16" className="ik-months">
      {months.map((m, index) => (
        <Box
          key={m.name}
          as="section"
          aria-labelledby={`ik-month-${index + 1}`}
          padding="space-16"
          borderWidth="1"
          borderRadius="8"
          borderColor="neutral-subtle"
          className="ik-month"
          data-month={index + 1}
        >
          <VStack gap="space-12">
            <Heading level="3" size="small" id={`ik-month-${index + 1}`}>
              {m.name}
            </Heading>
            {m.items.length === 0 ? (
              <Detail>{ti.monthEmpty}</Detail>
            ) : (
              <ul className="ik-list">
                {m.items.map((item) => (
                  <ItemView key={item.id} item={item} actions={actions} headingLevel="4" />
                ))}
              </ul>
            )}
          </VStack>
        </Box>
      ))}
    </HGrid>
  );
}

function DateList({ data, actions }: { data: ArshjulView; actions: ItemActions }) {
  const ti = useI18n().t.internkontroll;
  const items = [...data.items].sort(byDue);
  if (items.length === 0) return <BodyShort>{ti.listEmpty(data.year)}</BodyShort>;
  return (
    <ul className="ik-list ik-date-list">
      {items.map((item) => (
        <ItemView key={item.id} item={item} actions={actions} headingLevel="3" />
      ))}
    </ul>
  );
}

function ItemView({
  item,
  actions,
  headingLevel,
}: {
  item: ArshjulItem;
  actions: ItemActions;
  headingLevel: '3' | '4';
}) {
  const { t, locale } = useI18n();
  const ti = t.internkontroll;
  const title = locale === 'en' ? item.title.en : item.title.nb;
  const moved = item.generatedDue && item.generatedDue !== item.due ? item.generatedDue : null;
  return (
    <li
      className="ik-item"
      data-item-id={item.id}
      data-key={item.key ?? 'egen'}
      data-occurrence={item.occurrence}
      data-state={item.state}
    >
      <VStack gap="space-8">
        <Heading level={headingLevel} size="xsmall" className="ik-item-title">
          {title}
        </Heading>
        <HStack gap="space-8" align="center" wrap>
          <StateTag state={item.state} />
          <KindTag kind={item.kind} />
        </HStack>
        <BodyShort size="small">
          {ti.due(formatDate(item.due))}
          {moved ? ` (${ti.movedFrom(formatDate(moved))})` : null}
        </BodyShort>
        <BodyShort size="small">{ti.owner(t.roles[item.ownerRole])}</BodyShort>
        {item.legalBasis ? <Detail>{ti.legalBasis(item.legalBasis)}</Detail> : null}
        {item.subtasks.length > 0 ? (
          <div>
            <Detail weight="semibold">{ti.subtasks}</Detail>
            <List size="small" className="ik-subtasks">
              {item.subtasks.map((s) => (
                <List.Item key={s.nb}>{locale === 'en' ? s.en : s.nb}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {item.done ? (
          <Box padding="space-8" background="success-soft" borderRadius="4">
            <BodyShort size="small" weight="semibold">
              {ti.doneBy(dateTime(item.done.at, locale), item.done.by)}
            </BodyShort>
            {item.done.note ? (
              <BodyShort size="small" className="ik-note">
                {item.done.note}
              </BodyShort>
            ) : null}
          </Box>
        ) : null}
        {item.canEdit ? (
          <HStack gap="space-8" wrap>
            {item.done ? (
              <Button
                type="button"
                size="small"
                variant="secondary"
                aria-label={ti.reopenLabel(title)}
                loading={actions.reopening === item.id}
                onClick={() => actions.onReopen(item)}
              >
                {ti.reopen}
              </Button>
            ) : (
              <Button
                type="button"
                size="small"
                variant="primary"
                aria-label={ti.markDoneLabel(title)}
                onClick={() => actions.onDone(item)}
              >
                {ti.markDone}
              </Button>
            )}
            <Button
              type="button"
              size="small"
              variant="secondary"
              aria-label={ti.moveLabel(title)}
              onClick={() => actions.onMove(item)}
            >
              {ti.move}
            </Button>
            {item.key === null && actions.canDelete ? (
              <Button
                type="button"
                size="small"
                variant="tertiary"
                aria-label={ti.removeLabel(title)}
                onClick={() => actions.onDelete(item)}
              >
                {ti.remove}
              </Button>
            ) : null}
          </HStack>
        ) : null}
      </VStack>
    </li>
  );
}

function NotApplicable({ data }: { data: ArshjulView }) {
  const { t, locale } = useI18n();
  const ti = t.internkontroll;
  // The server may write the whole «Ikke aktuelt — fordi …» sentence, or only the reason.
  const prefix = ti.notApplicableReason('').trim().toLowerCase();
  const notApplicableText = (reason: string) =>
    reason.toLowerCase().startsWith(prefix) ? reason : ti.notApplicableReason(asClause(reason));
  if (data.notApplicable.length === 0) return null;
  return (
    <VStack as="section" gap="space-12" aria-labelledby="ik-na-heading">
      <Heading level="2" size="medium" id="ik-na-heading">
        {ti.notApplicableHeading}
      </Heading>
      <BodyShort>{ti.notApplicableIntro}</BodyShort>
      <ul className="ik-list">
        {data.notApplicable.map((na) => (
          <li key={na.key} className="ik-item" data-key={na.key}>
            <VStack gap="space-4">
              <Heading level="3" size="xsmall">
                {locale === 'en' ? na.title.en : na.title.nb}
              </Heading>
              <BodyShort size="small">
                {notApplicableText(locale === 'en' ? na.reason.en : na.reason.nb)}
              </BodyShort>
              <Detail>{ti.legalBasis(na.legalBasis)}</Detail>
            </VStack>
          </li>
        ))}
      </ul>
    </VStack>
  );
}
