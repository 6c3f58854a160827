/**
 * «Hva gjelder for oss» (`/internkontroll/plikter`): every HMS duty with its status in plain words, why, and
 * the legal basis — never a bare yes/no — from the company profile (or, before it is saved, from the
 * register alone, with a prompt to fill it in). At the top the facts the duties were derived from;
 * at the bottom the IK-f § 5 points that must be in writing.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Detail,
  Heading,
  HStack,
  Label,
  List,
  VStack,
} from '@navikt/ds-react';
import type { DutyKey } from '../../../../src/domain/internkontroll/types.ts';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ErrorAlert, Flash, Loading } from '../../ui/Feedback.tsx';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type CompanyProfileView, useProfile } from './api.ts';
import { DUTY_ORDER, DutyStatusTag, formatNumber, KindTag } from './parts.tsx';
import './internkontroll.css';

export function DutiesPage() {
  const { t } = useI18n();
  const ti = t.internkontroll;
  const session = useSession();
  const profile = useProfile();
  const canEdit = hasAnyRole(session, 'admin', 'hr');
  const data = profile.data;

  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <div>
        <PageHeading>{ti.title}</PageHeading>
        <BodyLong>{ti.intro}</BodyLong>
      </div>
      <Flash />
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {data ? (
        <>
          {data.version === 0 ? (
            <Alert variant="info">
              <VStack gap="space-12" align="start">
                <Heading level="2" size="small">
                  {ti.profileMissingHeading}
                </Heading>
                <BodyLong>{ti.profileMissingBody}</BodyLong>
                {canEdit ? (
                  <ButtonLink to="/internkontroll/profil" size="small">
                    {ti.fillProfile}
                  </ButtonLink>
                ) : (
                  <BodyShort>{ti.profileMissingOthers}</BodyShort>
                )}
              </VStack>
            </Alert>
          ) : null}
          {data.duties.bht === 'needs-verification' ? (
            <Alert variant="warning">
              <Heading level="2" size="small" spacing>
                {ti.bhtVerifyHeading}
              </Heading>
              <BodyLong>{ti.bhtVerifyBody}</BodyLong>
            </Alert>
          ) : null}
          <HStack gap="space-12" wrap>
            {canEdit && data.version > 0 ? (
              <ButtonLink to="/internkontroll/profil" variant="primary">
                {ti.editProfile}
              </ButtonLink>
            ) : null}
            <ButtonLink to="/internkontroll/arshjul" variant="secondary">
              {ti.toArshjul}
            </ButtonLink>
          </HStack>
          <Facts profile={data} />
          <Duties profile={data} />
          <WrittenPoints points={data.duties.ikWrittenPoints} />
        </>
      ) : null}
    </VStack>
  );
}

/** The facts the duties were derived from, each with where it came from. */
function Facts({ profile }: { profile: CompanyProfileView }) {
  const { t, locale } = useI18n();
  const ti = t.internkontroll;
  const tf = ti.facts;
  const { input, computed, effective } = profile;
  const n = (x: number) => formatNumber(x, locale);

  const employeesSource =
    input.employeesTotalOverride !== null
      ? tf.employeesOverridden(n(computed.employeesTotal))
      : tf.employeesFromRegister;
  const avgSource =
    input.employeesAvg20hLastYear !== null
      ? tf.avgEntered
      : computed.employeesAvg20hLastYear !== null
        ? computed.avgIsPreliminary
          ? `${tf.avgComputed}, ${tf.preliminary}`
          : tf.avgComputed
        : tf.avgNoHistory;

  const rows: { key: string; label: string; value: string; source?: string }[] = [
    { key: 'employees', label: tf.employees, value: n(effective.employeesTotal), source: employeesSource },
    { key: 'avg20h', label: tf.avg20h, value: n(effective.employeesAvg20hLastYear), source: avgSource },
    { key: 'hired', label: tf.hiredWorkers, value: n(input.hiredWorkers) },
    { key: 'areas', label: tf.verneomraader, value: n(effective.verneomraader) },
  ];

  return (
    <VStack as="section" gap="space-12" aria-labelledby="ik-facts-heading">
      <Heading level="2" size="medium" id="ik-facts-heading">
        {ti.factsHeading}
      </Heading>
      <Box padding="space-16" borderWidth="1" borderRadius="8" borderColor="neutral-subtle">
        <dl className="ik-facts">
          {rows.map((r) => (
            <div key={r.key} className="ik-fact" data-fact={r.key}>
              <Label as="dt" size="small">
                {r.label}
              </Label>
              <BodyShort as="dd">
                {r.value}
                {r.source ? <Detail as="span">{` (${r.source})`}</Detail> : null}
              </BodyShort>
            </div>
          ))}
          <div className="ik-fact" data-fact="nace">
            <Label as="dt" size="small">
              {tf.nace}
            </Label>
            <BodyShort as="dd">
              {input.nace ? (
                <>
                  {`${input.nace.code} ${input.nace.label}`.trim()}{' '}
                  <Detail as="span">({input.nace.system})</Detail>
                  <Detail as="span" className="ik-block">
                    <NaceConversion profile={profile} />
                  </Detail>
                </>
              ) : (
                tf.naceNone
              )}
            </BodyShort>
          </div>
        </dl>
      </Box>
      {profile.version > 0 && profile.updatedAt ? (
        <Detail>{ti.lastSaved(dateTime(profile.updatedAt, locale), profile.updatedBy)}</Detail>
      ) : null}
    </VStack>
  );
}

/** What became of the NACE code on its way to the SN2025 list of FOLM § 13-1. */
export function NaceConversion({ profile }: { profile: CompanyProfileView }) {
  const tc = useI18n().t.internkontroll.conversion;
  const { naceConversion, naceSn2025 } = profile.computed;
  switch (naceConversion) {
    case 'exact':
      return <>{naceSn2025 ? tc.exact(naceSn2025) : tc.unknown}</>;
    case 'converted':
      return <>{naceSn2025 ? tc.converted(naceSn2025) : tc.unknown}</>;
    case 'ambiguous':
      return <>{tc.ambiguous}</>;
    case 'unknown':
      return <>{tc.unknown}</>;
    case 'none':
      return <>{tc.none}</>;
  }
}

type DutyReason = CompanyProfileView['duties']['reasons'][DutyKey];

function Duties({ profile }: { profile: CompanyProfileView }) {
  const { t, locale } = useI18n();
  const ti = t.internkontroll;
  const { duties } = profile;
  const n = (x: number) => formatNumber(x, locale);

  /** A line more for the duties whose status rests on a number or a list entry. */
  const extra = (key: DutyKey): string | null => {
    if (key === 'amu' && duties.amu !== 'not-applicable') return ti.amuBasis(n(duties.amuBasis));
    if (key === 'bht' && duties.bhtMatchedListEntry) return ti.bhtMatched(duties.bhtMatchedListEntry);
    if (key === 'exposureRegister' && duties.exposureRegisterRetentionYears !== null) {
      return ti.retention(duties.exposureRegisterRetentionYears);
    }
    return null;
  };

  return (
    <VStack as="section" gap="space-12" aria-labelledby="ik-duties-heading">
      <Heading level="2" size="medium" id="ik-duties-heading">
        {ti.dutiesHeading}
      </Heading>
      <ul className="ik-list">
        {DUTY_ORDER.map((key) => {
          const status = duties[key];
          // Every duty has a reason (the contract says so); a missing one is shown without, not as a crash.
          const reason: DutyReason | undefined = duties.reasons[key];
          const more = extra(key);
          return (
            <li key={key} className="ik-duty" data-duty={key} data-status={status}>
              <VStack gap="space-8">
                <HStack gap="space-8" align="center" wrap>
                  <Heading level="3" size="xsmall" className="ik-duty-name">
                    {ti.dutyNames[key]}
                  </Heading>
                  <HStack gap="space-8" align="center" wrap>
                    <DutyStatusTag status={status} />
                    {reason ? <KindTag kind={reason.kind} /> : null}
                  </HStack>
                </HStack>
                {reason ? <BodyShort>{locale === 'en' ? reason.en : reason.nb}</BodyShort> : null}
                {more ? <BodyShort size="small">{more}</BodyShort> : null}
                {reason?.legalBasis ? <Detail>{ti.legalBasis(reason.legalBasis)}</Detail> : null}
              </VStack>
            </li>
          );
        })}
      </ul>
    </VStack>
  );
}

function WrittenPoints({ points }: { points: readonly number[] }) {
  const ti = useI18n().t.internkontroll;
  return (
    <VStack as="section" gap="space-12" aria-labelledby="ik-written-heading">
      <Heading level="2" size="medium" id="ik-written-heading">
        {ti.writtenHeading}
      </Heading>
      {points.length === 0 ? (
        <BodyLong>{ti.writtenNone}</BodyLong>
      ) : (
        <>
          <BodyLong>{ti.writtenIntro}</BodyLong>
          <List>
            {points.map((p) => (
              <List.Item key={p} title={ti.writtenPoint(p)}>
                {ti.ikPoints[p] ?? ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </VStack>
  );
}
