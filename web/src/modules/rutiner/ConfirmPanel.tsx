/**
 * «Jeg har lest og forstått rutinen»: an employee confirms the version they just read (IK-f § 5 no. 2).
 * When the routine changed meanwhile (409 STALE_VERSION), the message says so and offers the new
 * version; after a confirmation the panel says when it was given. Shown only when the routine applies
 * to the user.
 */
import { Alert, BodyShort, Box, Button, Heading, VStack } from '@navikt/ds-react';
import { useEffect, useRef, useState } from 'react';
import { isStaleVersion } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, SuccessMessage } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { type RoutineDetail, useConfirmRoutine } from './api.ts';

export function ConfirmPanel({
  routine,
  onReload,
}: {
  routine: RoutineDetail;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const tr = t.rutiner;
  const confirm = useConfirmRoutine();
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const mine = routine.mine;
  const confirmed = mine?.state === 'confirmed';
  // The button is gone once confirmed: keyboard and screen reader users land on the receipt.
  useEffect(() => {
    if (done && confirmed) doneRef.current?.focus();
  }, [done, confirmed]);
  if (!mine || routine.archived) return null;

  if (mine.state === 'confirmed') {
    return (
      <div className="rutine-confirm" ref={doneRef} tabIndex={-1}>
        {done ? (
          <SuccessMessage>{tr.confirmedNow}</SuccessMessage>
        ) : (
          <Alert variant="success" size="small">
            {tr.confirmedAlready(
              mine.confirmedVersion ?? routine.currentVersion,
              formatDate(mine.confirmedAt),
            )}
          </Alert>
        )}
      </div>
    );
  }

  const stale = isStaleVersion(confirm.error) ? confirm.error : null;
  return (
    <Box
      as="section"
      aria-labelledby="rutine-confirm-heading"
      background="info-soft"
      padding="space-20"
      borderRadius="8"
      className="rutine-confirm"
    >
      <VStack gap="space-12" align="start">
        <Heading level="2" size="small" id="rutine-confirm-heading">
          {tr.confirmHeading}
        </Heading>
        <BodyShort>
          {mine.state === 'new-version' && mine.confirmedVersion !== null
            ? tr.confirmNewVersion(mine.confirmedVersion)
            : tr.confirmIntro}
        </BodyShort>
        {stale ? (
          <Alert variant="warning" role="alert">
            <VStack gap="space-12" align="start">
              <BodyShort>{stale.message}</BodyShort>
              <Button
                type="button"
                size="small"
                variant="secondary"
                onClick={() => {
                  void onReload().then(() => confirm.reset());
                }}
              >
                {tr.reloadRoutine}
              </Button>
            </VStack>
          </Alert>
        ) : null}
        {confirm.isError && !stale ? <ErrorAlert error={confirm.error} /> : null}
        <Button
          type="button"
          loading={confirm.isPending}
          onClick={() =>
            confirm.mutate(
              { id: routine.id, version: routine.currentVersion },
              { onSuccess: () => setDone(true) },
            )
          }
        >
          {tr.confirmButton}
        </Button>
      </VStack>
    </Box>
  );
}
