/**
 * The person picker's contract with its form (issue 17): `onChange` gets `{ id, name }` once per
 * pick and `null` only when the user removes the choice; the value survives blur, Escape and the
 * re-render after the pick. In Aksel 8.15 the Combobox empties its text field after every pick and
 * calls `onClear` for that — the last test writes that assumption down, so an Aksel upgrade that
 * changes it shows here first.
 */
import { UNSAFE_Combobox } from '@navikt/ds-react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Employee } from '../../web/src/api/types.ts';
import { EmployeePicker, type PickedEmployee } from '../../web/src/modules/employees/EmployeePicker.tsx';
import { fakeApi, renderInApp, type SentRequest } from './support/render.tsx';

function employee(id: string, name: string, unitName: string): Employee {
  return {
    id,
    name,
    email: `${id}@example.no`,
    phone: null,
    birthDate: null,
    employmentStart: '2020-01-01',
    employmentEnd: null,
    positionPercent: 100,
    unitId: `unit-${unitName}`,
    unitName,
    leaderId: null,
    leaderName: null,
    version: 1,
  };
}

const KARI = employee('e-kari', 'Kari Nordmann', 'Lager');
const KARIN = employee('e-karin', 'Karin Berg', 'Kontor');
const OLA = employee('e-ola', 'Ola Hansen', 'Lager');

/** `GET /employees?search=…` as the server answers it: the employees whose name holds the text. */
function employeesApi() {
  return fakeApi({
    'GET /employees': ({ query }) => {
      const search = (query.get('search') ?? '').toLocaleLowerCase('nb');
      const items = [KARI, KARIN, OLA].filter((e) => e.name.toLocaleLowerCase('nb').includes(search));
      return { body: { items, total: items.length, page: 1, pageSize: 20 } };
    },
  });
}

/** A form that keeps the picker's value the way every form in the app does, and records each `onChange`. */
function Form({ initial, calls }: { initial: PickedEmployee; calls: PickedEmployee[] }) {
  const [value, setValue] = useState<PickedEmployee>(initial);
  return (
    <>
      <EmployeePicker
        id="leader"
        label="Nærmeste leder"
        value={value}
        onChange={(next) => {
          calls.push(next);
          setValue(next);
        }}
      />
      <button type="button">Neste felt</button>
      <output data-testid="stored">{value ? `${value.id} ${value.name}` : 'ingen'}</output>
    </>
  );
}

const picker = () => page.getByRole('combobox', { name: 'Nærmeste leder' });
const stored = () => page.getByTestId('stored');

/**
 * Types into the picker, waits until the search for that text went to the server, and until the
 * list holds exactly `expected`.
 */
async function search(api: { sent: SentRequest[] }, text: string, expected: string[]) {
  await userEvent.click(picker());
  await userEvent.keyboard(text);
  await expect
    .poll(() => api.sent.some((r) => r.path === '/employees' && r.query.get('search') === text))
    .toBe(true);
  await expect
    .poll(() =>
      page
        .getByRole('option')
        .elements()
        .map((e) => e.textContent),
    )
    .toEqual(expected);
}

describe('EmployeePicker: the callback contract', () => {
  it('picking with the mouse calls onChange once with the picked employee — never null after it', async () => {
    const api = employeesApi();
    const calls: PickedEmployee[] = [];
    await renderInApp(<Form initial={null} calls={calls} />);

    await search(api, 'Kar', ['Kari Nordmann – Lager', 'Karin Berg – Kontor']);
    await page.getByRole('option', { name: 'Kari Nordmann – Lager' }).click();

    await expect.element(stored()).toHaveTextContent('e-kari Kari Nordmann');
    // Aksel now empties the text field (and calls its onClear); the choice must stay.
    await expect.element(picker()).toHaveValue('');
    await userEvent.tab();
    await userEvent.click(picker());
    await userEvent.keyboard('{Escape}');
    await userEvent.tab();
    await expect.element(stored()).toHaveTextContent('e-kari Kari Nordmann');
    expect(calls).toEqual([{ id: 'e-kari', name: 'Kari Nordmann' }]);
  });

  it('picking with the keyboard (ArrowDown, Enter) chooses the first hit for the typed text', async () => {
    const api = employeesApi();
    const calls: PickedEmployee[] = [];
    await renderInApp(<Form initial={null} calls={calls} />);

    await search(api, 'Karin', ['Karin Berg – Kontor']);
    await userEvent.keyboard('{ArrowDown}{Enter}');

    await expect.element(stored()).toHaveTextContent('e-karin Karin Berg');
    await userEvent.keyboard('{Escape}');
    await userEvent.tab();
    await expect.element(stored()).toHaveTextContent('e-karin Karin Berg');
    expect(calls).toEqual([{ id: 'e-karin', name: 'Karin Berg' }]);
  });

  it('replacing a chosen employee calls onChange with the new one only (no null in between)', async () => {
    const api = employeesApi();
    const calls: PickedEmployee[] = [];
    await renderInApp(<Form initial={{ id: 'e-kari', name: 'Kari Nordmann' }} calls={calls} />);

    await search(api, 'Ola', ['Ola Hansen – Lager']);
    await page.getByRole('option', { name: 'Ola Hansen – Lager' }).click();

    await expect.element(stored()).toHaveTextContent('e-ola Ola Hansen');
    await userEvent.tab();
    await expect.element(stored()).toHaveTextContent('e-ola Ola Hansen');
    expect(calls).toEqual([{ id: 'e-ola', name: 'Ola Hansen' }]);
  });

  it('Backspace in the empty field removes the choice: onChange(null), once', async () => {
    employeesApi();
    const calls: PickedEmployee[] = [];
    await renderInApp(<Form initial={{ id: 'e-kari', name: 'Kari Nordmann' }} calls={calls} />);

    await userEvent.click(picker());
    await userEvent.keyboard('{Backspace}');

    await expect.element(stored()).toHaveTextContent('ingen');
    await userEvent.tab();
    expect(calls).toEqual([null]);
  });

  it('choosing the chosen employee again in the list removes the choice: onChange(null), once', async () => {
    employeesApi();
    const calls: PickedEmployee[] = [];
    await renderInApp(<Form initial={{ id: 'e-kari', name: 'Kari Nordmann' }} calls={calls} />);

    await userEvent.click(picker());
    await page.getByRole('option', { name: 'Kari Nordmann', selected: true }).click();

    await expect.element(stored()).toHaveTextContent('ingen');
    expect(calls).toEqual([null]);
  });

  it('an untouched initial value is kept: focus, Escape and blur call onChange not at all', async () => {
    const api = employeesApi();
    const calls: PickedEmployee[] = [];
    await renderInApp(<Form initial={{ id: 'e-kari', name: 'Kari Nordmann' }} calls={calls} />);

    await userEvent.click(picker());
    await userEvent.keyboard('{Escape}');
    await userEvent.tab();
    // Typing a search and leaving it is not a choice either.
    await search(api, 'Ola', ['Ola Hansen – Lager']);
    await userEvent.tab();

    // The chosen name still shows as the field's chosen value.
    await expect.element(page.getByRole('list').getByText('Kari Nordmann', { exact: true })).toBeVisible();
    await expect.element(stored()).toHaveTextContent('e-kari Kari Nordmann');
    expect(calls).toEqual([]);
  });
});

describe('Aksel 8.15 Combobox: the behaviour EmployeePicker is built on', () => {
  it('after a pick it empties the text field and calls onClear — so onClear must never mean "no choice"', async () => {
    const events: string[] = [];
    await renderInApp(
      <UNSAFE_Combobox
        id="plain"
        label="Velg"
        options={[
          { label: 'Eple', value: 'eple' },
          { label: 'Pære', value: 'paere' },
        ]}
        onChange={(text) => events.push(`onChange(${text})`)}
        onToggleSelected={(value, isSelected) => events.push(`onToggleSelected(${value}, ${isSelected})`)}
        onClear={() => events.push('onClear')}
        shouldAutocomplete={false}
      />,
    );
    const input = page.getByRole('combobox', { name: 'Velg' });
    await userEvent.click(input);
    await userEvent.keyboard('E');
    await page.getByRole('option', { name: 'Eple' }).click();

    await expect.poll(() => events).toContain('onClear');
    expect(events.indexOf('onToggleSelected(eple, true)')).toBeGreaterThan(-1);
    expect(events.indexOf('onClear')).toBeGreaterThan(events.indexOf('onToggleSelected(eple, true)'));
    await expect.element(input).toHaveValue('');
  });
});
