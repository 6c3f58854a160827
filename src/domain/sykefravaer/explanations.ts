/**
 * One sentence per milestone for a leader, in Norwegian bokmål with an English twin. Always concrete
 * dates ("senest søndag 2. februar 2025"), never "innen 4 uker" (a product rule: a date people can act on).
 */
import {
  type DayNumber,
  formatEnglishLongDayNumber,
  formatNorwegianLongDayNumber,
} from '../calendar/index.ts';
import {
  AKTIVITETSPLIKT_MIN_SYKEDAGER,
  AKTIVITETSPLIKT_UKER,
  DIALOGMOTE1_UKER,
  DIALOGMOTE2_KANDIDAT_DAG,
  DIALOGMOTE2_UKER,
  OPPFOLGINGSPLAN_UKER,
  OPPFOLGINGSTILFELLE_SKILLE_DAGER,
  SYKEPENGEDAGER_MAKS,
  SYKEPENGEDAGER_MAKS_OVER_67,
} from './constants.ts';
import type { MaksdatoResult } from './maksdato.ts';
import type { CaseSpan } from './oppfolgingstilfelle.ts';
import type { MilestoneStatus, Text } from './types.ts';

const nb = formatNorwegianLongDayNumber;
const en = formatEnglishLongDayNumber;

/** The last day a new sick day re-opens the case (fewer than 16 non-sick days in between). */
function reopenBy(c: CaseSpan): DayNumber {
  return c.end + OPPFOLGINGSTILFELLE_SKILLE_DAGER;
}

function endedEarly(c: CaseSpan, what: Text, deadline: DayNumber, weeks: number): Text {
  return {
    nb: `${what.nb} trengs ikke nå: fraværet varte til ${nb(c.end)}, før fristen ${nb(deadline)} (${weeks} uker). Blir den ansatte syk igjen senest ${nb(reopenBy(c))}, gjelder fristen igjen.`,
    en: `${what.en} is not needed now: the absence lasted until ${en(c.end)}, before the deadline ${en(deadline)} (${weeks} weeks). If the employee falls sick again by ${en(reopenBy(c))}, the deadline applies again.`,
  };
}

export function oppfolgingsplan(c: CaseSpan, due: DayNumber, status: MilestoneStatus): Text {
  if (status !== 'required')
    return endedEarly(c, { nb: 'Oppfølgingsplan', en: 'A follow-up plan' }, due, OPPFOLGINGSPLAN_UKER);
  return {
    nb: `Oppfølgingsplanen skal være laget senest ${nb(due)} — den ansatte har da vært borte i ${OPPFOLGINGSPLAN_UKER} uker. Lag den sammen med den ansatte og send den til sykmelderen.`,
    en: `The follow-up plan must be made by ${en(due)} at the latest — by then the employee has been absent for ${OPPFOLGINGSPLAN_UKER} weeks. Make it together with the employee and send it to the doctor who wrote the sick note.`,
  };
}

export function dialogmote1(c: CaseSpan, due: DayNumber, status: MilestoneStatus): Text {
  if (status === 'required') {
    return {
      nb: `Dialogmøte 1 skal være holdt senest ${nb(due)} — den ansatte har da vært borte i ${DIALOGMOTE1_UKER} uker. Du som leder kaller inn.`,
      en: `Dialogue meeting 1 must be held by ${en(due)} at the latest — by then the employee has been absent for ${DIALOGMOTE1_UKER} weeks. You, the leader, call the meeting.`,
    };
  }
  if (status === 'conditional') {
    return {
      nb: `Den ansatte er bare gradert sykmeldt. Dialogmøte 1 holdes hvis du, den ansatte eller sykmelderen mener det er nyttig — i så fall senest ${nb(due)}, når den ansatte har vært borte i ${DIALOGMOTE1_UKER} uker.`,
      en: `The employee is only partly on sick leave. Dialogue meeting 1 is held if you, the employee or the doctor find it useful — if so by ${en(due)} at the latest, when the employee has been absent for ${DIALOGMOTE1_UKER} weeks.`,
    };
  }
  return endedEarly(c, { nb: 'Dialogmøte 1', en: 'Dialogue meeting 1' }, due, DIALOGMOTE1_UKER);
}

export function aktivitetsplikt(c: CaseSpan, due: DayNumber, status: MilestoneStatus): Text {
  if (status === 'required') {
    return {
      nb: `Senest ${nb(due)}, når den ansatte har vært borte i ${AKTIVITETSPLIKT_UKER} uker, skal den ansatte være i arbeidsrelatert aktivitet hvis helsen tillater det. Legg til rette for arbeid; går ikke det, skriv hvorfor i oppfølgingsplanen.`,
      en: `By ${en(due)} at the latest, when the employee has been absent for ${AKTIVITETSPLIKT_UKER} weeks, the employee must be in work-related activity if their health allows it. Adapt the work; if that is not possible, write why in the follow-up plan.`,
    };
  }
  if (status === 'met-graded') {
    return {
      nb: `Den ansatte er gradert sykmeldt på siste kjente dag (${nb(c.end)}) og er dermed i aktivitet. NAV regner aktivitetsplikten ved ${AKTIVITETSPLIKT_UKER} uker (${nb(due)}) som oppfylt.`,
      en: `The employee is partly on sick leave on the last known day (${en(c.end)}) and so is in activity. NAV treats the activity requirement at ${AKTIVITETSPLIKT_UKER} weeks (${en(due)}) as met.`,
    };
  }
  return {
    nb: `Fraværet har ${c.sickDays} sykedager, færre enn ${AKTIVITETSPLIKT_MIN_SYKEDAGER}. Aktivitetsplikten ved ${AKTIVITETSPLIKT_UKER} uker (${nb(due)}) gjelder ikke nå. Blir den ansatte syk igjen senest ${nb(reopenBy(c))}, telles dagene videre.`,
    en: `The absence has ${c.sickDays} sick days, fewer than ${AKTIVITETSPLIKT_MIN_SYKEDAGER}. The activity requirement at ${AKTIVITETSPLIKT_UKER} weeks (${en(due)}) does not apply now. If the employee falls sick again by ${en(reopenBy(c))}, the days keep counting.`,
  };
}

export function motebehov(from: DayNumber, to: DayNumber): Text {
  return {
    nb: `Mellom ${nb(from)} og ${nb(to)} spør NAV både deg og den ansatte om dere trenger dialogmøte 2. Svar når spørsmålet kommer.`,
    en: `Between ${en(from)} and ${en(to)} NAV asks both you and the employee whether you need dialogue meeting 2. Answer when the question arrives.`,
  };
}

export function oppfolgingsplanTilNav(
  c: CaseSpan,
  due: DayNumber,
  status: MilestoneStatus,
  meeting: DayNumber,
  meetingKnown: boolean,
): Text {
  if (status !== 'required') {
    const candidate = c.start + DIALOGMOTE2_KANDIDAT_DAG;
    return {
      nb: `Oppdatert oppfølgingsplan til NAV trengs bare før dialogmøte 2. Fraværet varte til ${nb(c.end)}, før ${nb(candidate)}, dagen NAV vurderer møtet.`,
      en: `An updated follow-up plan for NAV is needed only before dialogue meeting 2. The absence lasted until ${en(c.end)}, before ${en(candidate)}, the day NAV considers the meeting.`,
    };
  }
  const when = meetingKnown
    ? { nb: `dialogmøtet med NAV ${nb(meeting)}`, en: `the meeting with NAV on ${en(meeting)}` }
    : {
        nb: `dialogmøte 2, som skal holdes senest ${nb(meeting)}`,
        en: `dialogue meeting 2, due by ${en(meeting)}`,
      };
  return {
    nb: `Send en oppdatert oppfølgingsplan til NAV senest ${nb(due)} — én uke før ${when.nb}.`,
    en: `Send an updated follow-up plan to NAV by ${en(due)} at the latest — one week before ${when.en}.`,
  };
}

export function dialogmote2(c: CaseSpan, due: DayNumber, status: MilestoneStatus): Text {
  if (status === 'required') {
    return {
      nb: `NAV kaller inn til dialogmøte 2, som skal holdes senest ${nb(due)} — den ansatte har da vært borte i ${DIALOGMOTE2_UKER} uker. Du og den ansatte må delta.`,
      en: `NAV calls dialogue meeting 2, which must be held by ${en(due)} at the latest — by then the employee has been absent for ${DIALOGMOTE2_UKER} weeks. You and the employee must attend.`,
    };
  }
  const candidate = c.start + DIALOGMOTE2_KANDIDAT_DAG;
  return {
    nb: `Dialogmøte 2 er ikke aktuelt nå: fraværet varte til ${nb(c.end)}, før ${nb(candidate)}, dagen NAV vurderer om det trengs et møte. Blir den ansatte syk igjen senest ${nb(reopenBy(c))}, kan det bli aktuelt igjen.`,
    en: `Dialogue meeting 2 is not relevant now: the absence lasted until ${en(c.end)}, before ${en(candidate)}, the day NAV considers whether a meeting is needed. If the employee falls sick again by ${en(reopenBy(c))}, it may apply again.`,
  };
}

export function aap(due: DayNumber | null, maksdato: DayNumber | null): Text {
  if (due === null || maksdato === null) {
    return {
      nb: 'Den ansatte har fylt 70 år og har ikke rett til sykepenger; arbeidsavklaringspenger (AAP) er ikke aktuelt.',
      en: 'The employee is 70 or older and has no right to sickness benefit; work assessment allowance (AAP) does not apply.',
    };
  }
  return {
    nb: `Minn den ansatte på å søke arbeidsavklaringspenger (AAP) i god tid, senest rundt ${nb(due)} — sykepengene tar slutt ${nb(maksdato)}.`,
    en: `Remind the employee to apply for work assessment allowance (AAP) in good time, around ${en(due)} at the latest — sickness benefit ends on ${en(maksdato)}.`,
  };
}

export function maksdato(c: CaseSpan, m: MaksdatoResult): Text {
  if (m.maksdato === null) {
    return {
      nb: 'Den ansatte har fylt 70 år og har ikke rett til sykepenger fra NAV.',
      en: 'The employee is 70 or older and has no right to sickness benefit from NAV.',
    };
  }
  const d = m.maksdato;
  const limit =
    m.rule === 'over-67'
      ? {
          nb: `${SYKEPENGEDAGER_MAKS_OVER_67} sykepengedager etter fylte 67 år`,
          en: `${SYKEPENGEDAGER_MAKS_OVER_67} sickness benefit days after turning 67`,
        }
      : m.rule === 'over-70'
        ? {
            nb: 'siste virkedag før den ansatte fyller 70 år',
            en: 'the last weekday before the employee turns 70',
          }
        : { nb: `${SYKEPENGEDAGER_MAKS} sykepengedager`, en: `${SYKEPENGEDAGER_MAKS} sickness benefit days` };
  if (d < c.start) {
    return {
      nb: `Sykepengene tok slutt ${nb(d)} (${limit.nb}), før dette fraværet begynte. Ny rett krever 26 uker uten sykdom.`,
      en: `Sickness benefit ended on ${en(d)} (${limit.en}), before this absence began. A new right needs 26 weeks without sickness.`,
    };
  }
  const caveat = m.forelopig
    ? {
        nb: 'Datoen er foreløpig: den forutsetter at fraværet fortsetter, og sykepenger fra andre arbeidsgivere kjenner vi ikke.',
        en: 'The date is provisional: it assumes the absence goes on, and sickness benefit from other employers is unknown to us.',
      }
    : {
        nb: 'Sykepenger fra andre arbeidsgivere kjenner vi ikke, så NAVs dato kan være tidligere.',
        en: 'Sickness benefit from other employers is unknown to us, so NAV’s date may be earlier.',
      };
  return {
    nb: `Sykepengene fra NAV tar slutt ${nb(d)} (maksdato: ${limit.nb}). ${caveat.nb}`,
    en: `Sickness benefit from NAV ends on ${en(d)} (maximum date: ${limit.en}). ${caveat.en}`,
  };
}

export function oppsigelsesvern(caseStart: DayNumber, until: DayNumber): Text {
  return {
    nb: `Det særlige vernet mot oppsigelse på grunn av sykdom varer til og med ${nb(until)} — 12 måneder fra første fraværsdag ${nb(caseStart)}.`,
    en: `The special protection against dismissal because of sickness lasts through ${en(until)} — 12 months from the first day of absence, ${en(caseStart)}.`,
  };
}
