/**
 * Version-conflict handling (optimistic concurrency): a write that sent the version the user read
 * and got 409 `STALE_VERSION` shows the server's message and «Hent siste versjon»; that loads the
 * latest version, says so, keeps what the user typed, and the next attempt sends the new version.
 * Any other 409 (a wrong state, a duplicate) is an ordinary error with no reload button.
 * Driven through the sick-leave `ReasonDialog` with a real react-query mutation and the app's API
 * client, against `fakeApi` answering as the server does.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { api } from '../../web/src/api/client.ts';
import { ReasonDialog } from '../../web/src/modules/sykefravaer/ReasonDialog.tsx';
import { fakeApi, renderInApp } from './support/render.tsx';

const STALE_MESSAGE =
  'Noen andre har endret dette i mellomtiden. Last siden på nytt for å se endringene, og gjør dine endringer igjen.';

function CasePage() {
  const [version, setVersion] = useState(3);
  const [open, setOpen] = useState(true);
  const write = useMutation({
    mutationFn: (reason: string) => api.post('/cases/c1/milestones/m1/exception', { reason, version }),
  });
  return (
    <>
      <p>{`Saken er i versjon ${version}`}</p>
      {open ? (
        <ReasonDialog
          heading="Åpenbart unødvendig"
          formId="exception-form"
          field={{
            id: 'exception-reason',
            label: 'Hvorfor?',
            description: 'Skriv kort om arbeidssituasjonen, ikke om helse.',
            minRows: 3,
            requiredMessage: 'Skriv hvorfor.',
          }}
          confirm="Lagre unntaket"
          write={write}
          onSubmit={(reason) => write.mutate(reason, { onSuccess: () => setOpen(false) })}
          onReload={async () => {
            const latest = await api.get<{ version: number }>('/cases/c1');
            setVersion(latest.version);
          }}
          onClose={() => setOpen(false)}
        />
      ) : (
        <p>Unntaket er lagret</p>
      )}
    </>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The server: version 4 is the current one; a write that sends another answers 409 `reason`. */
function caseApi(reason: 'STALE_VERSION' | 'WRONG_STATE', message: string) {
  return fakeApi({
    'GET /cases/c1': () => ({ body: { id: 'c1', version: 4 } }),
    'POST /cases/c1/milestones/m1/exception': ({ body }) =>
      isRecord(body) && body.version === 4
        ? { body: { ok: true } }
        : { status: 409, body: { error: { code: 'CONFLICT', reason, message } } },
  });
}

const reason = () => page.getByRole('textbox', { name: 'Hvorfor?' });
const confirm = () => page.getByRole('button', { name: 'Lagre unntaket' });
const reload = () => page.getByRole('button', { name: 'Hent siste versjon' });

describe('version conflict (409 STALE_VERSION) in a case dialog', () => {
  it('shows the message and «Hent siste versjon»; reloading keeps the text, and the retry sends the latest version', async () => {
    const server = caseApi('STALE_VERSION', STALE_MESSAGE);
    await renderInApp(<CasePage />);

    await userEvent.type(reason(), 'Tilbake i full stilling');
    await confirm().click();

    await expect.element(page.getByRole('alert').getByText(STALE_MESSAGE)).toBeVisible();
    await expect.element(reload()).toBeVisible();
    await expect.element(reason()).toHaveValue('Tilbake i full stilling');

    await reload().click();

    await expect.element(page.getByText('Saken er i versjon 4')).toBeVisible();
    await expect
      .element(page.getByRole('status').getByText(/Du ser nå siste versjon av saken/))
      .toBeVisible();
    // The conflict is answered: its message and button are gone, the text is still there.
    await expect.element(page.getByText(STALE_MESSAGE)).not.toBeInTheDocument();
    await expect.element(reason()).toHaveValue('Tilbake i full stilling');

    await confirm().click();
    await expect.element(page.getByText('Unntaket er lagret')).toBeVisible();

    expect(server.sent.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/cases/c1/milestones/m1/exception', { reason: 'Tilbake i full stilling', version: 3 }],
      ['GET', '/cases/c1', undefined],
      ['POST', '/cases/c1/milestones/m1/exception', { reason: 'Tilbake i full stilling', version: 4 }],
    ]);
  });

  it('another 409 (a wrong state) is an ordinary error: its message, no «Hent siste versjon», nothing reloaded', async () => {
    const server = caseApi('WRONG_STATE', 'Milepælen er allerede gjennomført.');
    await renderInApp(<CasePage />);

    await userEvent.type(reason(), 'Tilbake i full stilling');
    await confirm().click();

    await expect.element(page.getByText('Milepælen er allerede gjennomført.')).toBeVisible();
    await expect.element(reload()).not.toBeInTheDocument();
    await expect.element(reason()).toHaveValue('Tilbake i full stilling');
    expect(server.sent.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/cases/c1/milestones/m1/exception'],
    ]);
  });
});
