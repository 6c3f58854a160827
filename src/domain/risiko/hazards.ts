/**
 * The hazard areas of the kartlegging and a checklist of typical hazards per area, in our own
 * wording, after the areas of Arbeidstilsynet's model of the working environment (anbefalt; the
 * duty to map is aml § 3-1 (2) c, IK-f § 5 no. 6 and FOLM § 7-1: physical and psychological
 * factors, including working time). Fire and electrical safety are under other laws.
 */
import type { Text } from './matrix.ts';

export const HAZARD_AREAS = [
  'fysisk',
  'ergonomisk',
  'organisatorisk',
  'kjemisk-biologisk',
  'psykososial',
  'mekanisk',
] as const;
export type HazardArea = (typeof HAZARD_AREAS)[number];

export const HAZARD_AREA_TEXT: Record<HazardArea, Text> = {
  fysisk: { nb: 'Fysisk arbeidsmiljø', en: 'Physical environment' },
  ergonomisk: { nb: 'Ergonomi', en: 'Ergonomics' },
  organisatorisk: { nb: 'Organisering av arbeidet', en: 'Organisation of work' },
  'kjemisk-biologisk': { nb: 'Kjemisk og biologisk', en: 'Chemical and biological' },
  psykososial: { nb: 'Psykososialt arbeidsmiljø', en: 'Psychosocial environment' },
  mekanisk: { nb: 'Mekanisk / ulykker', en: 'Mechanical / accidents' },
};

/**
 * Dimensions of the psychosocial and organisational environment (aml §§ 4-2, 4-3; FOLM § 7-1:
 * psychological factors are mapped). A later survey attaches its results to the same keys.
 */
export const PSYCHOSOCIAL_DIMENSIONS = [
  'arbeidsmengde',
  'meningsfullt',
  'rolleklarhet',
  'rollekonflikt',
  'innflytelse',
  'sosial_stotte',
  'psykologisk_trygghet',
  'ledelse',
  'tilbakemelding',
  'laering',
  'konflikthandtering',
] as const;
export type PsychosocialDimension = (typeof PSYCHOSOCIAL_DIMENSIONS)[number];

export const DIMENSION_TEXT: Record<PsychosocialDimension, Text> = {
  arbeidsmengde: { nb: 'Arbeidsmengde', en: 'Workload' },
  meningsfullt: { nb: 'Meningsfullt arbeid', en: 'Meaningful work' },
  rolleklarhet: { nb: 'Rolleklarhet', en: 'Role clarity' },
  rollekonflikt: { nb: 'Rollekonflikt', en: 'Role conflict' },
  innflytelse: { nb: 'Innflytelse over eget arbeid', en: 'Influence over one’s work' },
  sosial_stotte: { nb: 'Sosial støtte', en: 'Social support' },
  psykologisk_trygghet: { nb: 'Psykologisk trygghet', en: 'Psychological safety' },
  ledelse: { nb: 'Ledelse', en: 'Leadership' },
  tilbakemelding: { nb: 'Tilbakemelding', en: 'Feedback' },
  laering: { nb: 'Læring og utvikling', en: 'Learning and development' },
  konflikthandtering: { nb: 'Konflikthåndtering', en: 'Conflict handling' },
};

export type Hazard = { key: string; area: HazardArea; text: Text };

const h = (area: HazardArea, key: string, nb: string, en: string): Hazard => ({
  key,
  area,
  text: { nb, en },
});

/** The checklist: typical hazards to tick, per area; the assessment may add its own. */
export const HAZARD_CHECKLIST: readonly Hazard[] = [
  h(
    'fysisk',
    'stoy',
    'Støy som kan skade hørselen eller gjøre det vanskelig å snakke sammen',
    'Noise that can harm hearing or make talking hard',
  ),
  h(
    'fysisk',
    'inneklima',
    'Dårlig inneklima: temperatur, trekk, luftkvalitet',
    'Poor indoor climate: temperature, draught, air quality',
  ),
  h('fysisk', 'lys', 'For lite eller blendende lys', 'Too little or glaring light'),
  h('fysisk', 'vibrasjon', 'Vibrasjoner fra verktøy eller kjøretøy', 'Vibration from tools or vehicles'),
  h('fysisk', 'straling', 'Stråling (UV, laser, røntgen)', 'Radiation (UV, laser, X-ray)'),
  h('fysisk', 'kulde-varme', 'Arbeid ute i kulde, varme eller vær', 'Work outdoors in cold, heat or weather'),
  h(
    'ergonomisk',
    'tunge-loft',
    'Tunge løft og forflytning av personer eller gods',
    'Heavy lifting and moving people or goods',
  ),
  h('ergonomisk', 'ensformig', 'Ensformig, gjentakende arbeid', 'Monotonous, repetitive work'),
  h(
    'ergonomisk',
    'arbeidsstilling',
    'Belastende arbeidsstillinger (bøyd, vridd, over skulderhøyde)',
    'Straining postures (bent, twisted, above shoulder height)',
  ),
  h(
    'ergonomisk',
    'arbeidsplass',
    'Arbeidsplassen er dårlig tilpasset (høyde, plass, hjelpemidler)',
    'The workplace is poorly fitted (height, space, aids)',
  ),
  h('ergonomisk', 'skjerm', 'Langvarig skjermarbeid', 'Long periods of screen work'),
  h(
    'organisatorisk',
    'arbeidstid',
    'Arbeidstid: lange vakter, nattarbeid, lite hvile',
    'Working time: long shifts, night work, little rest',
  ),
  h(
    'organisatorisk',
    'bemanning',
    'Bemanning i forhold til arbeidsmengden',
    'Staffing compared with the workload',
  ),
  h('organisatorisk', 'alenearbeid', 'Alenearbeid', 'Working alone'),
  h(
    'organisatorisk',
    'opplaering',
    'Mangelfull opplæring eller instruksjon',
    'Insufficient training or instruction',
  ),
  h('organisatorisk', 'endring', 'Omstilling og endringer', 'Reorganisation and change'),
  h('organisatorisk', 'informasjon', 'Informasjon og medvirkning', 'Information and participation'),
  h(
    'kjemisk-biologisk',
    'kjemikalier',
    'Håndtering av farlige kjemikalier (se stoffkartoteket)',
    'Handling hazardous chemicals (see the chemical register)',
  ),
  h('kjemisk-biologisk', 'stov-damp', 'Støv, røyk, damp eller gass', 'Dust, fumes, vapour or gas'),
  h(
    'kjemisk-biologisk',
    'smitte',
    'Smitte (blod, kroppsvæsker, luftveier)',
    'Infection (blood, body fluids, airborne)',
  ),
  h(
    'kjemisk-biologisk',
    'hudkontakt',
    'Hudkontakt med våtarbeid eller stoffer',
    'Skin contact through wet work or substances',
  ),
  h(
    'psykososial',
    'vold-trusler',
    'Vold og trusler fra brukere, kunder eller andre',
    'Violence and threats from clients, customers or others',
  ),
  h(
    'psykososial',
    'trakassering',
    'Trakassering eller annen utilbørlig opptreden',
    'Harassment or other improper conduct',
  ),
  h('psykososial', 'tidspress', 'Tidspress og høy arbeidsmengde', 'Time pressure and high workload'),
  h('psykososial', 'uklare-roller', 'Uklare roller og forventninger', 'Unclear roles and expectations'),
  h('psykososial', 'konflikter', 'Konflikter som ikke blir løst', 'Conflicts that are not resolved'),
  h('psykososial', 'samarbeid', 'Samarbeid og kommunikasjon', 'Cooperation and communication'),
  h(
    'mekanisk',
    'maskiner',
    'Maskiner og verktøy med bevegelige deler',
    'Machines and tools with moving parts',
  ),
  h('mekanisk', 'fall', 'Fall, snubling og glatte gulv', 'Falls, tripping and slippery floors'),
  h('mekanisk', 'kjoretoy', 'Kjøretøy og truck', 'Vehicles and forklifts'),
  h('mekanisk', 'skarpe', 'Kutt og stikk fra skarpe gjenstander', 'Cuts and stabs from sharp objects'),
  h('mekanisk', 'hoyde', 'Arbeid i høyden', 'Work at height'),
];

export function hazardByKey(key: string): Hazard | undefined {
  return HAZARD_CHECKLIST.find((x) => x.key === key);
}

/** Who took part in the kartlegging (FOLM § 7-1: in cooperation with the employees). */
export const PARTICIPANT_ROLES = ['leder', 'verneombud', 'ansatt', 'bht'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const PARTICIPANT_ROLE_TEXT: Record<ParticipantRole, Text> = {
  leder: { nb: 'Leder', en: 'Leader' },
  verneombud: { nb: 'Verneombud', en: 'Safety representative' },
  ansatt: { nb: 'Ansatt', en: 'Employee' },
  bht: { nb: 'Bedriftshelsetjenesten', en: 'Occupational health service' },
};
