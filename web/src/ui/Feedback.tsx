/** Small shared pieces for loading, errors and success messages. */
import { Alert, BodyShort, Button, Loader, VStack } from '@navikt/ds-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="loading" role="status">
      <Loader size="large" title={label ?? t.common.loading} />
    </div>
  );
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = error instanceof Error ? error.message : t.errors.unexpected;
  return (
    <Alert variant="error" role="alert">
      <VStack gap="space-8" align="start">
        <BodyShort>{message}</BodyShort>
        {onRetry ? (
          <Button size="small" variant="secondary" onClick={onRetry}>
            {t.common.tryAgain}
          </Button>
        ) : null}
      </VStack>
    </Alert>
  );
}

/** A success message in a polite live region. */
export function SuccessMessage({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div role="status">
      <Alert variant="success">{children}</Alert>
    </div>
  );
}

/**
 * A message handed over by the previous page: `navigate(to, { state: { flash: '…' } })`. It is shown
 * once: the history entry forgets it, so a reload or "back" does not show it again.
 */
export function Flash() {
  const location = useLocation();
  const navigate = useNavigate();
  const state = location.state as { flash?: unknown } | null;
  const [flash] = useState(() => (typeof state?.flash === 'string' ? state.flash : null));
  useEffect(() => {
    if (typeof state?.flash === 'string') {
      navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
    }
  }, [state, location.pathname, location.search, navigate]);
  return flash ? <SuccessMessage>{flash}</SuccessMessage> : null;
}
