/**
 * Innstillinger → Tilrettelegging (`/innstillinger/tilrettelegging`, admin/HR): three tabs for the
 * organisation's catalogues — measures by kind, tasks suited to reduced capacity, and the
 * beredskapsplan ved fravær per unit (unit picker; a 409 shows the server's message and keeps the text).
 * An item's form opens below the list with focus on its heading; deleting asks first, in a dialog.
 */
import {
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  Heading,
  HStack,
  Link,
  Select,
  Tabs,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { isStaleVersion } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useUnits } from '../organisation/index.ts';
import {
  type ArbeidDto,
  arbeidKey,
  beredskapKey,
  KINDS,
  katalogApi,
  type TiltakDto,
  type TiltakKind,
  tiltakKey,
  useArbeid,
  useBeredskapsplan,
  useKatalogTexts,
  useTiltak,
} from './KatalogApi.tsx';

const TABS = ['tiltak', 'arbeid', 'beredskap'] as const;
type Tab = (typeof TABS)[number];

export function KatalogPage() {
  const k = useKatalogTexts();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('fane')) ?? 'tiltak';
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <Link as={RouterLink} to="/innstillinger">
          {t.settings.title}
        </Link>
      </div>
      <PageHeading>{k.title}</PageHeading>
      <BodyShort>{k.settingsIntro}</BodyShort>
      <Tabs value={tab} onChange={(v) => setParams(v === 'tiltak' ? {} : { fane: v }, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="tiltak" label={k.tabs.tiltak} />
          <Tabs.Tab value="arbeid" label={k.tabs.arbeid} />
          <Tabs.Tab value="beredskap" label={k.tabs.beredskap} />
        </Tabs.List>
        <Tabs.Panel value="tiltak" className="tab-panel">
          <TiltakPanel />
        </Tabs.Panel>
        <Tabs.Panel value="arbeid" className="tab-panel">
          <ArbeidPanel />
        </Tabs.Panel>
        <Tabs.Panel value="beredskap" className="tab-panel">
          <BeredskapPanel />
        </Tabs.Panel>
      </Tabs>
    </VStack>
  );
}

type Item = {
  id: string;
  title: string;
  description: string;
  active: boolean;
  kind?: TiltakKind;
  unitId?: string | null;
};
type Draft = {
  id: string | null;
  title: string;
  description: string;
  active: boolean;
  kind: TiltakKind;
  unitId: string;
};

const emptyDraft = (kind: TiltakKind = 'psykososial'): Draft => ({
  id: null,
  title: '',
  description: '',
  active: true,
  kind,
  unitId: '',
});

/** The shared list + form of the two item catalogues. */
function ItemEditor({
  items,
  withKind,
  addLabel,
  onSave,
  onDelete,
}: {
  items: Item[];
  withKind: boolean;
  addLabel: string;
  onSave: (d: Draft) => Promise<unknown>;
  onDelete: (id: string) => Promise<unknown>;
}) {
  const k = useKatalogTexts();
  const units = useUnits();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<Item | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // Each opening of the form (new or another item) moves focus to its heading, below the long list.
  const [opened, setOpened] = useState(0);
  useEffect(() => {
    if (opened > 0) formHeading.current?.focus();
  }, [opened]);
  const open = (d: Draft) => {
    setDraft(d);
    setMessage(null);
    setOpened((n) => n + 1);
  };
  const close = () => {
    setDraft(null);
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      await onSave(draft);
      close();
      setMessage(k.saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (item: Item) => {
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await onDelete(item.id);
      setDeleting(null);
      if (draft?.id === item.id) setDraft(null);
      setMessage(k.deleted);
    } catch (err) {
      setDeleteError(err);
    } finally {
      setDeleteBusy(false);
    }
  };
  const groups = withKind
    ? KINDS.map((kind) => ({ kind, list: items.filter((i) => i.kind === kind) }))
    : [{ kind: null, list: items }];

  return (
    <VStack gap="space-16">
      <SuccessMessage>{message}</SuccessMessage>
      {error ? <ErrorAlert error={error} /> : null}
      {groups.map((g) => (
        <VStack
          gap="space-8"
          key={g.kind ?? 'all'}
          as="section"
          aria-label={g.kind ? k.kinds[g.kind] : undefined}
        >
          {g.kind ? (
            <Heading level="2" size="small">
              {k.kinds[g.kind]}
            </Heading>
          ) : null}
          <ul className="plan-list">
            {g.list.map((item) => (
              <li key={item.id}>
                <HStack gap="space-8" align="center" wrap>
                  <BodyShort weight="semibold">{item.title}</BodyShort>
                  {item.active ? null : (
                    <Tag size="xsmall" variant="neutral">
                      {k.inactive}
                    </Tag>
                  )}
                </HStack>
                {item.description ? <BodyShort size="small">{item.description}</BodyShort> : null}
                <HStack gap="space-8">
                  <Button
                    size="xsmall"
                    variant="tertiary"
                    aria-label={`${k.edit}: ${item.title}`}
                    onClick={() =>
                      open({
                        id: item.id,
                        title: item.title,
                        description: item.description,
                        active: item.active,
                        kind: item.kind ?? 'psykososial',
                        unitId: item.unitId ?? '',
                      })
                    }
                  >
                    {k.edit}
                  </Button>
                  <Button
                    size="xsmall"
                    variant="tertiary-neutral"
                    aria-label={`${k.delete}: ${item.title}`}
                    onClick={() => {
                      setDeleteError(null);
                      setDeleting(item);
                    }}
                  >
                    {k.delete}
                  </Button>
                </HStack>
              </li>
            ))}
          </ul>
        </VStack>
      ))}
      {draft ? (
        <form onSubmit={(e) => void submit(e)}>
          <VStack gap="space-12" maxWidth="32rem">
            <Heading level="2" size="small" ref={formHeading} tabIndex={-1}>
              {draft.id ? k.edit : addLabel}
            </Heading>
            {withKind ? (
              <Select
                label={k.kind}
                value={draft.kind}
                onChange={(e) => setDraft({ ...draft, kind: e.target.value as TiltakKind })}
              >
                {KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {k.kinds[kind]}
                  </option>
                ))}
              </Select>
            ) : (
              <Select
                label={k.unit}
                value={draft.unitId}
                onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}
              >
                <option value="">{k.allUnits}</option>
                {(units.data ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
            )}
            <TextField
              label={k.itemTitle}
              value={draft.title}
              maxLength={200}
              required
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            />
            <Textarea
              label={k.description}
              value={draft.description}
              maxLength={1000}
              onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            />
            <Checkbox
              checked={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
            >
              {k.active}
            </Checkbox>
            <HStack gap="space-8">
              <Button type="submit" loading={busy}>
                {k.save}
              </Button>
              <Button type="button" variant="secondary" onClick={close}>
                {k.cancel}
              </Button>
            </HStack>
          </VStack>
        </form>
      ) : (
        <div>
          <Button ref={addButton} variant="secondary" onClick={() => open(emptyDraft())}>
            {addLabel}
          </Button>
        </div>
      )}
      {deleting ? (
        <FormDialog
          heading={k.deleteConfirm(deleting.title)}
          formId="katalog-delete"
          confirm={k.delete}
          danger
          pending={deleteBusy}
          onClose={() => setDeleting(null)}
          onSubmit={() => void remove(deleting)}
        >
          {deleteError ? <ErrorAlert error={deleteError} /> : null}
          <BodyLong>{k.deleteBody}</BodyLong>
        </FormDialog>
      ) : null}
    </VStack>
  );
}

function TiltakPanel() {
  const k = useKatalogTexts();
  const query = useTiltak();
  const qc = useQueryClient();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const refresh = () => qc.invalidateQueries({ queryKey: tiltakKey });
  return (
    <ItemEditor
      items={query.data as TiltakDto[]}
      withKind
      addLabel={k.addTiltak}
      onSave={async (d) => {
        await katalogApi.saveTiltak(d.id, {
          kind: d.kind,
          title: d.title,
          description: d.description,
          active: d.active,
        });
        await refresh();
      }}
      onDelete={async (id) => {
        await katalogApi.deleteTiltak(id);
        await refresh();
      }}
    />
  );
}

function ArbeidPanel() {
  const k = useKatalogTexts();
  const query = useArbeid();
  const qc = useQueryClient();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const refresh = () => qc.invalidateQueries({ queryKey: arbeidKey });
  return (
    <ItemEditor
      items={query.data as ArbeidDto[]}
      withKind={false}
      addLabel={k.addArbeid}
      onSave={async (d) => {
        await katalogApi.saveArbeid(d.id, {
          title: d.title,
          description: d.description,
          unitId: d.unitId || null,
          active: d.active,
        });
        await refresh();
      }}
      onDelete={async (id) => {
        await katalogApi.deleteArbeid(id);
        await refresh();
      }}
    />
  );
}

function BeredskapPanel() {
  const k = useKatalogTexts();
  const { locale } = useI18n();
  const units = useUnits();
  const [unitId, setUnitId] = useState('');
  const plan = useBeredskapsplan(unitId);
  const qc = useQueryClient();
  const [form, setForm] = useState({ covers: '', substitutes: '', canWait: '' });
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = plan.data;

  useEffect(() => {
    if (data) setForm({ covers: data.covers, substitutes: data.substitutes, canWait: data.canWait });
  }, [data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!data) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const saved = await katalogApi.saveBeredskapsplan(unitId, { ...form, version: data.version });
      qc.setQueryData(beredskapKey(unitId), saved);
      setMessage(k.saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const conflict = isStaleVersion(error);

  return (
    <VStack gap="space-16" maxWidth="40rem">
      <Select label={k.pickUnit} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
        <option value="">—</option>
        {(units.data ?? []).map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </Select>
      {unitId && plan.isPending ? <Loading /> : null}
      {plan.isError ? <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {data ? (
        <form onSubmit={(e) => void submit(e)}>
          <VStack gap="space-12">
            <BodyShort size="small" textColor="subtle">
              {data.updatedBy && data.updatedAt
                ? k.updatedBy(data.updatedBy.name, dateTime(data.updatedAt, locale))
                : k.notSaved}
            </BodyShort>
            <Textarea
              label={k.covers}
              value={form.covers}
              maxLength={2000}
              onChange={(e) => setForm({ ...form, covers: e.target.value })}
            />
            <Textarea
              label={k.substitutes}
              value={form.substitutes}
              maxLength={2000}
              onChange={(e) => setForm({ ...form, substitutes: e.target.value })}
            />
            <Textarea
              label={k.canWait}
              value={form.canWait}
              maxLength={2000}
              onChange={(e) => setForm({ ...form, canWait: e.target.value })}
            />
            {error ? <ErrorAlert error={error} /> : null}
            <SuccessMessage>{message}</SuccessMessage>
            <HStack gap="space-8">
              <Button type="submit" loading={busy}>
                {k.save}
              </Button>
              {conflict ? (
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => {
                    setError(null);
                    void plan.refetch();
                  }}
                >
                  {k.reload}
                </Button>
              ) : null}
            </HStack>
          </VStack>
        </form>
      ) : null}
    </VStack>
  );
}
