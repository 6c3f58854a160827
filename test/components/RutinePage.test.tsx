/**
 * The sick-leave routine editor (`RutinePage`) and the inntektsmelding task: a task dated from the
 * end of the arbeidsgiverperiode shows «Etter arbeidsgiverperioden» with what that means; a version
 * Nærvær made (migration 0055) says so; and any task can be moved to that anchor and saved.
 */
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { RoutineDto } from '../../src/contracts/sykefravaer/rutine.schemas.ts';
import { DEFAULT_ROUTINE } from '../../src/domain/sykefravaer/rutine.ts';
import { RutinePage } from '../../web/src/modules/sykefravaer/RutinePage.tsx';
import { fakeApi, renderInApp } from './support/render.tsx';

const MADE_BY_NAERVAER: RoutineDto = {
  version: 3,
  createdAt: '2026-12-05T02:00:00.000Z',
  createdBy: { userId: null, name: 'Nærvær (automatisk)' },
  tasks: DEFAULT_ROUTINE.map((t) => ({ ...t })),
};

describe('RutinePage (routine for sick-leave follow-up)', () => {
  it('offers «Etter arbeidsgiverperioden», says Nærvær made the version, and saves the anchor', async () => {
    const api = fakeApi({
      'GET /sykefravaer/rutine': () => ({ body: MADE_BY_NAERVAER }),
      'PUT /sykefravaer/rutine': ({ body }) => ({
        body: { ...MADE_BY_NAERVAER, version: 4, tasks: (body as { tasks: RoutineDto['tasks'] }).tasks },
      }),
    });
    renderInApp(
      <MemoryRouter>
        <RutinePage />
      </MemoryRouter>,
    );
    await expect.element(page.getByText(/Nærvær laget denne versjonen/)).toBeVisible();
    const index = DEFAULT_ROUTINE.findIndex((t) => t.id === 'inntektsmelding');
    const anchors = page.getByRole('combobox', { name: 'Regnes fra' });
    const im = anchors.nth(index);
    await expect.element(im).toHaveValue('agpEnd');
    await expect
      .element(im)
      .toHaveAccessibleDescription(/Arbeidsgiverperioden er de 16 første kalenderdagene/);
    await expect.element(im.getByRole('option', { name: 'Etter arbeidsgiverperioden' })).toBeInTheDocument();

    // Move the first task (contact, from the first day) to the end of the AGP, two days before.
    await userEvent.selectOptions(anchors.nth(0), 'agpEnd');
    const offset = page.getByRole('spinbutton', { name: 'Dager etter (minus: før)' }).nth(0);
    await userEvent.fill(offset, '-2');
    await userEvent.click(page.getByRole('button', { name: 'Lagre som ny versjon' }));
    await expect.element(page.getByText('Rutinen er lagret som versjon 4.')).toBeVisible();
    const puts = api.sent.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    const tasks = (puts[0]?.body as { tasks: RoutineDto['tasks'] } | undefined)?.tasks ?? [];
    expect(tasks[0]).toEqual({ ...DEFAULT_ROUTINE[0], anchor: 'agpEnd', offsetDays: -2 });
    expect(tasks[index]).toEqual(DEFAULT_ROUTINE[index]);
  });

  it('a negative offset typed key by key keeps its minus sign (typing «-» once turned it into 0)', async () => {
    const api = fakeApi({
      'GET /sykefravaer/rutine': () => ({ body: MADE_BY_NAERVAER }),
      'PUT /sykefravaer/rutine': ({ body }) => ({
        body: { ...MADE_BY_NAERVAER, version: 4, tasks: (body as { tasks: RoutineDto['tasks'] }).tasks },
      }),
    });
    renderInApp(
      <MemoryRouter>
        <RutinePage />
      </MemoryRouter>,
    );
    const offset = page.getByRole('spinbutton', { name: 'Dager etter (minus: før)' }).nth(1);
    await expect.element(offset).toBeVisible();
    await userEvent.clear(offset);
    await userEvent.type(offset, '-3');
    await expect.element(offset).toHaveValue(-3);
    await userEvent.tab();
    await expect.element(offset).toHaveValue(-3);
    await userEvent.click(page.getByRole('button', { name: 'Lagre som ny versjon' }));
    await expect.element(page.getByText('Rutinen er lagret som versjon 4.')).toBeVisible();
    const puts = api.sent.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    const tasks = (puts[0]?.body as { tasks: RoutineDto['tasks'] } | undefined)?.tasks ?? [];
    expect(tasks[1]).toEqual({ ...DEFAULT_ROUTINE[1], offsetDays: -3 });
    expect(tasks[0]).toEqual(DEFAULT_ROUTINE[0]);
  });
});
