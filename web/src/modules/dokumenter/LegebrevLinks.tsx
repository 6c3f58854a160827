/** The link into the letter to the doctor, for the case page. */
import { Link } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { useKatalogTexts } from './KatalogApi.tsx';

export function LegebrevCaseLink({ employeeId }: { employeeId: string }) {
  const k = useKatalogTexts();
  return (
    <Link as={RouterLink} to={`/sykefravaer/${employeeId}/legebrev`}>
      {k.caseLink}
    </Link>
  );
}

/** The link into Innstillinger → Tilrettelegging (admin/HR). */
export function KatalogSettingsLink() {
  const k = useKatalogTexts();
  return (
    <Link as={RouterLink} to="/innstillinger/tilrettelegging">
      {k.settingsLink}
    </Link>
  );
}

/** The link into the employee's own letters to the doctor, for "Mitt fravær". */
export function LegebrevMyLink() {
  const k = useKatalogTexts();
  return (
    <Link as={RouterLink} to="/mitt-fravaer/legebrev">
      {k.myLetterLink}
    </Link>
  );
}
