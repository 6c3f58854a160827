/**
 * The numbers the committee looks at: each agenda item's data for a meeting (aml § 7-2, FOLM § 2-3)
 * and the facts of the årsrapport (aml § 7-2 (6)). Gathered from the other modules through what
 * their index.ts exports — counts and rates only, never a person. Sick-leave figures come from the
 * statistics module's one pure function, which masks every group of fewer than 5 persons; injury
 * counts are masked by the avvik module (k = 5).
 */
import type { AgendaItem, ArsrapportFactSection, Figure } from '../../contracts/amu/amu.schemas.ts';
import type { Db } from '../../db/schema.ts';
import { AGENDA_ITEMS, ARSRAPPORT_SECTIONS, type Text } from '../../domain/amu/index.ts';
import { formatNorwegian, fromDayNumber, type IsoDate } from '../../domain/calendar/index.ts';
import {
  beregnStatistikk,
  type GroupFigures,
  parseQuarter,
  quarterEnd,
  quarterName,
  quarterOf,
  quarterStart,
  quartersEndingWith,
} from '../../domain/statistikk/index.ts';
import { avvikSummaryForAmu } from '../avvik/index.ts';
import { handlingsplanSummary } from '../hms-mal/index.ts';
import { trainingEvidence } from '../opplaering/index.ts';
import { riskSummaryForAmu } from '../risiko/index.ts';
import { amuComposition, roleEvidence } from '../roller/index.ts';
import { loadStatistikkInput } from '../statistikk/index.ts';

const n = (nb: string, en: string, value: number | null, masked = false): Figure => ({
  label: { nb, en },
  value,
  unit: 'antall',
  date: null,
  masked,
});
const pct = (nb: string, en: string, value: number | null, masked: boolean): Figure => ({
  label: { nb, en },
  value,
  unit: 'prosent',
  date: null,
  masked,
});
const day = (nb: string, en: string, date: IsoDate | null): Figure => ({
  label: { nb, en },
  value: null,
  unit: 'dato',
  date,
  masked: false,
});

type SickLeave = { figures: Figure[]; noData: boolean };

function sickLeaveFigures(group: GroupFigures, label: Text): Figure[] {
  if (group.masked) {
    return [pct(`${label.nb}: sykefravær totalt`, `${label.en}: total sick leave`, null, true)];
  }
  const p = group.prosent;
  return [
    pct(`${label.nb}: sykefravær totalt`, `${label.en}: total sick leave`, p.total, false),
    pct(`${label.nb}: legemeldt`, `${label.en}: doctor-certified`, p.legemeldt, false),
    pct(`${label.nb}: egenmeldt`, `${label.en}: self-certified`, p.egenmeldt, false),
    pct(`${label.nb}: korttid (1–16 dager)`, `${label.en}: short term (1–16 days)`, p.korttid, false),
    pct(
      `${label.nb}: langtid (17 dager og mer)`,
      `${label.en}: long term (17 days or more)`,
      p.langtid,
      false,
    ),
  ];
}

/** The organisation's rate for `quarter` and the four quarters ending with it (masked below 5 persons). */
async function sickLeave(
  db: Db,
  organisationId: string,
  quarter: string,
  withQuarter: boolean,
): Promise<SickLeave> {
  const index = parseQuarter(quarter);
  // The statistics cover quarters from 2000 on: before that, nothing to show.
  if (index === null || index - 3 < 2000 * 4) return { figures: [], noData: true };
  const four = quartersEndingWith(quarter, 4);
  const input = await loadStatistikkInput(db, organisationId, [quarter], four[0] as string);
  if (input.employees.length === 0) return { figures: [], noData: true };
  const out = beregnStatistikk(input);
  const block = out.quarters.find((q) => q.quarter === quarter);
  const figures = [
    ...(withQuarter && block ? sickLeaveFigures(block.organisation, { nb: quarter, en: quarter }) : []),
    ...sickLeaveFigures(out.rolling.organisation, {
      nb: `Siste fire kvartaler (${four[0]}–${quarter})`,
      en: `Last four quarters (${four[0]}–${quarter})`,
    }),
  ];
  return { figures, noData: false };
}

async function avvikFigures(db: Db, organisationId: string, from: IsoDate, to: IsoDate) {
  const s = await avvikSummaryForAmu(db, organisationId, from, to);
  const masked = (v: number | null) => v === null;
  const figures = [
    n('HMS-avvik', 'HSE non-conformities', s.byCategory.hms),
    n('Nestenulykker (RUH)', 'Near misses', s.byCategory.ruh),
    n('Personskader', 'Injuries', s.byCategory.personskade, masked(s.byCategory.personskade)),
    n(
      'Arbeidsrelatert sykdom',
      'Work-related illness',
      s.byCategory.yrkessykdom,
      masked(s.byCategory.yrkessykdom),
    ),
    n('Meldt i alt', 'Reported in all', s.total, masked(s.total)),
    n('Av disse lukket', 'Of these closed', s.closed),
  ];
  return { figures, noData: s.total === 0 };
}

async function riskFigures(db: Db, organisationId: string, today: IsoDate) {
  const r = await riskSummaryForAmu(db, organisationId, today);
  return {
    figures: [
      n('Risikovurderinger', 'Risk assessments', r.assessments),
      n('Vurderinger på overtid for revisjon', 'Assessments overdue for review', r.reviewsOverdue),
      n('Åpne risikoer', 'Open risks', r.openRisks),
      n('Åpne risikoer med høy risiko (12–25)', 'Open risks rated high (12–25)', r.openHigh),
    ],
    noData: r.assessments === 0,
  };
}

async function trainingFigures(db: Db, organisationId: string, today: IsoDate) {
  const roles = await roleEvidence(db, organisationId, today);
  const t = await trainingEvidence(db, organisationId, today, {
    topLeaderEmployeeId: roles.topLeader?.employeeId ?? null,
    voAmuEmployeeIds: roles.voAmuEmployeeIds,
  });
  return {
    figures: [
      n('Verneombud og AMU-medlemmer', 'Safety representatives and AMU members', t.voAmuMembers),
      n('Av disse uten 40 timers opplæring', 'Of these without the 40-hour training', t.voAmuWithout40h),
      day('Øverste leders HMS-opplæring', "Top leader's HSE training", t.topLeaderHmsTraining),
    ],
    noData: t.voAmuMembers === 0 && t.topLeaderHmsTraining === null,
  };
}

async function planFigures(db: Db, organisationId: string, year: number, today: IsoDate) {
  const h = await handlingsplanSummary(db, organisationId, year, today);
  return {
    figures: [
      n(`HMS-mål ${year}`, `HSE goals ${year}`, h.goals),
      n('Mål nådd', 'Goals achieved', h.goalsAchieved),
      n(`Tiltak med frist i ${year}`, `Measures due in ${year}`, h.measures),
      n('Tiltak gjennomført', 'Measures done', h.measuresDone),
      n('Tiltak på overtid', 'Measures overdue', h.measuresOverdue),
    ],
    noData: h.goals === 0 && h.measures === 0,
  };
}

async function bhtFigures(db: Db, organisationId: string, today: IsoDate) {
  const [roles, amu] = await Promise.all([
    roleEvidence(db, organisationId, today),
    amuComposition(db, organisationId, today),
  ]);
  const inCommittee = amu.members.filter((m) => m.side === 'bht').length;
  return {
    figures: [
      n('BHT-kontakt registrert', 'Occupational health contact registered', roles.bhtContact ? 1 : 0),
      n('BHT-representanter i utvalget', 'Occupational health representatives on the committee', inCommittee),
    ],
    noData: !roles.bhtContact && inCommittee === 0,
  };
}

const periodText = (from: IsoDate, to: IsoDate, quarter: string): Text => ({
  nb: `${quarter} (${formatNorwegian(from)}–${formatNorwegian(to)})`,
  en: `${quarter} (${formatNorwegian(from)}–${formatNorwegian(to)})`,
});

/**
 * The agenda of a meeting on `meetingDate`, with data for the last completed quarter before it (or
 * before today, for a meeting ahead): what the committee must handle (aml § 7-2, FOLM § 2-3 a).
 */
export async function meetingAgenda(
  db: Db,
  organisationId: string,
  meetingDate: IsoDate,
  today: IsoDate,
): Promise<AgendaItem[]> {
  const reference = meetingDate < today ? meetingDate : today;
  // The last completed quarter (computed by index: 2000Q1's predecessor has no name to parse).
  const index = (parseQuarter(quarterOf(reference)) ?? 2000 * 4) - 1;
  const quarter = quarterName(index);
  const start = fromDayNumber(quarterStart(index));
  const end = fromDayNumber(quarterEnd(index));
  const period = periodText(start, end, quarter);
  const now: Text = { nb: `Per ${formatNorwegian(reference)}`, en: `As of ${formatNorwegian(reference)}` };
  const year = Number(reference.slice(0, 4));
  const [sick, avvik, risk, training, plan, bht] = await Promise.all([
    sickLeave(db, organisationId, quarter, true),
    avvikFigures(db, organisationId, start, end),
    riskFigures(db, organisationId, reference),
    trainingFigures(db, organisationId, reference),
    planFigures(db, organisationId, year, reference),
    bhtFigures(db, organisationId, reference),
  ]);
  const item = (
    key: AgendaItem['key'],
    p: Text,
    data: { figures: Figure[]; noData: boolean },
  ): AgendaItem => ({
    key,
    title: AGENDA_ITEMS[key].title,
    legalBasis: AGENDA_ITEMS[key].legalBasis,
    period: p,
    figures: data.figures,
    noData: data.noData,
  });
  return [
    item('sykefravaer', period, sick),
    item('avvik', period, avvik),
    item('risiko', now, risk),
    item('opplaering', now, training),
    item('hms-plan', { nb: String(year), en: String(year) }, plan),
    item('bht', now, bht),
  ];
}

export type YearMeeting = {
  date: IsoDate;
  title: string;
  kind: 'ordinaer' | 'krav';
  decisions: { text: string; hasAction: boolean; done: boolean }[];
};

/** The årsrapport's generated facts for `year`, made on `today` (after the year is over). */
export async function arsrapportFacts(
  db: Db,
  organisationId: string,
  year: number,
  today: IsoDate,
  meetings: readonly YearMeeting[],
): Promise<ArsrapportFactSection[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [sick, avvik, plan, training, bht] = await Promise.all([
    sickLeave(db, organisationId, `${year}Q4`, false),
    avvikFigures(db, organisationId, from, to),
    planFigures(db, organisationId, year, today),
    trainingFigures(db, organisationId, today),
    bhtFigures(db, organisationId, today),
  ]);
  const decisions = meetings.flatMap((m) => m.decisions.map((d) => ({ ...d, date: m.date })));
  const actions = decisions.filter((d) => d.hasAction);
  const section = (
    key: ArsrapportFactSection['key'],
    data: { figures: Figure[]; noData: boolean },
    lines: string[] = [],
  ): ArsrapportFactSection => ({
    key,
    title: ARSRAPPORT_SECTIONS[key],
    figures: data.figures,
    lines,
    noData: data.noData,
  });
  return [
    section(
      'moter',
      {
        figures: [
          n('Møter holdt', 'Meetings held', meetings.length),
          n(
            'Av disse etter krav fra medlemmer',
            'Of these demanded by members',
            meetings.filter((m) => m.kind === 'krav').length,
          ),
        ],
        noData: meetings.length === 0,
      },
      meetings.map((m) => `${formatNorwegian(m.date)} — ${m.title}`),
    ),
    section(
      'saker',
      {
        figures: [
          n('Vedtak', 'Decisions', decisions.length),
          n('Vedtak med tiltak', 'Decisions with an action', actions.length),
          n('Tiltak gjennomført', 'Actions done', actions.filter((a) => a.done).length),
        ],
        noData: decisions.length === 0,
      },
      decisions.map((d) => `${formatNorwegian(d.date)}: ${d.text}`),
    ),
    section('skader', avvik),
    section('sykefravaer', sick),
    section('mal', plan),
    section('opplaering', training),
    section('bht', bht),
    section('prioriteringer', { figures: [], noData: false }),
  ];
}
