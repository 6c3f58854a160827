/**
 * «Roller og verv» (`/internkontroll/roller`): who holds the HMS roles — the top leader, the
 * verneombud of each verneområde and the hovedverneombud, AMU on both sides with the BHT
 * representative and the chair (this year's, and whose turn it is next year), and the BHT — each with
 * how the role was filled, its term and a tag when it ends soon or has run out. Where the company
 * profile requires a role that is missing, the rule is shown with its reason and legal basis. Every
 * logged-in user reads the page (employees must know who their verneombud is); admin and HR register,
 * correct and end roles. Ended roles are listed, collapsed, at the bottom.
 */
import { PlusIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Detail,
  ExpansionCard,
  Heading,
  HStack,
  Tag,
  VStack,
} from '@navikt/ds-react';
import { type ReactNode, useRef, useState } from 'react';
import type { AmuSide, HmsRoleKind } from '../../../../src/domain/roller/index.ts';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type Duties, type RoleItem, type RollerView, useDuties, useRoller, useRollerWrites } from './api.ts';
import { ChairDialog, EditDialog, EndDialog, RegisterDialog } from './RoleDialogs.tsx';
import './roller.css';

/** Who may read the company profile's duties (as the API lets them). */
const PROFILE_READERS = ['admin', 'hr', 'leder', 'verneombud', 'amu', 'bht', 'tillitsvalgt'] as const;

type Dialog =
  | { kind: 'register' }
  | { kind: 'edit'; role: RoleItem }
  | { kind: 'end'; role: RoleItem }
  | { kind: 'chair' }
  | null;

/** In office today (an expired term counts until someone takes over, FOLM § 3-4). */
const inOffice = (r: RoleItem) =>
  r.status === 'active' || r.status === 'ending-soon' || r.status === 'expired';

export function RollerPage() {
  const { t } = useI18n();
  const tr = t.roller;
  const session = useSession();
  const canEdit = hasAnyRole(session, 'admin', 'hr');
  const roller = useRoller();
  const duties = useDuties(hasAnyRole(session, ...PROFILE_READERS));
  const writes = useRollerWrites();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  const open = (next: Exclude<Dialog, null>) => {
    setMessage(null);
    writes.create.reset();
    writes.update.reset();
    writes.end.reset();
    writes.chair.reset();
    setDialog(next);
  };
  /** After a write: the dialog goes, the message is read out, and focus goes to it (the row may be gone). */
  const done = (text: string) => {
    setDialog(null);
    setMessage(text);
    requestAnimationFrame(() => messageRef.current?.focus());
  };
  const labelOf = (r: RoleItem) => tr.roleOf(tr.kinds[r.kind], r.name ?? r.providerName ?? '');

  const data = roller.data;
  const actions: Actions | null = canEdit
    ? { onEdit: (role) => open({ kind: 'edit', role }), onEnd: (role) => open({ kind: 'end', role }) }
    : null;

  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{tr.title}</PageHeading>
        <BodyLong className="roller-measure">{tr.intro}</BodyLong>
      </VStack>
      {canEdit ? (
        <HStack>
          <Button type="button" icon={<PlusIcon aria-hidden />} onClick={() => open({ kind: 'register' })}>
            {tr.register}
          </Button>
        </HStack>
      ) : null}
      <div ref={messageRef} tabIndex={-1} className="roller-message">
        {message ? (
          <div role="status">
            <Alert variant="success">{message}</Alert>
          </div>
        ) : null}
      </div>
      {roller.isPending ? <Loading /> : null}
      {roller.isError ? <ErrorAlert error={roller.error} onRetry={() => void roller.refetch()} /> : null}
      {data ? (
        <>
          {duties.data ? <MissingRules view={data} duties={duties.data} /> : null}
          <Section id="roller-leder" heading={tr.leaderHeading}>
            <RoleList roles={data.roles.filter((r) => r.kind === 'daglig-leder')} actions={actions} />
          </Section>
          <VerneombudSection view={data} actions={actions} />
          <AmuSection
            view={data}
            actions={actions}
            canEdit={canEdit}
            onSetChair={() => open({ kind: 'chair' })}
          />
          <Section id="roller-bht" heading={tr.bhtHeading}>
            <RoleList roles={data.roles.filter((r) => r.kind === 'bht-kontakt')} actions={actions} />
          </Section>
          <History roles={data.history} />
        </>
      ) : null}

      {dialog?.kind === 'register' && data ? (
        <RegisterDialog
          areas={data.verneomrader}
          write={writes.create}
          onClose={() => setDialog(null)}
          onSubmit={async (role, label) => {
            await writes.create.mutateAsync(role);
            done(tr.registered(label));
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditDialog
          role={dialog.role}
          label={labelOf(dialog.role)}
          write={writes.update}
          onClose={() => setDialog(null)}
          onSubmit={async (body) => {
            await writes.update.mutateAsync({ id: dialog.role.id, ...body });
            done(tr.updated(labelOf(dialog.role)));
          }}
        />
      ) : null}
      {dialog?.kind === 'end' ? (
        <EndDialog
          label={labelOf(dialog.role)}
          write={writes.end}
          onClose={() => setDialog(null)}
          onSubmit={async (body) => {
            await writes.end.mutateAsync({ id: dialog.role.id, ...body });
            done(tr.ended(labelOf(dialog.role)));
          }}
        />
      ) : null}
      {dialog?.kind === 'chair' && data ? (
        <ChairDialog
          years={[data.amuChair.thisYear, data.amuChair.nextYear]}
          members={data.roles.filter((r) => r.kind === 'amu-arbeidsgiver' || r.kind === 'amu-arbeidstaker')}
          write={writes.chair}
          onClose={() => setDialog(null)}
          onSubmit={async (body) => {
            await writes.chair.mutateAsync(body);
            done(tr.chairSaved(body.year));
          }}
        />
      ) : null}
    </VStack>
  );
}

type Actions = { onEdit: (role: RoleItem) => void; onEnd: (role: RoleItem) => void };

function Section({
  id,
  heading,
  intro,
  children,
}: {
  id: string;
  heading: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <VStack as="section" gap="space-12" aria-labelledby={`${id}-heading`}>
      <Heading level="2" size="medium" id={`${id}-heading`}>
        {heading}
      </Heading>
      {intro ? <BodyShort className="roller-measure">{intro}</BodyShort> : null}
      {children}
    </VStack>
  );
}

/** The roles of one seat or group; «Ikke registrert» (or `empty`) when there are none. */
function RoleList({
  roles,
  actions,
  empty,
}: {
  roles: readonly RoleItem[];
  actions: Actions | null;
  empty?: ReactNode;
}) {
  const { t } = useI18n();
  if (roles.length === 0) {
    return empty ?? <BodyShort className="roller-empty">{t.roller.notRegistered}</BodyShort>;
  }
  return (
    <ul className="roller-list">
      {roles.map((r) => (
        <RoleLine key={r.id} role={r} actions={actions} />
      ))}
    </ul>
  );
}

function termText(
  r: RoleItem,
  tr: { term: (a: string, b: string) => string; termOpen: (a: string) => string },
) {
  return r.termEnd
    ? tr.term(formatDate(r.termStart), formatDate(r.termEnd))
    : tr.termOpen(formatDate(r.termStart));
}

function RoleLine({ role, actions }: { role: RoleItem; actions: Actions | null }) {
  const { t } = useI18n();
  const tr = t.roller;
  const name = role.name ?? role.providerName ?? '';
  const label = tr.roleOf(tr.kinds[role.kind], name);
  const provider = role.name !== null && role.providerName ? role.providerName : null;
  return (
    <li className="roller-role" data-role-id={role.id} data-kind={role.kind}>
      <HStack gap="space-12" justify="space-between" align="start" wrap>
        <VStack gap="space-4" className="roller-role-text">
          <BodyShort weight="semibold">
            {name}
            {provider ? <Detail as="span">{` – ${provider}`}</Detail> : null}
          </BodyShort>
          <BodyShort size="small">
            {tr.how[role.how]} · <span className="roller-term">{termText(role, tr)}</span>
          </BodyShort>
          <StatusTag role={role} />
          {role.overdue ? <Detail>{tr.overdue}</Detail> : null}
        </VStack>
        {actions ? (
          <HStack gap="space-8" wrap>
            <Button
              type="button"
              size="small"
              variant="secondary"
              aria-label={tr.editLabel(label)}
              onClick={() => actions.onEdit(role)}
            >
              {tr.edit}
            </Button>
            <Button
              type="button"
              size="small"
              variant="secondary"
              aria-label={tr.endLabel(label)}
              onClick={() => actions.onEnd(role)}
            >
              {tr.end}
            </Button>
          </HStack>
        ) : null}
      </HStack>
    </li>
  );
}

function StatusTag({ role }: { role: RoleItem }) {
  const { t } = useI18n();
  const tr = t.roller;
  if (role.status === 'ending-soon') {
    return (
      <Tag size="small" variant="moderate" data-color="warning" className="roller-status">
        {tr.endingSoon}
      </Tag>
    );
  }
  if (role.status === 'expired') {
    return (
      <Tag size="small" variant="moderate" data-color="danger" className="roller-status">
        {tr.expired}
      </Tag>
    );
  }
  if (role.status === 'upcoming') {
    return (
      <Tag size="small" variant="moderate" data-color="info" className="roller-status">
        {tr.upcoming(formatDate(role.termStart))}
      </Tag>
    );
  }
  return null;
}

function VerneombudSection({ view, actions }: { view: RollerView; actions: Actions | null }) {
  const { t } = useI18n();
  const tr = t.roller;
  const vos = view.roles.filter((r) => r.kind === 'verneombud');
  return (
    <Section id="roller-vo" heading={tr.voHeading} intro={tr.voIntro}>
      {view.verneomrader.length === 0 ? <BodyShort>{tr.noAreas}</BodyShort> : null}
      <ul className="roller-areas">
        {view.verneomrader.map((area) => {
          const mine = vos.filter((r) => r.verneomradeId === area.id);
          const covered = mine.some(inOffice);
          return (
            <li key={area.id} data-area-id={area.id} className="roller-area">
              <VStack gap="space-8">
                <HStack gap="space-8" align="center" wrap>
                  <Heading level="3" size="small">
                    {area.name}
                  </Heading>
                  {covered ? null : (
                    <Tag size="small" variant="moderate" data-color="warning">
                      {tr.missingVo}
                    </Tag>
                  )}
                </HStack>
                <RoleList roles={mine} actions={actions} empty={null} />
              </VStack>
            </li>
          );
        })}
      </ul>
      <Heading level="3" size="small">
        {tr.hvoHeading}
      </Heading>
      <RoleList roles={view.roles.filter((r) => r.kind === 'hovedverneombud')} actions={actions} />
    </Section>
  );
}

function AmuSection({
  view,
  actions,
  canEdit,
  onSetChair,
}: {
  view: RollerView;
  actions: Actions | null;
  canEdit: boolean;
  onSetChair: () => void;
}) {
  const { t } = useI18n();
  const tr = t.roller;
  const group = (kind: HmsRoleKind) => view.roles.filter((r) => r.kind === kind);
  const { thisYear, nextYear } = view.amuChair;
  const sideName = (side: AmuSide) => tr.sides[side];
  return (
    <Section id="roller-amu" heading={tr.amuHeading}>
      <div className="roller-amu-grid">
        <VStack gap="space-8">
          <Heading level="3" size="small">
            {tr.sides.arbeidsgiver}
          </Heading>
          <RoleList roles={group('amu-arbeidsgiver')} actions={actions} />
        </VStack>
        <VStack gap="space-8">
          <Heading level="3" size="small">
            {tr.sides.arbeidstaker}
          </Heading>
          <RoleList roles={group('amu-arbeidstaker')} actions={actions} />
        </VStack>
      </div>
      <Heading level="3" size="small">
        {tr.amuBhtHeading}
      </Heading>
      <RoleList roles={group('amu-bht')} actions={actions} />
      <Box
        padding="space-16"
        borderWidth="1"
        borderRadius="8"
        borderColor="neutral-subtle"
        data-testid="amu-chair"
      >
        <VStack gap="space-8" align="start">
          <Heading level="3" size="small">
            {tr.chairHeading}
          </Heading>
          <BodyShort>
            {thisYear.chair
              ? tr.chairThisYear(thisYear.year, sideName(thisYear.chair.side), thisYear.chair.name)
              : tr.chairNone(thisYear.year)}
          </BodyShort>
          {nextYear.chair ? (
            <BodyShort>
              {tr.nextChair(nextYear.year, nextYear.chair.name, sideName(nextYear.chair.side))}
            </BodyShort>
          ) : (
            <>
              <BodyShort className="roller-measure">
                {nextYear.side ? tr.nextTurn(nextYear.year, sideName(nextYear.side)) : tr.nextTurnUnknown}
              </BodyShort>
              <Alert variant="info" size="small" inline>
                {tr.electReminder(nextYear.year)}
              </Alert>
            </>
          )}
          {canEdit ? (
            <Button type="button" size="small" variant="secondary" onClick={onSetChair}>
              {tr.setChair}
            </Button>
          ) : null}
        </VStack>
      </Box>
    </Section>
  );
}

/**
 * The rule, where the company profile requires a role nobody holds: the duty's reason as the
 * duties engine wrote it («Dere har 42 ansatte og må ha verneombud (aml § 6-1)») and its basis.
 */
function MissingRules({ view, duties }: { view: RollerView; duties: Duties }) {
  const { t, locale } = useI18n();
  const tr = t.roller;
  const holding = (...kinds: HmsRoleKind[]) =>
    view.roles.filter((r) => kinds.includes(r.kind) && inOffice(r));
  const vo = holding('verneombud');
  const voRequired = duties.verneombud === 'required' || duties.verneombud === 'required-unless-agreement';
  const areasWithVo = new Set(vo.map((r) => r.verneomradeId));
  const voMissing = voRequired && (vo.length === 0 || view.verneomrader.some((a) => !areasWithVo.has(a.id)));
  const missing: { key: 'verneombud' | 'hovedverneombud' | 'amu' | 'bht'; show: boolean }[] = [
    { key: 'verneombud', show: voMissing },
    {
      key: 'hovedverneombud',
      show: duties.hovedverneombud === 'required' && holding('hovedverneombud').length === 0,
    },
    {
      key: 'amu',
      show: duties.amu === 'required' && holding('amu-arbeidsgiver', 'amu-arbeidstaker').length === 0,
    },
    {
      key: 'bht',
      show:
        (duties.bht === 'required-by-nace' ||
          duties.bht === 'ordered' ||
          duties.bht === 'required-by-risk') &&
        holding('bht-kontakt').length === 0,
    },
  ];
  const shown = missing.filter((m) => m.show);
  if (shown.length === 0) return null;
  return (
    <VStack gap="space-12">
      {shown.map(({ key }) => {
        const reason = duties.reasons[key];
        return (
          <Alert key={key} variant="warning" data-missing={key}>
            <Heading level="2" size="small" spacing>
              {tr.missing[key]}
            </Heading>
            {reason ? (
              <VStack gap="space-4">
                <BodyLong>{locale === 'en' ? reason.en : reason.nb}</BodyLong>
                <Detail>
                  {reason.kind === 'lovkrav' ? `${tr.lovkrav} · ` : ''}
                  {tr.legalBasis(reason.legalBasis)}
                </Detail>
              </VStack>
            ) : null}
          </Alert>
        );
      })}
    </VStack>
  );
}

function History({ roles }: { roles: readonly RoleItem[] }) {
  const { t } = useI18n();
  const tr = t.roller;
  return (
    <ExpansionCard aria-labelledby="roller-history-heading" size="small">
      <ExpansionCard.Header>
        <ExpansionCard.Title as="h2" size="small" id="roller-history-heading">
          {`${tr.historyHeading} (${roles.length})`}
        </ExpansionCard.Title>
      </ExpansionCard.Header>
      <ExpansionCard.Content>
        {roles.length === 0 ? (
          <BodyShort>{tr.historyEmpty}</BodyShort>
        ) : (
          <ul className="roller-list">
            {roles.map((r) => (
              <li key={r.id} className="roller-role" data-role-id={r.id}>
                <BodyShort weight="semibold">
                  {tr.kinds[r.kind]}
                  {r.verneomradeName ? ` – ${r.verneomradeName}` : ''}: {r.name ?? r.providerName ?? ''}
                </BodyShort>
                <BodyShort size="small">
                  {tr.how[r.how]} · {termText(r, tr)}
                </BodyShort>
                <Detail>
                  {r.endedOn
                    ? `${tr.endedOn(formatDate(r.endedOn))}${r.endedReason ? ` – ${tr.endReasons[r.endedReason]}` : ''}`
                    : tr.succeeded}
                </Detail>
              </li>
            ))}
          </ul>
        )}
      </ExpansionCard.Content>
    </ExpansionCard>
  );
}
