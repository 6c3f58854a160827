/**
 * «Registrer sykefravær»: find the person by typing (the shared employee picker) and go straight to
 * the absence form on their case page (`/sykefravaer/:employeeId?registrer=1` opens the dialog).
 * On a leader's front page and at the top of the Sykefravær page (issue 10: fewer steps). The pick
 * itself never navigates — the button does — so choosing an option does not change the page under
 * a screen-reader user (WCAG 3.2.2).
 */
import { Button, Heading, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { EmployeePicker, type PickedEmployee } from '../employees/index.ts';

/** The case page opens the new-period dialog when it is reached with this query parameter. */
export const REGISTER_PARAM = 'registrer';

export function RegisterSickLeave({
  idPrefix,
  headingLevel = '2',
}: {
  idPrefix: string;
  headingLevel?: '2' | '3';
}) {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  const navigate = useNavigate();
  const [picked, setPicked] = useState<PickedEmployee>(null);
  const headingId = `${idPrefix}-heading`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked) navigate(`/sykefravaer/${picked.id}?${REGISTER_PARAM}=1`);
  };
  return (
    <VStack as="section" gap="space-12" aria-labelledby={headingId} maxWidth="36rem">
      <Heading level={headingLevel} size="small" id={headingId}>
        {ts.registerHeading}
      </Heading>
      <form onSubmit={submit}>
        <VStack gap="space-12" align="start">
          <div style={{ width: '100%' }}>
            <EmployeePicker
              id={`${idPrefix}-employee`}
              label={ts.registerPicker}
              description={ts.registerPickerDescription}
              value={picked}
              onChange={setPicked}
            />
          </div>
          <Button type="submit" disabled={!picked}>
            {ts.registerGo}
          </Button>
        </VStack>
      </form>
    </VStack>
  );
}
