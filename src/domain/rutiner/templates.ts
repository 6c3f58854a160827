/**
 * «Ny rutine fra mal»: short starter texts in bokmål for the routines most organisations need. They
 * are starting points, not finished routines — each says so in its first lines, and has [hakeparenteser]
 * where the organisation fills in its own names, places and numbers. The routine text is the
 * organisation's own document, so it is bokmål whatever the user's language; the template's name is
 * in both languages.
 *
 * - avvik: aml § 3-1 (2) e, IK-f § 5 no. 7 (routines to uncover, rectify and prevent breaches)
 * - varsling: aml § 2 A-6 (4): at least a) encouragement to report, b) the procedure for reporting,
 *   c) the employer's handling; made with the employees and their tillitsvalgte (§ 2 A-6 (2)),
 *   easily accessible (§ 2 A-6 (5)). Arbeidstilsynet's 21 questions belong to the varsling module.
 * - introduksjon: IK-f § 5 no. 2 (sufficient knowledge), aml § 3-2 (1) a (training and instruction)
 * - førstehjelp and brann: no law sets their content here; the texts are anbefalt practice.
 */
import type { Text } from '../../i18n/locale.ts';
import type { RoutineCategory } from './types.ts';

export const ROUTINE_TEMPLATE_KEYS = ['avvik', 'varsling', 'introduksjon', 'forstehjelp', 'brann'] as const;
export type RoutineTemplateKey = (typeof ROUTINE_TEMPLATE_KEYS)[number];

export type RoutineTemplate = {
  key: RoutineTemplateKey;
  category: RoutineCategory;
  /** What the picker shows. */
  name: Text;
  /** The suggested title of the routine (bokmål: the organisation's document). */
  title: string;
  /** Where the template comes from, shown beside it. */
  legalBasis: string | null;
  body: string;
};

const START = [
  'UTGANGSPUNKT – TILPASS FØR BRUK',
  'Dette er et forslag fra Nærvær, ikke en ferdig rutine. Gå gjennom teksten sammen med verneombudet og de ansattes representanter, fyll inn det som står i [hakeparenteser], og stryk det som ikke passer hos dere.',
].join('\n');

const avvik = `${START}

Formål
Rutinen skal sørge for at feil, farlige forhold, uønskede hendelser og nestenulykker blir meldt, rettet opp og forebygget (arbeidsmiljøloven § 3-1 andre ledd bokstav e og internkontrollforskriften § 5 nr. 7).

Hva skal meldes
- Skader og ulykker, også små.
- Nestenulykker: hendelser som kunne ha ført til skade.
- Farlige forhold: utstyr som ikke virker, manglende verneutstyr, snublefeller, brudd på egne rutiner.
- Vold, trusler, trakassering og andre forhold i det psykososiale arbeidsmiljøet.
- Brudd på sikkerheten for personopplysninger, for eksempel et dokument sendt til feil person. Meld dette straks: det kan være en frist på 72 timer for å melde til Datatilsynet.
Skriv ikke helseopplysninger eller diagnoser i meldingen.

Slik melder du
- Meld fra til nærmeste leder så snart som mulig, muntlig eller skriftlig [i avvikssystemet / på skjema].
- Er det fare for liv eller helse: stans arbeidet, sikre stedet, og varsle leder og verneombud med en gang.
- Beskriv hva som skjedde, hvor og når, og hva som ble gjort med en gang.
- Du kan også melde fra til verneombudet.

Slik følges avviket opp
- Leder bekrefter at meldingen er mottatt, og vurderer hvor alvorlig avviket er.
- Leder sørger for strakstiltak, finner årsaken og bestemmer tiltak som hindrer at det skjer igjen – med ansvarlig og frist.
- Verneombudet i området blir orientert.
- Den som meldte, får vite hva som blir gjort.
- Avviket lukkes når tiltakene er gjennomført og det er kontrollert at de virker.
- Dødsulykker og alvorlige skader meldes straks til Arbeidstilsynet og politiet (arbeidsmiljøloven § 5-2).

Læring, ikke skyld
Vi melder for å lære, ikke for å finne syndebukker. Avvikene gås gjennom i den årlige gjennomgangen av HMS-arbeidet og brukes når risikoen vurderes på nytt. [Har dere arbeidsmiljøutvalg: utvalget går gjennom rapportene om skader og nestenulykker.]

Ansvar
[Daglig leder] har ansvaret for at rutinen er kjent og blir fulgt. Eieren av rutinen går den gjennom minst én gang i året.`;

const varsling = `${START}

Om rutinen
Virksomheter som jevnlig sysselsetter minst fem arbeidstakere, skal ha skriftlige rutiner for intern varsling (arbeidsmiljøloven § 2 A-6). Rutinen skal lages i samarbeid med de ansatte og deres tillitsvalgte, og den skal være lett tilgjengelig for alle. Arbeidstilsynets veiledning «Varslingsrutinen» har spørsmål som hjelper dere å gjøre den fullstendig.

1. Vi oppfordrer deg til å si fra
Vi vil at du sier fra om kritikkverdige forhold i virksomheten: forhold som er i strid med lover og regler, våre etiske retningslinjer eller etiske normer som det er bred oppslutning om. Det kan for eksempel være fare for liv eller helse, fare for klima eller miljø, korrupsjon eller annen økonomisk kriminalitet, myndighetsmisbruk, et uforsvarlig arbeidsmiljø eller brudd på sikkerheten for personopplysninger (§ 2 A-1).
Å si fra er bra for virksomheten. Du skal ikke utsettes for gjengjeldelse fordi du varsler (§ 2 A-4).
Klager som bare gjelder ditt eget arbeidsforhold, er som hovedregel ikke varsling. Ta dem opp med leder eller [HR].

2. Slik varsler du
- Du kan varsle til nærmeste leder, til [rolle/navn], til verneombudet eller til en tillitsvalgt.
- Gjelder varselet nærmeste leder eller daglig leder, varsler du til [rolle/navn].
- Du kan varsle muntlig eller skriftlig. [Skriv om dere tar imot anonyme varsler, og hvordan.]
- Fortell så godt du kan hva som har skjedd, hvor og når, og hvem som var involvert.
- Du kan alltid varsle til en tilsynsmyndighet eller en annen offentlig myndighet.
- Denne rutinen begrenser ikke retten til å varsle (§ 2 A-6 tredje ledd).

3. Slik behandler vi varselet
- Mottak: Den som tar imot varselet, bekrefter at det er mottatt [innen … dager] og sender det til [rolle] som behandler det.
- Undersøkelse: Vi undersøker saken innen rimelig tid (§ 2 A-3). Identiteten din holdes fortrolig og deles bare med dem som må kjenne den.
- Oppfølging: Du får vite hvordan saken blir behandlet, så langt det er mulig. Den det er varslet om, får ivareta sine rettigheter.
- Vi følger med på at du ikke blir utsatt for gjengjeldelse etter at du har varslet.

Ansvar
[Rolle] har ansvaret for rutinen. Den gås gjennom minst én gang i året sammen med de tillitsvalgte eller de ansattes representanter.`;

const introduksjon = `${START}

Formål
Alle nye ansatte – også vikarer, deltidsansatte og sommervikarer – skal få nok kunnskap om HMS-arbeidet hos oss til å gjøre jobben trygt (internkontrollforskriften § 5 nr. 2), og den opplæringen og instruksjonen arbeidet krever (arbeidsmiljøloven § 3-2 første ledd bokstav a).

Før første arbeidsdag
- Nærmeste leder planlegger introduksjonen og utpeker en fadder.
- Arbeidsplass, utstyr, tilganger og eventuelt verneutstyr er klart.

Første arbeidsdag
- Omvisning: rømningsveier, møteplass ved brann, førstehjelpsutstyr og [hjertestarter].
- Hvem som er nærmeste leder, verneombud og tillitsvalgt, og hvordan de nås.
- Hvordan du melder avvik og sier fra om kritikkverdige forhold.
- Hva du gjør ved sykdom og fravær.

Første uke
- Les og bekreft rutinene som gjelder deg, her i Nærvær under «Mine rutiner».
- Opplæring i arbeidsoppgaver, utstyr og eventuelle farlige stoffer, med skriftlige instrukser der arbeidet kan være særlig farlig.

Første måned
- Oppfølgingssamtale med nærmeste leder: Hva har du lært, hva mangler, hvordan har du det på jobben?

Ansvar
Nærmeste leder har ansvaret for at introduksjonen blir gjennomført. [HR] følger med på at alle nye har bekreftet rutinene sine.`;

const forstehjelp = `${START}

Formål
Alle skal vite hva de gjør ved ulykker og akutt sykdom på jobben, og hvor utstyret er.

Ved ulykke eller akutt sykdom
1. Skaff deg oversikt og sørg for din egen sikkerhet. Sikre stedet.
2. Ring 113 ved fare for liv. Brann: 110. Politi: 112.
3. Gi førstehjelp så godt du kan: frie luftveier, sideleie, hjerte-lunge-redning og hjertestarter ved hjertestans.
4. Hent hjelp fra kolleger, og varsle nærmeste leder.
5. Følg med personen til hjelpen kommer.

Utstyr og opplæring
- Førstehjelpsskrin står [sted]. [Rolle] sjekker og fyller på [hvor ofte].
- Hjertestarter står [sted].
- Vi anbefaler at alle får et førstehjelpskurs, og at det friskes opp jevnlig. [Skriv hvem som har ansvaret.]

Etterpå
- Meld hendelsen som avvik. Skriv ikke helseopplysninger eller diagnoser i meldingen.
- Leder følger opp dem som var involvert, og tilbyr en samtale.
- Alvorlige skader meldes straks til Arbeidstilsynet og politiet (arbeidsmiljøloven § 5-2).

Ansvar
[Rolle] har ansvaret for rutinen og for utstyret.`;

const brann = `${START}

Formål
Alle skal vite hvordan brann forebygges, og hva de gjør når det brenner.

Når det brenner
1. Varsle: Utløs brannalarmen og ring 110.
2. Redd: Få alle ut. Hjelp dem som trenger det. Lukk dører etter deg.
3. Slokk: Prøv å slokke hvis det kan gjøres uten fare.
4. Gå til møteplassen [sted]. [Rolle] teller opp og gir beskjed til brannvesenet.
Bruk ikke heis.

Forebygging
- Rømningsveier og nødutganger holdes frie.
- Elektrisk utstyr slås av etter bruk. [Tilpass: kaffetrakter, komfyr, ladere.]
- Brannslokkere står [sted] og sjekkes [hvor ofte] av [rolle].

Øvelser og opplæring
- Vi anbefaler brannøvelse minst én gang i året, og at nye ansatte går gjennom rømningsveiene den første dagen.
- [Navn/rolle] er brannvernansvarlig.

Etterpå
- Meld brann, branntilløp og feil på utstyr som avvik.

Ansvar
[Rolle] har ansvaret for rutinen.`;

export const ROUTINE_TEMPLATES: Readonly<Record<RoutineTemplateKey, RoutineTemplate>> = {
  avvik: {
    key: 'avvik',
    category: 'avvik',
    name: { nb: 'Avvikshåndtering', en: 'Handling non-conformities' },
    title: 'Rutine for melding og oppfølging av avvik',
    legalBasis: 'aml § 3-1 (2) e; IK-f § 5 nr. 7',
    body: avvik,
  },
  varsling: {
    key: 'varsling',
    category: 'varsling',
    name: { nb: 'Intern varsling', en: 'Internal whistleblowing' },
    title: 'Rutine for intern varsling',
    legalBasis: 'aml § 2 A-6',
    body: varsling,
  },
  introduksjon: {
    key: 'introduksjon',
    category: 'introduksjon',
    name: { nb: 'Introduksjon av nye ansatte', en: 'Introducing new employees' },
    title: 'Rutine for introduksjon av nye ansatte',
    legalBasis: 'IK-f § 5 nr. 2; aml § 3-2 (1) a',
    body: introduksjon,
  },
  forstehjelp: {
    key: 'forstehjelp',
    category: 'forstehjelp',
    name: { nb: 'Førstehjelp', en: 'First aid' },
    title: 'Rutine for førstehjelp',
    legalBasis: null,
    body: forstehjelp,
  },
  brann: {
    key: 'brann',
    category: 'brann',
    name: { nb: 'Brann', en: 'Fire' },
    title: 'Rutine ved brann',
    legalBasis: null,
    body: brann,
  },
};

export function isRoutineTemplateKey(value: unknown): value is RoutineTemplateKey {
  return typeof value === 'string' && (ROUTINE_TEMPLATE_KEYS as readonly string[]).includes(value);
}
