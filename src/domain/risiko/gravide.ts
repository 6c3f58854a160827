/**
 * «Risikovurdering for gravide og ammende» — the template of a workplace's assessment for pregnant
 * and breastfeeding workers, in our own words, mapped to the hazard areas of the kartlegging.
 *
 * The duty: the risk assessment considers the workers at particular risk (aml § 4-1 (2), FOLM
 * § 7-1); the employer keeps an overview of what in the working environment may harm reproduction,
 * whether or not anyone at the workplace is pregnant, and puts pregnant and breastfeeding workers
 * to no work with such a risk (forskrift om utførelse av arbeid kap. 7, §§ 7-1 and 7-3). A
 * breastfeeding worker has the right to the time off she needs to breastfeed (aml § 12-8). Which
 * hazards are on the list, and that the assessment is one per unit and reviewed yearly: product
 * default. The list names no person: the assessment is of the workplace, never of an employee.
 */
import type { IsoDate } from '../calendar/index.ts';
import type { Hazard, HazardArea } from './hazards.ts';
import type { Text } from './matrix.ts';

/** What an assessment is: an ordinary kartlegging, or made from the template for pregnant workers. */
export const ASSESSMENT_KINDS = ['standard', 'gravide'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** The templates one may create an assessment from (today one). */
export const ASSESSMENT_TEMPLATES = ['gravide'] as const;
export type AssessmentTemplate = (typeof ASSESSMENT_TEMPLATES)[number];

export const ASSESSMENT_KIND_TEXT: Record<AssessmentKind, Text> = {
  standard: { nb: 'Kartlegging og risikovurdering', en: 'Hazard mapping and risk assessment' },
  gravide: { nb: 'Gravide og ammende', en: 'Pregnant and breastfeeding workers' },
};

/** Every key of the template starts with this, so it never collides with the general checklist. */
export const PREGNANCY_KEY_PREFIX = 'gravid-';

const g = (area: HazardArea, key: string, nb: string, en: string): Hazard => ({
  key: `${PREGNANCY_KEY_PREFIX}${key}`,
  area,
  text: { nb, en },
});

/**
 * The hazards to consider for pregnant and breastfeeding workers (product default, after the areas
 * of FUA kap. 7 and aml § 12-8), each under the area of the kartlegging it belongs to. Created
 * unscored: the leader and the VO score them on the matrix like any other risk.
 */
export const PREGNANCY_HAZARDS: readonly Hazard[] = [
  g(
    'ergonomisk',
    'tunge-loft',
    'Tunge løft, forflytning av personer og belastende arbeidsstillinger (bøying, vridning, arbeid over skulderhøyde)',
    'Heavy lifting, moving people and straining postures (bending, twisting, work above shoulder height)',
  ),
  g(
    'ergonomisk',
    'staende',
    'Langvarig stående eller gående arbeid uten mulighet til å veksle med sittende arbeid',
    'Long periods of standing or walking without the chance to alternate with sitting work',
  ),
  g(
    'ergonomisk',
    'trang-plass',
    'Arbeid på trang plass, i høyden eller på stiger når magen vokser og balansen endres',
    'Work in cramped spaces, at height or on ladders as the belly grows and balance changes',
  ),
  g(
    'organisatorisk',
    'natt-lange-vakter',
    'Nattarbeid, lange vakter og skift uten nok hvile mellom',
    'Night work, long shifts and shifts without enough rest between them',
  ),
  g(
    'organisatorisk',
    'pauser-hvile',
    'Mulighet for pauser ved behov og et sted å hvile eller ligge ned',
    'The chance to take breaks when needed and a place to rest or lie down',
  ),
  g(
    'organisatorisk',
    'amming',
    'Fri til amming eller pumping (aml § 12-8) og et skjermet rom til det',
    'Time off to breastfeed or pump (aml § 12-8) and a private room for it',
  ),
  g(
    'organisatorisk',
    'alenearbeid',
    'Alenearbeid der hjelp ikke er nær hvis noe skjer',
    'Working alone where help is not near if something happens',
  ),
  g(
    'kjemisk-biologisk',
    'reprotoksiske',
    'Kjemikalier som kan skade arvestoff, fosteret eller barnet gjennom morsmelk: H340, H350, H360, H361, H362 (CMR-merket i stoffkartoteket)',
    'Chemicals that may damage genes, the unborn child or the child through breast milk: H340, H350, H360, H361, H362 (CMR-flagged in the chemical register)',
  ),
  g(
    'kjemisk-biologisk',
    'andre-stoffer',
    'Bly, kvikksølv, cellegift (cytostatika), narkosegasser, karbonmonoksid og plantevernmidler',
    'Lead, mercury, cytotoxic drugs, anaesthetic gases, carbon monoxide and pesticides',
  ),
  g(
    'kjemisk-biologisk',
    'smitte',
    'Smitte som kan skade fosteret, f.eks. røde hunder, cytomegalovirus (CMV), vannkopper, parvovirus og toksoplasma (barnehage, skole, helse og omsorg, dyr)',
    'Infections that may harm the unborn child, e.g. rubella, cytomegalovirus (CMV), chickenpox, parvovirus and toxoplasma (kindergarten, school, health care, animals)',
  ),
  g(
    'fysisk',
    'ioniserende',
    'Ioniserende stråling (røntgen, radioaktive kilder)',
    'Ionising radiation (X-ray, radioactive sources)',
  ),
  g('fysisk', 'stoy', 'Sterk støy', 'Loud noise'),
  g(
    'fysisk',
    'vibrasjon',
    'Helkroppsvibrasjon, støt og slag (kjøretøy, maskiner)',
    'Whole-body vibration, jolts and blows (vehicles, machines)',
  ),
  g(
    'fysisk',
    'varme-kulde',
    'Sterk varme eller kulde, også arbeid ute',
    'Great heat or cold, including outdoor work',
  ),
  g(
    'psykososial',
    'vold-trusler',
    'Vold, trusler og uforutsigbare brukere, pasienter eller kunder',
    'Violence, threats and unpredictable clients, patients or customers',
  ),
  g(
    'psykososial',
    'stress',
    'Høyt tidspress, stress og belastende arbeid',
    'High time pressure, stress and straining work',
  ),
  g(
    'mekanisk',
    'fall-stot',
    'Fall, snubling og støt mot magen (glatte gulv, trafikk, maskiner)',
    'Falls, tripping and blows to the belly (slippery floors, traffic, machines)',
  ),
];

export function pregnancyHazardByKey(key: string): Hazard | undefined {
  return PREGNANCY_HAZARDS.find((x) => x.key === key);
}

/** The hazard keys an assessment made from `template` starts with (its kartlegging, unscored). */
export function templateHazards(template: AssessmentTemplate): readonly Hazard[] {
  switch (template) {
    case 'gravide':
      return PREGNANCY_HAZARDS;
  }
}

/**
 * A pregnancy notice brings the review of the workplace's assessment for pregnant and
 * breastfeeding workers forward to the day of the notice (FOLM § 7-1: repeat the assessment at
 * changes that may affect the risk; "now" is product default). The date never moves later: an
 * assessment already due earlier keeps its date.
 */
export function reviewAfterPregnancyNotice(nextReview: IsoDate, today: IsoDate): IsoDate {
  return nextReview < today ? nextReview : today;
}
