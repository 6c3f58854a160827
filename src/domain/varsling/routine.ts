/**
 * The written routine for internal varsling (aml § 2 A-6) — pure. Built from 21 topics in our own
 * wording of the topics Arbeidstilsynet's guidance («Varslingsrutinen») asks a routine to answer, and
 * pre-filled from the organisation's actual channel: who receives reports, who when the report
 * concerns the top leader, the link for anonymous reports, the recommended deadlines.
 *
 * aml § 2 A-6 (4): the routine shall be written and contain at least a) an encouragement to report
 * censurable conditions, b) the procedure for reporting, c) the procedure for receipt, handling and
 * follow-up — those topics are «lovkrav» and must have text before the routine is published; the
 * other topics are Arbeidstilsynet's guidance («anbefalt»).
 */
import { ACKNOWLEDGE_WITHIN_DAYS, FEEDBACK_WITHIN_MONTHS, RETENTION_YEARS_AFTER_CLOSURE } from './rules.ts';

export type RoutineContext = {
  organisationName: string;
  handlers: readonly { name: string; topLeader: boolean }[];
  /** The path of the anonymous channel (`/varsle/<id>`), or null before handlers are named. */
  anonymousPath: string | null;
};

export type RoutineTopic = {
  key: string;
  title: { nb: string; en: string };
  /** `lovkrav`: aml § 2 A-6 (4) a–c requires it; `anbefalt`: Arbeidstilsynet's guidance. */
  rule: 'lovkrav' | 'anbefalt';
  basis: string;
  prefill: (ctx: RoutineContext) => string;
};

const names = (ctx: RoutineContext) =>
  ctx.handlers.length === 0
    ? '(ingen mottakere er utnevnt ennå)'
    : ctx.handlers.map((h) => h.name).join(', ');

const topLeaders = (ctx: RoutineContext) => ctx.handlers.filter((h) => h.topLeader).map((h) => h.name);

export const ROUTINE_TOPICS: readonly RoutineTopic[] = [
  {
    key: 'oppfordring',
    title: { nb: 'Oppfordring til å varsle', en: 'Encouragement to report' },
    rule: 'lovkrav',
    basis: 'aml § 2 A-6 (4) a',
    prefill: (ctx) =>
      `${ctx.organisationName} ønsker at kritikkverdige forhold kommer fram, slik at de kan rettes. Vi oppfordrer alle som jobber hos oss, også innleide, til å si fra. Det er trygt å varsle: gjengjeldelse er forbudt (aml § 2 A-4).`,
  },
  {
    key: 'hva',
    title: { nb: 'Hva det kan varsles om', en: 'What can be reported' },
    rule: 'anbefalt',
    basis: 'aml § 2 A-1 (2)',
    prefill: () =>
      'Kritikkverdige forhold er forhold i strid med lov, virksomhetens skriftlige etiske retningslinjer eller etiske normer som det er bred tilslutning til i samfunnet, for eksempel fare for liv eller helse, fare for klima eller miljø, korrupsjon eller annen økonomisk kriminalitet, myndighetsmisbruk, uforsvarlig arbeidsmiljø og brudd på personopplysningssikkerheten.',
  },
  {
    key: 'ikke-varsling',
    title: { nb: 'Hva som ikke er varsling', en: 'What is not whistleblowing' },
    rule: 'anbefalt',
    basis: 'aml § 2 A-1 (3)',
    prefill: () =>
      'Ytringer om forhold som bare gjelder ditt eget arbeidsforhold (for eksempel lønn eller uenighet med lederen om arbeidsoppgaver), er ikke varsling, med mindre forholdet også er kritikkverdig. Slike saker tar du opp med lederen din, HR eller en tillitsvalgt.',
  },
  {
    key: 'hvem-kan',
    title: { nb: 'Hvem som kan varsle', en: 'Who may report' },
    rule: 'anbefalt',
    basis: 'aml § 2 A-1 (1)',
    prefill: () =>
      'Alle arbeidstakere kan varsle, også midlertidig ansatte. Innleide arbeidstakere kan varsle om forhold hos oss.',
  },
  {
    key: 'mottakere',
    title: { nb: 'Hvem du kan varsle til', en: 'Who receives reports' },
    rule: 'lovkrav',
    basis: 'aml § 2 A-6 (4) b',
    prefill: (ctx) =>
      `Varsler behandles av disse mottakerne: ${names(ctx)}. Du kan også varsle til nærmeste leder, verneombudet eller en tillitsvalgt, som sender saken videre til mottakerne.`,
  },
  {
    key: 'overste-leder',
    title: {
      nb: 'Hvis varselet gjelder øverste leder eller en av mottakerne',
      en: 'If the report concerns the top leader or a recipient',
    },
    rule: 'anbefalt',
    basis: 'aml § 2 A-6 (4) b',
    prefill: (ctx) => {
      const leaders = topLeaders(ctx);
      return `Gjelder varselet øverste leder, krysser du av for det i skjemaet${leaders.length > 0 ? `: da får ikke ${leaders.join(' og ')} se saken` : ''}. Gjelder det en av mottakerne, kan du holde vedkommende utenfor før du sender. Minst én mottaker må kunne lese varselet; ellers kan du varsle til styret, verneombudet, en tillitsvalgt eller Arbeidstilsynet.`;
    },
  },
  {
    key: 'hvordan',
    title: { nb: 'Hvordan du varsler', en: 'How to report' },
    rule: 'lovkrav',
    basis: 'aml § 2 A-6 (4) b',
    prefill: (ctx) =>
      `Du kan varsle muntlig eller skriftlig. I Nærvær varsler du under «Varsling» når du er logget inn${ctx.anonymousPath ? `, eller uten innlogging fra lenken ${ctx.anonymousPath}` : ''}. Du trenger ikke kalle det et varsel: innholdet avgjør.`,
  },
  {
    key: 'anonymt',
    title: { nb: 'Kan du varsle anonymt?', en: 'Can you report anonymously?' },
    rule: 'anbefalt',
    basis: 'aml § 2 A-6; § 2 A-3 (2)',
    prefill: (ctx) =>
      ctx.anonymousPath
        ? 'Ja. Den anonyme kanalen lagrer ikke IP-adresse, nettleser eller informasjonskapsler. Du får en kvitteringskode på 16 sifre som vises én gang; med den leser du svar fra saksbehandleren og svarer tilbake. Koden kan ikke gjenopprettes. Det kan være vanskeligere å undersøke et anonymt varsel, så svar gjerne på spørsmål i postkassen.'
        : 'Ja, når mottakerne er utnevnt og den anonyme kanalen er åpnet.',
  },
  {
    key: 'innhold',
    title: { nb: 'Hva varselet bør inneholde', en: 'What the report should contain' },
    rule: 'anbefalt',
    basis: 'aml § 2 A-6 (4) b',
    prefill: () =>
      'Beskriv hva som har skjedd, når og hvor, hvem som er involvert, hvordan du kjenner til det, og om du har varslet om det før. Legg gjerne ved dokumentasjon. Ikke skriv helseopplysninger eller diagnoser.',
  },
  {
    key: 'eksternt',
    title: { nb: 'Varsling til myndigheter og andre', en: 'Reporting to authorities and others' },
    rule: 'anbefalt',
    basis: 'aml § 2 A-2; § 2 A-7',
    prefill: () =>
      'Du kan alltid varsle til en tilsynsmyndighet eller annen offentlig myndighet, for eksempel Arbeidstilsynet. Myndigheten har taushetsplikt om hvem du er (aml § 2 A-7). Du kan også varsle til verneombud, tillitsvalgt eller advokat.',
  },
  {
    key: 'bekreftelse',
    title: { nb: 'Bekreftelse på at varselet er mottatt', en: 'Acknowledgement of receipt' },
    rule: 'lovkrav',
    basis: 'aml § 2 A-6 (4) c',
    prefill: () =>
      `Du får bekreftet at varselet er mottatt, senest ${ACKNOWLEDGE_WITHIN_DAYS} dager etter at vi fikk det (anbefalt frist etter EU-direktivet, ikke norsk lov). Varsler du anonymt, ser du bekreftelsen i postkassen.`,
  },
  {
    key: 'behandler',
    title: { nb: 'Hvem som behandler varselet', en: 'Who handles the report' },
    rule: 'lovkrav',
    basis: 'aml § 2 A-6 (4) c',
    prefill: (ctx) =>
      `Mottakerne (${names(ctx)}) behandler varselet. Bare de kan åpne saken; heller ikke administratorer kan lese den. Hver gang saken åpnes, logges det hvem som åpnet den og når. En mottaker som er inhabil, deltar ikke.`,
  },
  {
    key: 'behandling',
    title: { nb: 'Hvordan varselet behandles', en: 'How the report is handled' },
    rule: 'lovkrav',
    basis: 'aml § 2 A-3 (1); § 2 A-6 (4) c',
    prefill: () =>
      'Mottakeren vurderer først om saken er en varsling, gjelder eget arbeidsforhold eller er et avvik. En varsling undersøkes tilstrekkelig innen rimelig tid (aml § 2 A-3): mottakeren setter en måldato for undersøkelsen ut fra hvor alvorlig og sammensatt saken er.',
  },
  {
    key: 'saksbehandling',
    title: { nb: 'God saksbehandling', en: 'Good case handling' },
    rule: 'anbefalt',
    basis: 'aml § 2 A-3',
    prefill: () =>
      'Saken behandles forsvarlig: den som det varsles om, får vite hva som er påstått og får uttale seg (kontradiksjon), mottakeren er ikke inhabil, opplysningene holdes fortrolige, og alle steg dokumenteres.',
  },
  {
    key: 'tilbakemelding',
    title: { nb: 'Informasjon til varsleren underveis', en: 'Information to the reporter' },
    rule: 'lovkrav',
    basis: 'aml § 2 A-6 (4) c',
    prefill: () =>
      `Du får vite hvordan saken behandles, og en tilbakemelding senest ${FEEDBACK_WITHIN_MONTHS} måneder etter bekreftelsen (anbefalt frist etter EU-direktivet, ikke norsk lov). Når saken avsluttes, får du vite det.`,
  },
  {
    key: 'fortrolighet',
    title: {
      nb: 'Hvordan vi beskytter varslerens identitet',
      en: 'How the reporter’s identity is protected',
    },
    rule: 'anbefalt',
    basis: 'aml § 2 A-3 (2)',
    prefill: () =>
      'Varslerens identitet holdes fortrolig og deles bare med dem som må vite den for å behandle saken. Varselet og meldingene lagres kryptert. Blir saken sendt videre som avvik, skjer det uten varslerens identitet med mindre varsleren har samtykket.',
  },
  {
    key: 'gjengjeldelse',
    title: { nb: 'Vern mot gjengjeldelse', en: 'Protection against retaliation' },
    rule: 'anbefalt',
    basis: 'aml § 2 A-4; § 2 A-3 (2)',
    prefill: () =>
      'Gjengjeldelse mot den som varsler, er forbudt – for eksempel trusler, trakassering, utestenging, advarsel, endrede arbeidsoppgaver, omplassering, degradering, suspensjon eller oppsigelse. Mottakeren går gjennom en sjekkliste for varslerens arbeidssituasjon etter varselet. Legger varsleren fram opplysninger som gir grunn til å tro at gjengjeldelse har skjedd, må arbeidsgiveren sannsynliggjøre at det ikke har skjedd.',
  },
  {
    key: 'den-det-varsles-om',
    title: { nb: 'Rettighetene til den det varsles om', en: 'Rights of the person reported on' },
    rule: 'anbefalt',
    basis: 'aml § 2 A-3; personopplysningsloven',
    prefill: () =>
      'Den det varsles om, behandles med respekt, får vite hva saken gjelder når det ikke skader undersøkelsen, får uttale seg og får vite utfallet når saken gjelder vedkommende.',
  },
  {
    key: 'roller',
    title: {
      nb: 'Rollene til verneombud, tillitsvalgte, AMU og andre',
      en: 'Roles of safety and union representatives, AMU and others',
    },
    rule: 'anbefalt',
    basis: 'aml § 2 A-6 (2)',
    prefill: () =>
      'Verneombud og tillitsvalgte kan ta imot varsler, gi råd og være støtte for varsleren. Arbeidsmiljøutvalget får en årlig oversikt over antall saker uten navn. Bedriftshelsetjenesten kan bistå når saken gjelder arbeidsmiljøet.',
  },
  {
    key: 'dokumentasjon',
    title: { nb: 'Dokumentasjon og oppbevaring', en: 'Documentation and retention' },
    rule: 'anbefalt',
    basis: 'GDPR art. 5 (1) e',
    prefill: () =>
      `Saken dokumenteres i Nærvær. Saksmappen slettes ${RETENTION_YEARS_AFTER_CLOSURE} år etter at saken er avsluttet, med mindre den holdes tilbake på grunn av en tvist; en logg uten navn (mottatt, avsluttet, kategori) beholdes.`,
  },
  {
    key: 'rutinen',
    title: { nb: 'Hvordan rutinen er laget og gjort kjent', en: 'How the routine was made and made known' },
    rule: 'anbefalt',
    basis: 'aml § 2 A-6 (2) og (5)',
    prefill: () =>
      'Rutinen er utarbeidet i samarbeid med arbeidstakerne og de tillitsvalgte, er tilgjengelig for alle ansatte i Nærvær, og gjennomgås hvert år. Rutinen begrenser ikke retten til å varsle (aml § 2 A-6 (3)).',
  },
];

export const ROUTINE_TOPIC_KEYS = ROUTINE_TOPICS.map((t) => t.key);

/** The routine's text per topic, pre-filled from the organisation's channel settings. */
export function prefilledRoutine(ctx: RoutineContext): Record<string, string> {
  return Object.fromEntries(ROUTINE_TOPICS.map((t) => [t.key, t.prefill(ctx)]));
}

/** The topics aml § 2 A-6 (4) a–c requires that have no text: a routine missing them cannot be published. */
export function missingRequiredTopics(answers: Readonly<Record<string, string>>): string[] {
  return ROUTINE_TOPICS.filter((t) => t.rule === 'lovkrav' && (answers[t.key] ?? '').trim() === '').map(
    (t) => t.key,
  );
}
