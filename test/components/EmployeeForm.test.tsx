/**
 * The shared pieces in the form that shipped the picker bug: what `EmployeeForm` hands to its
 * `onSubmit` after the user drives the date field and the person picker, the product's horizon for
 * «Ansatt fra» (at most 12 months ahead, the same pure rule the server's schema applies), and the
 * 409 `STALE_VERSION` answer shown with the page's «hent den nyeste versjonen».
 */
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { latestAllowedDate } from '../../src/domain/calendar/index.ts';
import { ApiError } from '../../web/src/api/client.ts';
import type { Employee, EmployeeInput } from '../../web/src/api/types.ts';
import { EmployeeForm } from '../../web/src/modules/employees/EmployeeForm.tsx';
import { addDays, todayIso } from '../../web/src/ui/dates.ts';
import { formatDate } from '../../web/src/ui/format.ts';
import { fakeApi, renderInApp } from './support/render.tsx';

const LAGER = { id: 'unit-lager', parentId: null, name: 'Lager', employeeCount: 2 };
const KARI: Employee = {
  id: 'e-kari',
  name: 'Kari Nordmann',
  email: null,
  phone: null,
  birthDate: null,
  employmentStart: '2019-05-01',
  employmentEnd: null,
  positionPercent: 100,
  unitId: LAGER.id,
  unitName: 'Lager',
  leaderId: null,
  leaderName: null,
  version: 7,
};
const PER: Employee = {
  ...KARI,
  id: 'e-per',
  name: 'Per Post',
  leaderId: 'e-kari',
  leaderName: 'Kari Nordmann',
};

function serverApi() {
  return fakeApi({
    'GET /units': () => ({ body: { items: [LAGER] } }),
    'GET /employees': ({ query }) => {
      const search = (query.get('search') ?? '').toLocaleLowerCase('nb');
      const items = [KARI, PER].filter((e) => e.name.toLocaleLowerCase('nb').includes(search));
      return { body: { items, total: items.length, page: 1, pageSize: 20 } };
    },
  });
}

type Submitted = { input: EmployeeInput; onError: (error: unknown) => void }[];

function renderForm(submitted: Submitted, employee?: Employee) {
  return renderInApp(
    <EmployeeForm
      {...(employee ? { employee } : {})}
      submitLabel="Lagre"
      pending={false}
      onSubmit={(input, handlers) => submitted.push({ input, onError: handlers.onError })}
      renderConflict={() => <button type="button">Hent den nyeste versjonen</button>}
    />,
  );
}

const start = () => page.getByRole('textbox', { name: 'Ansatt fra' });
const save = () => page.getByRole('button', { name: 'Lagre' });

async function fillNewEmployee(startText: string) {
  await userEvent.type(page.getByRole('textbox', { name: 'Fullt navn' }), 'Ola Hansen');
  await expect.element(page.getByRole('option', { name: 'Lager' })).toBeInTheDocument();
  await userEvent.selectOptions(page.getByRole('combobox', { name: 'Enhet' }), 'Lager');
  await userEvent.type(start(), startText);
  await userEvent.tab();
}

describe('EmployeeForm: the date field and the picker as the form sends them', () => {
  it('«Ansatt fra» one day past the 12-month horizon is refused at the field; the last allowed day is sent', async () => {
    serverApi();
    const submitted: Submitted = [];
    await renderForm(submitted);
    const latest = latestAllowedDate('employmentStart', todayIso());

    await fillNewEmployee(formatDate(addDays(latest, 1)));
    await save().click();

    const message = `Datoen kan ikke være mer enn ett år fram i tid (senest ${formatDate(latest)}).`;
    await expect.element(page.getByText(message).first()).toBeVisible();
    await expect.element(start()).toHaveAttribute('aria-invalid', 'true');
    expect(submitted).toEqual([]);

    await userEvent.clear(start());
    await userEvent.type(start(), formatDate(latest));
    await userEvent.tab();
    await save().click();

    await expect.poll(() => submitted.length).toBe(1);
    expect(submitted[0]?.input).toMatchObject({
      name: 'Ola Hansen',
      unitId: LAGER.id,
      employmentStart: latest,
    });
  });

  it('31.02 in «Ansatt fra» is reported at the field as a date that does not exist, and nothing is sent', async () => {
    serverApi();
    const submitted: Submitted = [];
    await renderForm(submitted);

    await fillNewEmployee('31.02.2026');
    await save().click();

    await expect.element(page.getByText(/Datoen finnes ikke eller er skrevet feil/).first()).toBeVisible();
    expect(submitted).toEqual([]);
  });

  it('a leader picked in the form is the leaderId sent (the bug that shipped sent null)', async () => {
    const server = serverApi();
    const submitted: Submitted = [];
    await renderForm(submitted);

    await fillNewEmployee('02.03.2026');
    await userEvent.click(page.getByRole('combobox', { name: 'Nærmeste leder (valgfritt)' }));
    await userEvent.keyboard('Kari');
    await expect
      .poll(() => server.sent.some((r) => r.path === '/employees' && r.query.get('search') === 'Kari'))
      .toBe(true);
    await page.getByRole('option', { name: 'Kari Nordmann – Lager' }).click();
    await userEvent.tab();
    await save().click();

    await expect.poll(() => submitted.length).toBe(1);
    expect(submitted[0]?.input).toMatchObject({ employmentStart: '2026-03-02', leaderId: 'e-kari' });
  });

  it('changing another field keeps the leader the employee already has', async () => {
    serverApi();
    const submitted: Submitted = [];
    await renderForm(submitted, PER);

    await userEvent.fill(page.getByRole('textbox', { name: 'Stillingsprosent' }), '80');
    await save().click();

    await expect.poll(() => submitted.length).toBe(1);
    expect(submitted[0]?.input).toMatchObject({
      positionPercent: 80,
      leaderId: 'e-kari',
      employmentStart: '2019-05-01',
    });
  });

  it("409 STALE_VERSION: the server message and the page's «Hent den nyeste versjonen» show above the form", async () => {
    serverApi();
    const submitted: Submitted = [];
    await renderForm(submitted, PER);

    await save().click();
    await expect.poll(() => submitted.length).toBe(1);
    submitted[0]?.onError(
      new ApiError(
        409,
        'CONFLICT',
        'Noen andre har endret dette i mellomtiden.',
        [],
        undefined,
        'STALE_VERSION',
      ),
    );

    const alert = page.getByRole('alert').filter({ hasText: 'Noen andre har endret dette i mellomtiden.' });
    await expect.element(alert).toBeVisible();
    await expect.element(alert.getByRole('button', { name: 'Hent den nyeste versjonen' })).toBeVisible();
  });
});
