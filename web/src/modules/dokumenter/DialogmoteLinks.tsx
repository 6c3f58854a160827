/** The links into the dialogmøte pages, for the case page and "Mitt fravær". */
import { Link } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { useDialogmoteText } from './dialogmoteApi.ts';

export function DialogmoteCaseLink({ employeeId }: { employeeId: string }) {
  const m = useDialogmoteText();
  return (
    <Link as={RouterLink} to={`/sykefravaer/${employeeId}/dialogmoter`}>
      {m.caseLink}
    </Link>
  );
}

export function DialogmoteMyLink() {
  const m = useDialogmoteText();
  return (
    <Link as={RouterLink} to="/mitt-fravaer/dialogmoter">
      {m.myLink}
    </Link>
  );
}
