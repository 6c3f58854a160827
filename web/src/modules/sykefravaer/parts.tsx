/** Small shared pieces of the sick-leave pages: the state tag, the conflict notice, the privacy hint. */
import { CheckmarkIcon, ExclamationmarkTriangleIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Button, Tag, type TagProps, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import type { MilestoneStateKind } from './types.ts';

type AkselColor = NonNullable<TagProps['data-color']>;

const COLOR: Record<MilestoneStateKind, AkselColor> = {
  overdue: 'danger',
  'due-soon': 'warning',
  upcoming: 'success',
  done: 'success',
  exempted: 'neutral',
  'not-required': 'neutral',
  informational: 'info',
};

/** The state of a milestone as an Aksel tag: colour, an icon for the urgent ones, and always the word. */
export function StateTag({
  state,
  size = 'small',
}: {
  state: MilestoneStateKind;
  size?: 'small' | 'medium' | 'xsmall';
}) {
  const t = useT();
  const icon =
    state === 'overdue' ? (
      <ExclamationmarkTriangleIcon aria-hidden />
    ) : state === 'done' ? (
      <CheckmarkIcon aria-hidden />
    ) : undefined;
  return (
    <Tag variant="moderate" data-color={COLOR[state]} size={size} icon={icon} className="sf-state-tag">
      {t.sykefravaer.states[state]}
    </Tag>
  );
}

/**
 * A failed write: a 409 (someone else changed the case first) shows the server's message and the
 * "load the latest version" button — the form keeps what the user typed; other errors as usual.
 */
export function WriteError({ error, onReload }: { error: unknown; onReload: () => Promise<unknown> }) {
  const t = useT();
  const [reloading, setReloading] = useState(false);
  if (isApiError(error) && error.status === 409) {
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
            {t.sykefravaer.conflictReload}
          </Button>
        </VStack>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/** Shown after the latest version was loaded following a conflict. */
export function ReloadedNotice() {
  const t = useT();
  return (
    <div role="status">
      <Alert variant="info" size="small">
        {t.sykefravaer.reloaded}
      </Alert>
    </div>
  );
}

type Write = { isError: boolean; error: unknown; reset(): void };

/**
 * The feedback of a write in a dialog: the failure (with "load the latest version" on a 409) and,
 * after such a reload, a notice that the latest version is shown. `clear` before each new attempt.
 */
export function useWriteFeedback(write: Write, onReload: () => Promise<unknown>) {
  const [reloaded, setReloaded] = useState(false);
  const feedback = (
    <>
      {write.isError ? (
        <WriteError
          error={write.error}
          onReload={async () => {
            await onReload();
            write.reset();
            setReloaded(true);
          }}
        />
      ) : null}
      {reloaded ? <ReloadedNotice /> : null}
    </>
  );
  return { feedback, clear: () => setReloaded(false) };
}
