/**
 * Kartlegging and risikovurdering (`/risiko`): the assessments per unit and work task, one
 * assessment with its risks, tiltak, comments and versions (`/risiko/:id`), and the heat map with
 * the handlingsplan (`/risiko/matrise`), the vernerunder (`/risiko/vernerunder`) and the
 * stoffkartotek with the exposure register (`/risiko/stoffkartotek`). A section of its own in the
 * menu: employees read their unit's assessments and chemicals too, and AMU reads the matrix.
 */
import type { WebModule } from '../../app/module.ts';
import { AssessmentPage } from './AssessmentPage.tsx';
import { MatrixPage } from './MatrixPage.tsx';
import { messages, type RisikoMessages } from './messages.ts';
import { ProduktPage } from './ProduktPage.tsx';
import { RisikoPage } from './RisikoPage.tsx';
import { StoffkartotekPage } from './StoffkartotekPage.tsx';
import { VernerundePage } from './VernerundePage.tsx';
import { VernerunderPage } from './VernerunderPage.tsx';

/** Who reads assessments (each only those of their units/areas, as the API decides). */
const READERS = ['admin', 'hr', 'leder', 'verneombud', 'ansatt'] as const;
/** The heat map: the readers, and AMU (the organisation's matrix and its Høy risks). */
const MATRIX_READERS = [...READERS, 'amu'] as const;
/** Who takes part in vernerunder (each only in those of their units/areas or named in them). */
const WALKERS = ['admin', 'hr', 'leder', 'verneombud'] as const;

/** For the front page (home): overdue tiltak on Høy risks, for HR and the verneombud. */
export { OverdueHighNotice } from './OverdueHighNotice.tsx';

export const risikoModule: WebModule<RisikoMessages> = {
  name: 'risiko',
  messages,
  routes: [
    { path: 'risiko', page: RisikoPage, roles: READERS },
    { path: 'risiko/matrise', page: MatrixPage, roles: MATRIX_READERS },
    { path: 'risiko/vernerunder', page: VernerunderPage, roles: WALKERS },
    { path: 'risiko/vernerunder/:id', page: VernerundePage, roles: WALKERS },
    { path: 'risiko/stoffkartotek', page: StoffkartotekPage, roles: READERS },
    { path: 'risiko/stoffkartotek/:id', page: ProduktPage, roles: READERS },
    { path: 'risiko/:id', page: AssessmentPage, roles: READERS },
  ],
  navigation: [
    { to: '/risiko', label: 'risiko', order: 56, roles: READERS },
    // AMU (without a reading role) goes straight to the matrix.
    {
      to: '/risiko/matrise',
      label: 'risiko',
      order: 56,
      roles: ['amu'],
      when: (session) => !session.roles.some((r) => (READERS as readonly string[]).includes(r)),
    },
    { to: '/risiko', label: 'risikoVurderinger', order: 130, end: true, roles: READERS, parent: '/risiko' },
    { to: '/risiko/matrise', label: 'risikoMatrise', order: 131, roles: MATRIX_READERS, parent: '/risiko' },
    { to: '/risiko/vernerunder', label: 'risikoVernerunder', order: 132, roles: WALKERS, parent: '/risiko' },
    { to: '/risiko/stoffkartotek', label: 'risikoStoff', order: 133, roles: READERS, parent: '/risiko' },
  ],
};
