/**
 * The feedback of a failed write that sent the version the user read. When someone else saved first
 * (409 `STALE_VERSION`) it shows the server's message and a "load the latest version" button — the
 * form keeps what the user typed — and, after the reload, a notice that the latest version is shown.
 * Any other error (also another 409: a duplicate, a wrong state) is an ordinary error message.
 */
import { Alert, BodyShort, Button, VStack } from '@navikt/ds-react';
import { type ReactNode, useState } from 'react';
import { isStaleVersion } from '../api/client.ts';
import { ErrorAlert } from './Feedback.tsx';

export type ReloadTexts = {
  /** The button: "load the latest version". */
  reload: string;
  /** The notice after the reload. */
  reloaded: string;
};

export function WriteError({
  error,
  onReload,
  reloadLabel,
}: {
  error: unknown;
  onReload: () => Promise<unknown>;
  reloadLabel: string;
}) {
  const [reloading, setReloading] = useState(false);
  if (isStaleVersion(error)) {
    return (
      <Alert variant="warning" role="alert">
        <VStack gap="space-12" align="start">
          <BodyShort>{error.message}</BodyShort>
          <Button
            type="button"
            size="small"
            variant="secondary"
            loading={reloading}
            onClick={() => {
              setReloading(true);
              void onReload().finally(() => setReloading(false));
            }}
          >
            {reloadLabel}
          </Button>
        </VStack>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/** Shown after the latest version was loaded following a conflict. */
export function ReloadedNotice({ children }: { children: ReactNode }) {
  return (
    <div role="status">
      <Alert variant="info" size="small">
        {children}
      </Alert>
    </div>
  );
}

type Write = { isError: boolean; error: unknown; reset(): void };

/**
 * The feedback of a write in a dialog: the failure (with "load the latest version" when someone else
 * saved first) and, after such a reload, the notice. `clear` before each new attempt.
 */
export function useWriteFeedback(write: Write, onReload: () => Promise<unknown>, texts: ReloadTexts) {
  const [reloaded, setReloaded] = useState(false);
  const feedback = (
    <>
      {write.isError ? (
        <WriteError
          error={write.error}
          reloadLabel={texts.reload}
          onReload={async () => {
            await onReload();
            write.reset();
            setReloaded(true);
          }}
        />
      ) : null}
      {reloaded ? <ReloadedNotice>{texts.reloaded}</ReloadedNotice> : null}
    </>
  );
  return { feedback, clear: () => setReloaded(false) };
}
