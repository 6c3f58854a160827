/** Units as a tree: create, add a sub-unit, rename, move and delete (only when empty). */
import { PencilIcon, PlusIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Detail,
  Heading,
  HStack,
  Modal,
  Select,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { employeesKey, unitsKey } from '../../api/query-keys.ts';
import type { Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { fieldId, useFormErrors } from '../../ui/form.ts';
import { descendantIds, flattenTree, type UnitNode, unitTree, useUnits } from './api.ts';

const KEYS = ['name', 'parentId'] as const;

function ParentSelect({
  id,
  nodes,
  value,
  onChange,
  exclude,
  error,
}: {
  id: string;
  nodes: UnitNode[];
  value: string;
  onChange: (value: string) => void;
  exclude?: readonly string[];
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Select
      id={id}
      label={t.organisation.parent}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    >
      <option value="">{t.organisation.topLevel}</option>
      {flattenTree(nodes)
        .filter((n) => !exclude?.includes(n.id))
        .map((n) => (
          <option key={n.id} value={n.id}>
            {`${'\u00a0\u00a0\u00a0'.repeat(n.depth)}${n.name}`}
          </option>
        ))}
    </Select>
  );
}

type UnitForm = { name: string; parentId: string };

function useSaveUnit(onDone: (unit: Unit, created: boolean) => void, onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, form }: { id: string | null; form: UnitForm }) => {
      const body = { name: form.name.trim(), parentId: form.parentId || null };
      return id ? api.put<Unit>(`/units/${id}`, body) : api.post<Unit>('/units', body);
    },
    onSuccess: async (unit, { id }) => {
      await queryClient.invalidateQueries({ queryKey: unitsKey });
      if (id) await queryClient.invalidateQueries({ queryKey: employeesKey });
      onDone(unit, id === null);
    },
    onError,
  });
}

function NewUnitForm({ nodes, onCreated }: { nodes: UnitNode[]; onCreated: (message: string) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<UnitForm>({ name: '', parentId: '' });
  const errors = useFormErrors(KEYS);
  const save = useSaveUnit(
    (unit) => {
      setForm({ name: '', parentId: form.parentId });
      errors.clear();
      onCreated(t.organisation.unitCreated(unit.name));
    },
    (error) => errors.setApiError(error),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.name.trim()) {
      errors.setFieldErrors({ name: t.organisation.unitNameRequired });
      return;
    }
    save.mutate({ id: null, form });
  };
  return (
    <Box
      as="section"
      aria-labelledby="new-unit-heading"
      background="neutral-soft"
      padding="space-20"
      borderRadius="8"
    >
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16">
          <Heading level="3" size="small" id="new-unit-heading">
            {t.organisation.newUnitHeading}
          </Heading>
          {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
          <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
          <HStack gap="space-16" align="end" wrap>
            <Box flexGrow="1" minWidth="14rem">
              <TextField
                id={fieldId('name')}
                label={t.organisation.unitName}
                value={form.name}
                onChange={(e) => {
                  setForm((f) => ({ ...f, name: e.target.value }));
                  errors.clearField('name');
                }}
                error={errors.fields.name}
              />
            </Box>
            <Box flexGrow="1" minWidth="14rem">
              <ParentSelect
                id={fieldId('parentId')}
                nodes={nodes}
                value={form.parentId}
                onChange={(parentId) => setForm((f) => ({ ...f, parentId }))}
                error={errors.fields.parentId}
              />
            </Box>
          </HStack>
          <div>
            <Button type="submit" icon={<PlusIcon aria-hidden />} loading={save.isPending}>
              {t.organisation.createUnit}
            </Button>
          </div>
        </VStack>
      </form>
    </Box>
  );
}

type DialogState = { mode: 'edit'; node: UnitNode } | { mode: 'child'; node: UnitNode } | null;

function UnitDialog({
  state,
  nodes,
  onClose,
  onDone,
}: {
  state: NonNullable<DialogState>;
  nodes: UnitNode[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const editing = state.mode === 'edit';
  const [form, setForm] = useState<UnitForm>(
    editing
      ? { name: state.node.name, parentId: state.node.parentId ?? '' }
      : { name: '', parentId: state.node.id },
  );
  const errors = useFormErrors(KEYS);
  const save = useSaveUnit(
    (unit, created) => onDone(created ? t.organisation.unitCreated(unit.name) : t.organisation.unitSaved),
    (error) => errors.setApiError(error),
  );
  const remove = useMutation({
    mutationFn: () => api.del(`/units/${state.node.id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: unitsKey });
      onDone(t.organisation.unitDeleted(state.node.name));
    },
    onError: (error) => errors.setApiError(error),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.name.trim()) {
      errors.setFieldErrors({ name: t.organisation.unitNameRequired });
      return;
    }
    save.mutate({ id: editing ? state.node.id : null, form });
  };
  const heading = editing
    ? t.organisation.editUnitHeading(state.node.name)
    : t.organisation.newChildHeading(state.node.name);
  const canDelete = editing && state.node.children.length === 0 && state.node.employeeCount === 0;
  const formId = 'unit-dialog-form';
  return (
    <Modal open onClose={onClose} header={{ heading }} width="medium">
      <Modal.Body>
        <form id={formId} onSubmit={submit} noValidate>
          <VStack gap="space-16">
            {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
            <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
            <TextField
              id={`dialog-${fieldId('name')}`}
              label={t.organisation.unitName}
              value={form.name}
              onChange={(e) => {
                setForm((f) => ({ ...f, name: e.target.value }));
                errors.clearField('name');
              }}
              error={errors.fields.name}
            />
            <ParentSelect
              id={`dialog-${fieldId('parentId')}`}
              nodes={nodes}
              value={form.parentId}
              onChange={(parentId) => setForm((f) => ({ ...f, parentId }))}
              exclude={editing ? descendantIds(state.node) : []}
              error={errors.fields.parentId}
            />
            {editing && !canDelete ? <Detail>{t.organisation.deleteUnitHint}</Detail> : null}
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={save.isPending}>
          {editing ? t.common.save : t.organisation.createUnit}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t.common.cancel}
        </Button>
        {canDelete ? (
          <Button type="button" variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t.organisation.deleteUnit}
          </Button>
        ) : null}
      </Modal.Footer>
    </Modal>
  );
}

function Tree({ nodes, onAction }: { nodes: UnitNode[]; onAction: (state: DialogState) => void }) {
  const { t } = useI18n();
  return (
    <ul className="unit-tree">
      {nodes.map((node) => (
        <li key={node.id}>
          <div className="unit-row">
            <div className="unit-name">
              <BodyShort weight="semibold">{node.name}</BodyShort>
              <Detail textColor="subtle">{t.organisation.unitEmployees(node.employeeCount)}</Detail>
            </div>
            <HStack gap="space-8" wrap>
              <Button
                size="small"
                variant="tertiary"
                icon={<PlusIcon aria-hidden />}
                aria-label={t.organisation.addChildLabel(node.name)}
                onClick={() => onAction({ mode: 'child', node })}
              >
                {t.organisation.addChild}
              </Button>
              <Button
                size="small"
                variant="tertiary"
                icon={<PencilIcon aria-hidden />}
                aria-label={t.organisation.editUnitLabel(node.name)}
                onClick={() => onAction({ mode: 'edit', node })}
              >
                {t.organisation.editUnit}
              </Button>
            </HStack>
          </div>
          {node.children.length > 0 ? <Tree nodes={node.children} onAction={onAction} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function UnitsPanel() {
  const { t, locale } = useI18n();
  const units = useUnits();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [message, setMessage] = useState<string | null>(null);
  const nodes = useMemo(() => unitTree(units.data ?? [], locale), [units.data, locale]);

  return (
    <VStack gap="space-24">
      <div>
        <Heading level="2" size="medium" spacing>
          {t.organisation.unitsHeading}
        </Heading>
        <BodyLong>{t.organisation.unitsIntro}</BodyLong>
      </div>
      <SuccessMessage>{message}</SuccessMessage>
      {units.isPending ? <Loading /> : null}
      {units.isError ? <ErrorAlert error={units.error} onRetry={() => void units.refetch()} /> : null}
      {units.data && nodes.length === 0 ? <Alert variant="info">{t.organisation.unitsEmpty}</Alert> : null}
      {nodes.length > 0 ? (
        <div className="unit-tree-wrap">
          <Tree
            nodes={nodes}
            onAction={(state) => {
              setMessage(null);
              setDialog(state);
            }}
          />
        </div>
      ) : null}
      {units.data ? <NewUnitForm nodes={nodes} onCreated={setMessage} /> : null}
      {dialog ? (
        <UnitDialog
          key={`${dialog.mode}-${dialog.node.id}`}
          state={dialog}
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
