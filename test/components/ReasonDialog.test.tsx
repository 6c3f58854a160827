/**
 * The reason dialogs' contract with the page that opens them: the sick-leave `ReasonDialog` (why a
 * milestone is «åpenbart unødvendig», why a period is deleted, a note to «gjort») and the shared
 * `NoteDialog` («Marker som gjort» with a required note). A required reason is asked for at the
 * field and nothing is sent without it; «Avbryt» and Escape send nothing; confirming sends the
 * reason, trimmed, once.
 */
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { ApiError } from '../../web/src/api/client.ts';
import { ReasonDialog, type ReasonField } from '../../web/src/modules/sykefravaer/ReasonDialog.tsx';
import { NoteDialog } from '../../web/src/ui/NoteDialog.tsx';
import { renderInApp } from './support/render.tsx';

const REQUIRED: ReasonField = {
  id: 'exception-reason',
  label: 'Hvorfor er dialogmøtet åpenbart unødvendig?',
  description: 'Skriv kort om arbeidssituasjonen, ikke om helse.',
  minRows: 3,
  requiredMessage: 'Skriv hvorfor.',
};

type Events = { sent: string[]; closed: number };

/** The page side: the dialog stays open until it is closed, as on the case page. */
function Page({ field, events }: { field?: ReasonField; events: Events }) {
  const [open, setOpen] = useState(true);
  if (!open) return <p>Dialogen er lukket</p>;
  return (
    <ReasonDialog
      heading="Åpenbart unødvendig"
      formId="exception-form"
      field={field}
      confirm="Lagre unntaket"
      write={{ isError: false, error: null, isPending: false, reset: () => undefined }}
      onSubmit={(text) => events.sent.push(text)}
      onReload={async () => undefined}
      onClose={() => {
        events.closed++;
        setOpen(false);
      }}
    />
  );
}

const confirm = () => page.getByRole('button', { name: 'Lagre unntaket' });
const reason = () => page.getByRole('textbox', { name: REQUIRED.label });

describe('ReasonDialog (sick-leave case)', () => {
  it('a required reason left empty (or blank) is asked for at the field, and nothing is sent', async () => {
    const events: Events = { sent: [], closed: 0 };
    await renderInApp(<Page field={REQUIRED} events={events} />);

    await confirm().click();
    await expect.element(page.getByText('Skriv hvorfor.')).toBeVisible();
    await expect.element(reason()).toHaveFocus();
    await expect.element(reason()).toHaveAttribute('aria-invalid', 'true');

    await userEvent.type(reason(), '   ');
    await confirm().click();
    await expect.element(page.getByText('Skriv hvorfor.')).toBeVisible();
    expect(events).toEqual({ sent: [], closed: 0 });
  });

  it('confirming sends the reason, trimmed, once', async () => {
    const events: Events = { sent: [], closed: 0 };
    await renderInApp(<Page field={REQUIRED} events={events} />);

    await userEvent.type(reason(), '  Den ansatte er tilbake i full stilling fra mandag.  ');
    await confirm().click();

    expect(events).toEqual({ sent: ['Den ansatte er tilbake i full stilling fra mandag.'], closed: 0 });
  });

  it('«Avbryt» sends nothing, even with a reason written', async () => {
    const events: Events = { sent: [], closed: 0 };
    await renderInApp(<Page field={REQUIRED} events={events} />);

    await userEvent.type(reason(), 'Skrevet, men angret');
    await page.getByRole('button', { name: 'Avbryt' }).click();

    await expect.element(page.getByText('Dialogen er lukket')).toBeVisible();
    expect(events).toEqual({ sent: [], closed: 1 });
  });

  it('Escape closes the dialog and sends nothing', async () => {
    const events: Events = { sent: [], closed: 0 };
    await renderInApp(<Page field={REQUIRED} events={events} />);

    await userEvent.type(reason(), 'Skrevet, men angret');
    await userEvent.keyboard('{Escape}');

    await expect.element(page.getByText('Dialogen er lukket')).toBeVisible();
    expect(events).toEqual({ sent: [], closed: 1 });
  });

  it('an optional note may be empty: confirming sends an empty text', async () => {
    const events: Events = { sent: [], closed: 0 };
    const { requiredMessage: _none, ...optional } = REQUIRED;
    await renderInApp(<Page field={optional} events={events} />);

    await confirm().click();

    expect(events).toEqual({ sent: [''], closed: 0 });
  });
});

type NoteEvents = { sent: string[]; closed: number };

function NotePage({ events, answer }: { events: NoteEvents; answer: (note: string) => Promise<void> }) {
  const [open, setOpen] = useState(true);
  if (!open) return <p>Dialogen er lukket</p>;
  return (
    <NoteDialog
      heading="Marker som gjort"
      formId="done-form"
      confirm="Marker som gjort"
      context="Frist 02.03.2026"
      label="Hva ble gjort?"
      description="Et kort notat."
      requiredMessage="Skriv hva som ble gjort."
      pending={false}
      onClose={() => {
        events.closed++;
        setOpen(false);
      }}
      onSubmit={(note) => {
        events.sent.push(note);
        return answer(note);
      }}
    />
  );
}

describe('NoteDialog («Marker som gjort» with a required note)', () => {
  const note = () => page.getByRole('textbox', { name: 'Hva ble gjort?' });
  const submit = () => page.getByRole('button', { name: 'Marker som gjort' });

  it('an empty note is asked for at the field and nothing is sent; a written one is sent trimmed', async () => {
    const events: NoteEvents = { sent: [], closed: 0 };
    await renderInApp(<NotePage events={events} answer={async () => undefined} />);

    await submit().click();
    await expect.element(page.getByText('Skriv hva som ble gjort.')).toBeVisible();
    await expect.element(note()).toHaveFocus();
    expect(events.sent).toEqual([]);

    await userEvent.type(note(), '  Samtale holdt med verneombudet.  ');
    await submit().click();
    expect(events).toEqual({ sent: ['Samtale holdt med verneombudet.'], closed: 0 });
  });

  it('«Avbryt» sends nothing', async () => {
    const events: NoteEvents = { sent: [], closed: 0 };
    await renderInApp(<NotePage events={events} answer={async () => undefined} />);

    await userEvent.type(note(), 'Angret');
    await page.getByRole('button', { name: 'Avbryt' }).click();

    await expect.element(page.getByText('Dialogen er lukket')).toBeVisible();
    expect(events).toEqual({ sent: [], closed: 1 });
  });

  it('a refused write shows the server message, keeps the dialog open and the note as written', async () => {
    const events: NoteEvents = { sent: [], closed: 0 };
    const refuse = async () => {
      throw new ApiError(
        409,
        'CONFLICT',
        'Oppgaven er allerede markert som gjort.',
        [],
        undefined,
        'WRONG_STATE',
      );
    };
    await renderInApp(<NotePage events={events} answer={refuse} />);

    await userEvent.type(note(), 'Gjort i dag');
    await submit().click();

    await expect.element(page.getByText('Oppgaven er allerede markert som gjort.')).toBeVisible();
    await expect.element(note()).toHaveValue('Gjort i dag');
    expect(events).toEqual({ sent: ['Gjort i dag'], closed: 0 });
  });
});
