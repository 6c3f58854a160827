/**
 * The bow-tie of a risk («sløyfemodellen»): causes → preventive barriers → the undesired event (the
 * risk) → mitigating barriers → consequences. Drawn top to bottom as an SVG so it stays readable on
 * a phone, with the same content as a text version beside it (the SVG is described by it); a
 * weakened barrier («svekket») is dashed and says so in words. Editors add and remove elements.
 */
import { BodyShort, Button, Detail, Heading, Select, TextField, VStack } from '@navikt/ds-react';
import { useId, useState } from 'react';
import {
  BOWTIE_KIND_TEXT,
  BOWTIE_KINDS,
  type BowtieKind,
  isBarrier,
} from '../../../../src/domain/risiko/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import type { Risk } from './api.ts';
import { GeneralError } from './parts.tsx';

type Item = Risk['bowtie'][number];

const W = 320;
const LINE = 16;
const HEAD = 20;
const GAP = 18;
const clip = (s: string, n = 42) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function BowTie({
  risk,
  canEdit,
  onAdd,
  onRemove,
}: {
  risk: Risk;
  canEdit: boolean;
  onAdd: () => void;
  onRemove: (item: Item) => void;
}) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  const titleId = useId();
  const textId = useId();
  const rows: { key: BowtieKind | 'event'; label: string; items: { text: string; weak: boolean }[] }[] = [
    ...(['arsak', 'forebyggende'] as const).map((k) => ({
      key: k,
      label: tr.bowtieRows[k],
      items: risk.bowtie
        .filter((b) => b.kind === k)
        .map((b) => ({ text: b.text, weak: b.status === 'svekket' })),
    })),
    { key: 'event' as const, label: tr.bowtieRows.event, items: [{ text: risk.title, weak: false }] },
    ...(['begrensende', 'konsekvens'] as const).map((k) => ({
      key: k,
      label: tr.bowtieRows[k],
      items: risk.bowtie
        .filter((b) => b.kind === k)
        .map((b) => ({ text: b.text, weak: b.status === 'svekket' })),
    })),
  ];
  let y = 0;
  const laid = rows.map((row) => {
    const lines = Math.max(row.items.length, 1);
    const height = HEAD + lines * LINE + 8;
    const top = y;
    y += height + GAP;
    return { ...row, top, height };
  });
  const total = y - GAP;
  const tiltakText = (id: string | null) => risk.tiltak.find((x) => x.id === id)?.text ?? null;

  return (
    <VStack gap="space-8">
      <Heading level="4" size="xsmall">
        {tr.bowtieHeading}
      </Heading>
      {risk.bowtie.length > 0 ? (
        <svg
          className="rk-bowtie"
          viewBox={`0 0 ${W} ${total}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={textId}
        >
          <title id={titleId}>{tr.bowtieSvgTitle(risk.title)}</title>
          {laid.map((row, i) => (
            <g key={row.key} data-row={row.key}>
              <rect
                x={row.key === 'event' ? 40 : 4}
                y={row.top}
                width={row.key === 'event' ? W - 80 : W - 8}
                height={row.height}
                rx={row.key === 'event' ? 16 : 6}
                className={`rk-bowtie-box rk-bowtie-${row.key}`}
              />
              <text x={W / 2} y={row.top + 14} textAnchor="middle" className="rk-bowtie-label">
                {row.label}
              </text>
              {row.items.length === 0 ? (
                <text x={W / 2} y={row.top + HEAD + 12} textAnchor="middle" className="rk-bowtie-text">
                  {tr.bowtieNone}
                </text>
              ) : (
                row.items.map((item, j) => (
                  <text
                    key={`${row.key}-${item.text}-${j.toString()}`}
                    x={W / 2}
                    y={row.top + HEAD + 12 + j * LINE}
                    textAnchor="middle"
                    className={item.weak ? 'rk-bowtie-text rk-bowtie-weak' : 'rk-bowtie-text'}
                  >
                    {clip(item.weak ? `${item.text} (${tr.weakened})` : item.text)}
                  </text>
                ))
              )}
              {i < laid.length - 1 ? (
                <path
                  d={`M ${W / 2} ${row.top + row.height + 2} l 0 ${GAP - 8} l -5 -5 m 5 5 l 5 -5`}
                  className="rk-bowtie-arrow"
                />
              ) : null}
            </g>
          ))}
        </svg>
      ) : (
        <BodyShort size="small">{tr.bowtieEmpty}</BodyShort>
      )}
      <div id={textId}>
        <dl className="rk-meta">
          {laid.map((row) => (
            <div key={row.key}>
              <dt>{row.label}</dt>
              <dd>
                {row.key === 'event' ? (
                  risk.title
                ) : risk.bowtie.filter((b) => b.kind === row.key).length === 0 ? (
                  tr.bowtieNone
                ) : (
                  <ul className="rk-list">
                    {risk.bowtie
                      .filter((b) => b.kind === row.key)
                      .map((b) => (
                        <li key={b.id} data-bowtie={b.id} data-status={b.status}>
                          <span className="rk-text">{b.text}</span>
                          {b.status === 'svekket' && b.weakened ? (
                            <Detail>{tr.weakenedOn(formatDate(b.weakened.on), b.weakened.reason)}</Detail>
                          ) : null}
                          {tiltakText(b.tiltakId) ? (
                            <Detail>{tr.barrierTiltak(tiltakText(b.tiltakId) ?? '')}</Detail>
                          ) : null}
                          {canEdit ? (
                            <Button
                              type="button"
                              size="xsmall"
                              variant="tertiary"
                              onClick={() => onRemove(b)}
                              aria-label={tr.bowtieRemoveFor(BOWTIE_KIND_TEXT[b.kind][locale], b.text)}
                            >
                              {tr.bowtieRemove}
                            </Button>
                          ) : null}
                        </li>
                      ))}
                  </ul>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      {canEdit ? (
        <div>
          <Button
            type="button"
            size="small"
            variant="secondary"
            onClick={onAdd}
            aria-label={tr.bowtieAddFor(risk.title)}
          >
            {tr.bowtieAdd}
          </Button>
        </div>
      ) : null}
    </VStack>
  );
}

const KEYS = ['kind', 'text', 'tiltakId'] as const;

export function BowTieDialog({
  risk,
  write,
  onClose,
  onSubmit,
}: {
  risk: Risk;
  write: { isPending: boolean };
  onClose: () => void;
  onSubmit: (body: { kind: BowtieKind; text: string; tiltakId: string | null }) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  const [form, setForm] = useState<{ kind: BowtieKind; text: string; tiltakId: string }>({
    kind: 'arsak',
    text: '',
    tiltakId: '',
  });
  const errors = useFormErrors(KEYS);
  const submit = () => {
    const fields: FieldErrors = {};
    if (!form.text.trim()) fields.text = tr.bowtieTextRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit({
      kind: form.kind,
      text: form.text.trim(),
      tiltakId: isBarrier(form.kind) && form.tiltakId ? form.tiltakId : null,
    }).catch((error: unknown) => errors.setApiError(error));
  };
  return (
    <FormDialog
      heading={tr.bowtieDialogHeading}
      formId="rk-bowtie-form"
      confirm={tr.bowtieSave}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={async () => undefined} />
      <BodyShort weight="semibold">{risk.title}</BodyShort>
      <Select
        id={fieldId('kind')}
        label={tr.bowtieKind}
        value={form.kind}
        onChange={(e) => setForm((f) => ({ ...f, kind: e.target.value as BowtieKind }))}
        error={errors.fields.kind}
      >
        {BOWTIE_KINDS.map((k) => (
          <option key={k} value={k}>
            {BOWTIE_KIND_TEXT[k][locale]}
          </option>
        ))}
      </Select>
      <TextField
        id={fieldId('text')}
        label={tr.bowtieText}
        value={form.text}
        maxLength={300}
        onChange={(e) => {
          setForm((f) => ({ ...f, text: e.target.value }));
          errors.clearField('text');
        }}
        error={errors.fields.text}
      />
      {isBarrier(form.kind) ? (
        <Select
          id={fieldId('tiltakId')}
          label={tr.bowtieTiltak}
          value={form.tiltakId}
          onChange={(e) => setForm((f) => ({ ...f, tiltakId: e.target.value }))}
          error={errors.fields.tiltakId}
        >
          <option value="">{tr.bowtieNoTiltak}</option>
          {risk.tiltak.map((x) => (
            <option key={x.id} value={x.id}>
              {x.text}
            </option>
          ))}
        </Select>
      ) : null}
    </FormDialog>
  );
}
