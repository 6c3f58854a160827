/** Verneområder: each is a named set of units that one verneombud covers. */
import { PlusIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyLong,
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  Modal,
  Table,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Verneomrade } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { fieldId, useFormErrors } from '../../ui/form.ts';
import { areasKey, flattenTree, type UnitNode, unitTree, useAreas, useUnits } from './api.ts';

const KEYS = ['name', 'unitIds'] as const;

function AreaDialog({
  area,
  nodes,
  onClose,
  onDone,
}: {
  area: Verneomrade | null;
  nodes: UnitNode[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState(area?.name ?? '');
  const [unitIds, setUnitIds] = useState<string[]>(area?.unitIds ?? []);
  const errors = useFormErrors(KEYS);
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), unitIds };
      return area
        ? api.put<Verneomrade>(`/verneomrader/${area.id}`, body)
        : api.post<Verneomrade>('/verneomrader', body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: areasKey });
      onDone(t.organisation.areaSaved(saved.name));
    },
    onError: (error) => errors.setApiError(error),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      errors.setFieldErrors({ name: t.organisation.areaNameRequired });
      return;
    }
    save.mutate();
  };
  const formId = 'area-dialog-form';
  return (
    <Modal
      open
      onClose={onClose}
      header={{ heading: area ? t.organisation.editAreaLabel(area.name) : t.organisation.newArea }}
      width="medium"
    >
      <Modal.Body>
        <form id={formId} onSubmit={submit} noValidate>
          <VStack gap="space-16">
            {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
            <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
            <TextField
              id={fieldId('name')}
              label={t.organisation.areaName}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                errors.clearField('name');
              }}
              error={errors.fields.name}
            />
            <CheckboxGroup
              id={fieldId('unitIds')}
              legend={t.organisation.areaUnits}
              description={t.organisation.areaUnitsDescription}
              value={unitIds}
              onChange={(v: string[]) => setUnitIds(v)}
              error={errors.fields.unitIds}
            >
              {flattenTree(nodes).map((n) => (
                <Checkbox key={n.id} value={n.id} style={{ marginInlineStart: `${n.depth * 1.5}rem` }}>
                  {n.name}
                </Checkbox>
              ))}
            </CheckboxGroup>
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={save.isPending}>
          {t.organisation.areaSave}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t.common.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}

export function AreasPanel({ canEdit }: { canEdit: boolean }) {
  const { t, locale } = useI18n();
  const areas = useAreas();
  const units = useUnits();
  const nodes = useMemo(() => unitTree(units.data ?? [], locale), [units.data, locale]);
  const names = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const [dialog, setDialog] = useState<{ area: Verneomrade | null } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <VStack gap="space-24">
      <div>
        <Heading level="2" size="medium" spacing>
          {t.organisation.areasHeading}
        </Heading>
        <BodyLong>{t.organisation.areasIntro}</BodyLong>
      </div>
      <SuccessMessage>{message}</SuccessMessage>
      {areas.isPending ? <Loading /> : null}
      {areas.isError ? <ErrorAlert error={areas.error} onRetry={() => void areas.refetch()} /> : null}
      {areas.data && areas.data.length === 0 ? (
        <Alert variant="info">{t.organisation.areasEmpty}</Alert>
      ) : null}
      {areas.data && areas.data.length > 0 ? (
        <div className="table-scroll">
          <Table>
            <caption className="sr-only">{t.organisation.areasHeading}</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.organisation.areaColName}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.organisation.areaColUnits}</Table.HeaderCell>
                {canEdit ? (
                  <Table.HeaderCell scope="col">
                    <span className="sr-only">{t.organisation.editArea}</span>
                  </Table.HeaderCell>
                ) : null}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {areas.data.map((area) => (
                <Table.Row key={area.id}>
                  <Table.HeaderCell scope="row">{area.name}</Table.HeaderCell>
                  <Table.DataCell>
                    {area.unitIds.length === 0
                      ? t.organisation.areaNoUnits
                      : area.unitIds
                          .map((id) => names.get(id) ?? '')
                          .filter(Boolean)
                          .join(', ')}
                  </Table.DataCell>
                  {canEdit ? (
                    <Table.DataCell>
                      <Button
                        size="small"
                        variant="tertiary"
                        aria-label={t.organisation.editAreaLabel(area.name)}
                        onClick={() => {
                          setMessage(null);
                          setDialog({ area });
                        }}
                      >
                        {t.organisation.editArea}
                      </Button>
                    </Table.DataCell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {canEdit ? (
        <div>
          <Button
            variant="secondary"
            icon={<PlusIcon aria-hidden />}
            onClick={() => {
              setMessage(null);
              setDialog({ area: null });
            }}
          >
            {t.organisation.newArea}
          </Button>
        </div>
      ) : null}
      {dialog ? (
        <AreaDialog
          key={dialog.area?.id ?? 'new'}
          area={dialog.area}
          nodes={nodes}
          onClose={() => setDialog(null)}
          onDone={(m) => {
            setDialog(null);
            setMessage(m);
          }}
        />
      ) : null}
    </VStack>
  );
}
