/**
 * «Sletting av opplysningene» on a case page, for HR: the case's data is deleted a number of months
 * after the absence ended (GDPR art. 5 (1) e; the organisation's setting), unless HR holds the
 * deletion back — for a dispute or a claim (GDPR art. 17 (3) e) — with a documented reason. Shows
 * the hold (who, when, why), and places or releases it through a confirm dialog.
 */
import { PadlockLockedIcon, PadlockUnlockedIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Heading, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { fieldId } from '../../ui/form.ts';
import { dateTime } from '../../ui/format.ts';
import type { useCaseWrites } from './api.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import type { CaseView } from './types.ts';

type Writes = ReturnType<typeof useCaseWrites>;

type Props = {
  hold: CaseView['retentionHold'];
  months: number | null;
  writes: Writes;
  onReload: () => Promise<unknown>;
  onSaved: (message: string) => void;
};

export function RetentionHoldSection({ hold, months, writes, onReload, onSaved }: Props) {
  const { t, locale } = useI18n();
  const ts = t.sykefravaer;
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const write = writes.setRetentionHold;

  return (
    <VStack as="section" gap="space-12" aria-labelledby="sf-retention-heading">
      <Heading level="2" size="medium" id="sf-retention-heading">
        {ts.retentionHeading}
      </Heading>
      {months !== null ? <BodyShort>{ts.retentionRule(months)}</BodyShort> : null}
      {hold.hold ? (
        <VStack gap="space-4">
          <BodyShort weight="semibold">
            {hold.at && hold.by
              ? ts.retentionHeldBy(dateTime(hold.at, locale), hold.by.name)
              : ts.retentionHeld}
          </BodyShort>
          {hold.reason ? (
            <BodyShort>
              {ts.reason}: {hold.reason}
            </BodyShort>
          ) : null}
        </VStack>
      ) : null}
      <div>
        <Button
          type="button"
          size="small"
          variant="secondary"
          icon={hold.hold ? <PadlockUnlockedIcon aria-hidden /> : <PadlockLockedIcon aria-hidden />}
          onClick={() => {
            write.reset();
            setOpen(true);
          }}
        >
          {hold.hold ? ts.retentionReleaseAction : ts.retentionHoldAction}
        </Button>
      </div>
      {open && !hold.hold ? (
        <ReasonDialog
          heading={ts.retentionHoldHeading}
          formId="sf-retention-hold"
          body={ts.retentionHoldBody}
          field={{
            id: fieldId('holdReason'),
            label: ts.retentionHoldReason,
            description: ts.privacyHint,
            minRows: 2,
            requiredMessage: ts.retentionHoldReasonRequired,
          }}
          confirm={ts.retentionHoldConfirm}
          write={write}
          onSubmit={(reason) =>
            write.mutate(
              { hold: true, reason },
              {
                onSuccess: () => {
                  onSaved(ts.retentionHoldSaved);
                  close();
                },
              },
            )
          }
          onReload={onReload}
          onClose={close}
        />
      ) : null}
      {open && hold.hold ? (
        <ReasonDialog
          heading={ts.retentionReleaseHeading}
          formId="sf-retention-release"
          body={ts.retentionReleaseBody}
          confirm={ts.retentionReleaseConfirm}
          danger
          write={write}
          onSubmit={() =>
            write.mutate(
              { hold: false, reason: null },
              {
                onSuccess: () => {
                  onSaved(ts.retentionReleased);
                  close();
                },
              },
            )
          }
          onReload={onReload}
          onClose={close}
        />
      ) : null}
    </VStack>
  );
}
