/**
 * Every number the law (or the product's own decisions) puts into the engine.
 * Nothing else in `sykefravaer/` may contain a bare legal number.
 */

// ftrl § 8-19 (1): the arbeidsgiverperiode is 16 calendar days.
export const ARBEIDSGIVERPERIODE_DAGER = 16;
// ftrl § 8-19 (2)–(3) as computed by helse-spleis (Teller(16) oppholdsdager): 16 days without
// sickness end the arbeidsgiverperiode; the next sick day starts a new one.
export const ARBEIDSGIVERPERIODE_OPPHOLDSDAGER = 16;
// §3.1 / §11.1 (isoppfolgingstilfelle): 16 consecutive non-sick days close an oppfølgingstilfelle.
export const OPPFOLGINGSTILFELLE_SKILLE_DAGER = 16;

// ftrl § 8-12 (1): at most 248 sykepengedager.
export const SYKEPENGEDAGER_MAKS = 248;
// ftrl § 8-12 (1): days in the 3 years (36 months) before count.
export const SYKEPENGER_TILBAKEBLIKK_MANEDER = 36;
// ftrl § 8-12 (2): 26 weeks (182 days) without sick days start the count afresh.
export const SYKEPENGER_NY_RETT_OPPHOLD_DAGER = 182;
// ftrl § 8-51: from 67 the right is limited to 60 sykepengedager; from 70 there is none.
export const ALDER_REDUSERT_SYKEPENGERETT = 67;
export const SYKEPENGEDAGER_MAKS_OVER_67 = 60;
export const ALDER_INGEN_SYKEPENGERETT = 70;

// aml § 4-6 (3): oppfølgingsplan by 4 weeks.
export const OPPFOLGINGSPLAN_UKER = 4;
// aml § 4-6 (4): dialogmøte 1 by 7 weeks.
export const DIALOGMOTE1_UKER = 7;
// ftrl § 8-8 (2): work-related activity by 8 weeks.
export const AKTIVITETSPLIKT_UKER = 8;
// isaktivitetskrav: the aktivitetskrav applies only when the case has at least 56 sick days (8 weeks).
export const AKTIVITETSPLIKT_MIN_SYKEDAGER = 56;
// ftrl § 8-7a / syfomotebehov: NAV asks about the need for dialogmøte 2 from S+112 to S+181.
export const MOTEBEHOV_FRA_DAG = 112;
export const MOTEBEHOV_TIL_DAG = 181;
// ftrl § 8-7a / isdialogmotekandidat: the case becomes a dialogmøte 2 candidate on S+119.
export const DIALOGMOTE2_KANDIDAT_DAG = 119;
// ftrl § 8-7a: dialogmøte 2 by 26 weeks.
export const DIALOGMOTE2_UKER = 26;
// aml § 4-6 (3) last sentence: the updated plan goes to NAV at least one week before the meeting.
export const OPPFOLGINGSPLAN_TIL_NAV_DAGER_FOR_MOTET = 7;
// ftrl ch. 11 (no statutory date): §11.4 reminds about AAP 84 days (12 weeks) before the maksdato.
export const AAP_DAGER_FOR_MAKSDATO = 84;
// aml § 15-8 (1): special protection against dismissal during the first 12 months of absence.
export const OPPSIGELSESVERN_MANEDER = 12;

// §11.6: reminders 14 days before each due date and on the due date.
export const PAAMINNELSE_DAGER_FOR = 14;
// UI: a required milestone is "due soon" within 14 days (the first reminder).
export const SNART_FRIST_DAGER = 14;

// ftrl § 8-24 (1): egenmelding requires at least 2 months of employment.
export const EGENMELDING_MIN_ANSETTELSE_MANEDER = 2;
// ftrl § 8-24 (4): up to 3 calendar days per occasion.
export const EGENMELDING_DAGER_PER_GANG = 3;
// nav.no egenmelding page: up to 4 occasions per 12 months.
export const EGENMELDING_GANGER_PER_12_MANEDER = 4;
// Former IA terms (§1.2): 8 calendar days per occasion, 24 per 12 months.
export const EGENMELDING_UTVIDET_DAGER_PER_GANG = 8;
export const EGENMELDING_UTVIDET_DAGER_PER_12_MANEDER = 24;
// ftrl § 8-24 (4): an absence that starts less than 16 days after the previous one is the same occasion.
export const EGENMELDING_NYTT_FRAVAER_DAGER = 16;
// The rolling window for occasions and days: 12 months.
export const EGENMELDING_VINDU_MANEDER = 12;
// ftrl § 8-23 / §1.1: the employer may withdraw the right, and must reconsider after 6 months.
export const EGENMELDING_REVURDERING_MANEDER = 6;

export const DAGER_PER_UKE = 7;
