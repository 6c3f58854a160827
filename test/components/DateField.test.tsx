/**
 * The shared date field's contract with its form: it takes `dd.mm.åååå` and hands the form an ISO
 * date, `''` when emptied, and `INVALID_DATE` for text that is no date (31.02, or past the calendar's
 * last year 2199) — reported, never dropped, so the form can say so at the field instead of sending
 * the previous value or nothing. A value the parent replaces (after «hent siste versjon») is shown.
 */
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { DateField, INVALID_DATE } from '../../web/src/ui/DateField.tsx';
import { renderInApp } from './support/render.tsx';

function Form({ initial, calls }: { initial: string; calls: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField
        id="start"
        label="Ansatt fra"
        value={value}
        onChange={(next) => {
          calls.push(next);
          setValue(next);
        }}
      />
      <button type="button">Neste felt</button>
      <button type="button" onClick={() => setValue('2027-01-15')}>
        Hent siste versjon
      </button>
      <output data-testid="value">{value}</output>
    </>
  );
}

const field = () => page.getByRole('textbox', { name: 'Ansatt fra' });
const value = () => page.getByTestId('value');

async function typeDate(text: string) {
  await userEvent.click(field());
  await userEvent.keyboard(text);
  await userEvent.tab();
}

describe('DateField: dd.mm.åååå in, an ISO date (or INVALID_DATE) out', () => {
  it('typing 02.03.2026 hands the form 2026-03-02 and keeps showing 02.03.2026', async () => {
    const calls: string[] = [];
    await renderInApp(<Form initial="" calls={calls} />);
    await expect
      .element(page.getByText('Skriv datoen som dd.mm.åååå eller velg i kalenderen.'))
      .toBeVisible();

    await typeDate('02.03.2026');

    await expect.element(value()).toHaveTextContent('2026-03-02');
    await expect.element(field()).toHaveValue('02.03.2026');
    expect(calls.at(-1)).toBe('2026-03-02');
    // While typing, each keystroke is handed on: half-written text as INVALID_DATE, and «02.03.20» as
    // 2020-03-02 (Aksel reads a two-digit year). Forms keep the last value and check it on submit;
    // none may act on each change.
    expect(calls.filter((c) => c !== INVALID_DATE)).toEqual(['2020-03-02', '2026-03-02']);
  });

  it('31.02.2026 does not exist: the form gets INVALID_DATE, not the earlier date and not nothing', async () => {
    const calls: string[] = [];
    await renderInApp(<Form initial="2026-02-10" calls={calls} />);
    await expect.element(field()).toHaveValue('10.02.2026');

    await userEvent.clear(field());
    await typeDate('31.02.2026');

    await expect.element(value()).toHaveTextContent(INVALID_DATE);
    expect(calls.at(-1)).toBe(INVALID_DATE);
    // The text the user wrote stays, so they can see and fix it.
    await expect.element(field()).toHaveValue('31.02.2026');
  });

  it('a date past the calendar (01.01.2200) is reported as INVALID_DATE; 31.12.2199 is still a date', async () => {
    const calls: string[] = [];
    await renderInApp(<Form initial="" calls={calls} />);

    await typeDate('31.12.2199');
    await expect.element(value()).toHaveTextContent('2199-12-31');

    await userEvent.clear(field());
    await typeDate('01.01.2200');
    await expect.element(value()).toHaveTextContent(INVALID_DATE);
    expect(calls.at(-1)).toBe(INVALID_DATE);
  });

  it('emptying the field hands the form an empty string', async () => {
    const calls: string[] = [];
    await renderInApp(<Form initial="2026-03-02" calls={calls} />);
    await expect.element(field()).toHaveValue('02.03.2026');

    await userEvent.clear(field());
    await userEvent.tab();

    await expect.element(value()).toHaveTextContent(/^$/);
    expect(calls.at(-1)).toBe('');
  });

  it('a value the parent replaces (the latest version loaded) shows as dd.mm.åååå', async () => {
    const calls: string[] = [];
    await renderInApp(<Form initial="2026-03-02" calls={calls} />);

    await page.getByRole('button', { name: 'Hent siste versjon' }).click();

    await expect.element(field()).toHaveValue('15.01.2027');
    await expect.element(value()).toHaveTextContent('2027-01-15');
  });
});
