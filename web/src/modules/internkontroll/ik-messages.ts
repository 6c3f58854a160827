/** Texts of the IK-f § 5 dashboard (`/internkontroll`), bokmål first; English has the same keys. */
export const ikNb = {
  title: 'Internkontroll',
  intro:
    'Internkontrollforskriften § 5 har åtte punkter. Her ser dere hvert punkt, hva som viser at det er på plass, og hva som mangler. Punktene 4–8 skal være skriftlige.',
  written: 'Skal være skriftlig',
  status: {
    green: 'På plass',
    yellow: 'Delvis på plass',
    red: 'Mangler',
    'not-applicable': 'Ikke aktuelt',
  },
  pointHeading: (n: number, title: string) => `${n}. ${title}`,
  evidence: 'Dette viser at det er på plass',
  missing: 'Dette mangler',
  fix: 'Gå dit',
  summary: (green: number, total: number) => `${green} av ${total} punkter er på plass.`,
  regelverkHeading: 'Lover og forskrifter som gjelder for dere',
  regelverkIntro:
    'Oversikten følger av virksomhetsprofilen (internkontrollforskriften § 5 nr. 1). Lenkene går til Lovdata, der dere finner gjeldende tekst.',
  regelverkLink: (short: string) => `Les på Lovdata (${short})`,
  opensInNewTab: '(åpnes i ny fane)',
};

export const ikEn: typeof ikNb = {
  title: 'Internal control',
  intro:
    'The Internal Control Regulations § 5 has eight points. Here you see each point, what shows it is in place, and what is missing. Points 4–8 must be in writing.',
  written: 'Must be in writing',
  status: {
    green: 'In place',
    yellow: 'Partly in place',
    red: 'Missing',
    'not-applicable': 'Not applicable',
  },
  pointHeading: (n: number, title: string) => `${n}. ${title}`,
  evidence: 'What shows it is in place',
  missing: 'What is missing',
  fix: 'Go there',
  summary: (green: number, total: number) => `${green} of ${total} points are in place.`,
  regelverkHeading: 'Laws and regulations that apply to you',
  regelverkIntro:
    'The overview follows from the company profile (Internal Control Regulations § 5 no. 1). The links go to Lovdata, where you find the current text.',
  regelverkLink: (short: string) => `Read on Lovdata (${short})`,
  opensInNewTab: '(opens in a new tab)',
};
