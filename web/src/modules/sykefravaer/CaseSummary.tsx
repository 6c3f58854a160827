/**
 * The current case at a glance: first day, sick days, grade now, the end of the arbeidsgiverperiode
 * (computed or confirmed, with "Bekreft/endre"), the maksdato ("foreløpig" while the sickness is
 * assumed to go on) and the special dismissal protection.
 */
import {
  BodyLong,
  BodyShort,
  Box,
  Button,
  Detail,
  Heading,
  HGrid,
  Label,
  Modal,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { fieldId } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import type { useCaseWrites } from './api.ts';
import { useWriteFeedback } from './parts.tsx';
import type { CaseSummary as Summary } from './types.ts';

type Writes = ReturnType<typeof useCaseWrites>;

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Label as="dt" size="small">
        {label}
      </Label>
      <BodyShort as="dd">{children}</BodyShort>
    </div>
  );
}

function AgpDialog({
  current,
  version,
  writes,
  onClose,
  onReload,
  onSaved,
}: {
  current: Summary;
  version: number;
  writes: Writes;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  const [end, setEnd] = useState(current.agpEnd ?? '');
  const [error, setError] = useState<string | undefined>();
  const { feedback, clear } = useWriteFeedback(writes.setAgp, onReload);
  const save = (value: string | null) => {
    clear();
    writes.setAgp.mutate(
      { caseStart: current.start, end: value, version },
      {
        onSuccess: () => {
          onSaved(ts.agpSaved);
          onClose();
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (end === '' || end === INVALID_DATE) {
      setError(t.validation.dateInvalid);
      return;
    }
    save(end);
  };
  return (
    <Modal open onClose={onClose} header={{ heading: ts.agpHeading }} width="medium">
      <Modal.Body>
        <form id="sf-agp-form" onSubmit={submit} noValidate>
          <VStack gap="space-16">
            {feedback}
            <BodyLong>{current.agpEnd ? ts.agpBody(formatDate(current.agpEnd)) : ts.agpBodyNone}</BodyLong>
            <DateField
              id={fieldId('agpEnd')}
              label={ts.agpField}
              value={end}
              onChange={(v) => {
                setEnd(v);
                setError(undefined);
              }}
              error={error}
              required
            />
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form="sf-agp-form" loading={writes.setAgp.isPending}>
          {ts.agpConfirm}
        </Button>
        {current.agpConfirmed ? (
          <Button type="button" variant="secondary" onClick={() => save(null)}>
            {ts.agpReset}
          </Button>
        ) : null}
        <Button type="button" variant="tertiary" onClick={onClose}>
          {t.common.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}

type Props = {
  current: Summary | null;
  version: number;
  writes: Writes;
  canEdit: boolean;
  onReload: () => Promise<unknown>;
  onSaved: (message: string) => void;
};

export function CaseSummary({ current, version, writes, canEdit, onReload, onSaved }: Props) {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  const [agpOpen, setAgpOpen] = useState(false);
  return (
    <Box
      as="section"
      aria-labelledby="sf-summary-heading"
      background="neutral-soft"
      padding="space-20"
      borderRadius="8"
    >
      <Heading level="2" size="medium" id="sf-summary-heading" spacing>
        {current && !current.ongoing ? ts.summaryEnded : ts.summaryHeading}
      </Heading>
      {current ? (
        <HGrid as="dl" columns={{ xs: 2, lg: 3 }} gap="space-16" className="sf-summary">
          <Item label={ts.caseStart}>{formatDate(current.start)}</Item>
          {/* «Sykedager hittil»: up to and including today, the same number and name as in the list. */}
          <Item label={ts.sickDays}>{ts.sickDaysValue(current.sickDaysSoFar)}</Item>
          {current.ongoing ? <Item label={ts.registeredUntil}>{formatDate(current.end)}</Item> : null}
          {current.grade !== null ? <Item label={ts.gradeNow}>{t.common.percent(current.grade)}</Item> : null}
          {!current.ongoing ? <Item label={ts.caseEnd}>{formatDate(current.end)}</Item> : null}
          <div>
            <Label as="dt" size="small">
              {ts.agpEnd}
            </Label>
            <dd>
              <VStack gap="space-4" align="start">
                <BodyShort>
                  {current.agpEnd ? formatDate(current.agpEnd) : ts.agpNone}{' '}
                  <Detail as="span">({current.agpConfirmed ? ts.agpConfirmed : ts.agpComputed})</Detail>
                </BodyShort>
                {canEdit ? (
                  <Button
                    type="button"
                    size="xsmall"
                    variant="secondary"
                    onClick={() => {
                      writes.setAgp.reset();
                      setAgpOpen(true);
                    }}
                  >
                    {ts.agpAction}
                  </Button>
                ) : null}
              </VStack>
            </dd>
          </div>
          <Item label={ts.maksdato}>
            {current.maksdato ? (
              <>
                {formatDate(current.maksdato)}
                {current.maksdatoForelopig ? (
                  <>
                    {' '}
                    <Detail as="span" title={ts.maksdatoProvisionalText}>
                      ({ts.maksdatoProvisional})
                    </Detail>
                  </>
                ) : null}
              </>
            ) : (
              ts.maksdatoNone
            )}
          </Item>
          {current.oppsigelsesvernTil ? (
            <Item label={ts.protection}>{formatDate(current.oppsigelsesvernTil)}</Item>
          ) : null}
        </HGrid>
      ) : (
        <BodyShort>{ts.noCase}</BodyShort>
      )}
      {agpOpen && current ? (
        <AgpDialog
          current={current}
          version={version}
          writes={writes}
          onClose={() => setAgpOpen(false)}
          onReload={onReload}
          onSaved={onSaved}
        />
      ) : null}
    </Box>
  );
}
