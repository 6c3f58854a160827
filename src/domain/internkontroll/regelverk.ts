/**
 * IK-f § 5 no. 1: the employer makes the HMS laws and regulations that apply available and keeps
 * an overview of the requirements of particular importance. The overview follows from the profile;
 * each entry says why it applies. Links go to Lovdata's public pages (check the text there).
 */
import type { CompanyProfile, Duties } from './types.ts';

export type Regel = {
  id: string;
  title: { nb: string; en: string };
  /** Lovdata's short name, shown as the link text. */
  short: string;
  url: string;
  why: { nb: string; en: string };
};

const LOVDATA = 'https://lovdata.no/dokument';

export function regelverk(profile: CompanyProfile, duties: Duties): Regel[] {
  if (duties.internkontroll === 'not-applicable') return [];
  const list: Regel[] = [
    {
      id: 'aml',
      title: { nb: 'Arbeidsmiljøloven', en: 'Working Environment Act' },
      short: 'LOV-2005-06-17-62',
      url: `${LOVDATA}/NL/lov/2005-06-17-62`,
      why: {
        nb: `Dere har ${profile.employeesTotal} arbeidstakere; loven gjelder alle virksomheter med arbeidstakere (aml § 1-2).`,
        en: `You have ${profile.employeesTotal} employees; the Act covers every enterprise with employees (aml § 1-2).`,
      },
    },
    {
      id: 'ik-f',
      title: { nb: 'Internkontrollforskriften', en: 'Internal Control Regulations' },
      short: 'FOR-1996-12-06-1127',
      url: `${LOVDATA}/SF/forskrift/1996-12-06-1127`,
      why: {
        nb: 'Krav om systematisk HMS-arbeid; punktene 4–8 skal være skriftlige (IK-f §§ 4–5).',
        en: 'Systematic HSE work; points 4–8 must be in writing (IK-f §§ 4–5).',
      },
    },
    {
      id: 'folm',
      title: {
        nb: 'Forskrift om organisering, ledelse og medvirkning',
        en: 'Regulations concerning Organisation, Management and Employee Participation',
      },
      short: 'FOR-2011-12-06-1355',
      url: `${LOVDATA}/SF/forskrift/2011-12-06-1355`,
      why: {
        nb: 'Verneombud, arbeidsmiljøutvalg, risikovurdering og bedriftshelsetjeneste.',
        en: 'Safety representatives, working environment committee, risk assessment and occupational health service.',
      },
    },
    {
      id: 'arbeidsplass',
      title: { nb: 'Arbeidsplassforskriften', en: 'Workplace Regulations' },
      short: 'FOR-2011-12-06-1356',
      url: `${LOVDATA}/SF/forskrift/2011-12-06-1356`,
      why: {
        nb: 'Krav til arbeidsplasser og arbeidslokaler, også førstehjelp.',
        en: 'Requirements for workplaces and premises, including first aid.',
      },
    },
    {
      id: 'fua',
      title: { nb: 'Forskrift om utførelse av arbeid', en: 'Regulations concerning the Performance of Work' },
      short: 'FOR-2011-12-06-1357',
      url: `${LOVDATA}/SF/forskrift/2011-12-06-1357`,
      why:
        duties.stoffkartotek === 'required'
          ? {
              nb: 'Dere bruker farlige kjemikalier: stoffkartotek (FUA kap. 2) og opplæring.',
              en: 'You use hazardous chemicals: chemical register (FUA ch. 2) and training.',
            }
          : {
              nb: 'Krav til hvordan arbeidet utføres, blant annet ergonomi og opplæring.',
              en: 'How work is performed, including ergonomics and training.',
            },
    },
    {
      id: 'ftrl',
      title: { nb: 'Folketrygdloven kapittel 8 og 25', en: 'National Insurance Act chapters 8 and 25' },
      short: 'LOV-1997-02-28-19',
      url: `${LOVDATA}/NL/lov/1997-02-28-19`,
      why: {
        nb: 'Arbeidsgiverperiode, oppfølging av sykmeldte og dialogmøter.',
        en: 'Employer period, follow-up of employees on sick leave and dialogue meetings.',
      },
    },
    {
      id: 'popplyl',
      title: { nb: 'Personopplysningsloven (GDPR)', en: 'Personal Data Act (GDPR)' },
      short: 'LOV-2018-06-15-38',
      url: `${LOVDATA}/NL/lov/2018-06-15-38`,
      why: {
        nb: 'Dere behandler helseopplysninger om ansatte (sykefravær, skader) — særlige kategorier.',
        en: 'You process health data about employees (sick leave, injuries) — special categories.',
      },
    },
    {
      id: 'brann',
      title: { nb: 'Forskrift om brannforebygging', en: 'Fire Prevention Regulations' },
      short: 'FOR-2015-12-17-1710',
      url: `${LOVDATA}/SF/forskrift/2015-12-17-1710`,
      why: {
        nb: 'Rutiner for brannvern og øvelser gjelder alle som har ansatte i lokaler.',
        en: 'Fire safety routines and drills apply to everyone with employees on premises.',
      },
    },
  ];
  if (profile.hazardousChemicals || duties.exposureRegister === 'required') {
    list.push({
      id: 'grenseverdier',
      title: {
        nb: 'Forskrift om tiltaks- og grenseverdier',
        en: 'Regulations concerning Action and Limit Values',
      },
      short: 'FOR-2011-12-06-1358',
      url: `${LOVDATA}/SF/forskrift/2011-12-06-1358`,
      why: {
        nb: 'Grenseverdier for kjemikalier og støy dere må holde eksponeringen under.',
        en: 'Limit values for chemicals and noise that exposure must stay below.',
      },
    });
  }
  if (duties.bht === 'required-by-nace' || duties.bht === 'ordered' || duties.bht === 'required-by-risk') {
    list.push({
      id: 'adm-ordninger',
      title: {
        nb: 'Forskrift om administrative ordninger på arbeidsmiljølovens område',
        en: 'Regulations concerning Administrative Arrangements (Working Environment Act)',
      },
      short: 'FOR-2011-12-06-1360',
      url: `${LOVDATA}/SF/forskrift/2011-12-06-1360`,
      why: {
        nb: 'Dere må knytte dere til en godkjent bedriftshelsetjeneste (aml § 3-3).',
        en: 'You must use an approved occupational health service (aml § 3-3).',
      },
    });
  }
  return list;
}
