/**
 * The letter to the doctor (`/sykefravaer/:employeeId/legebrev`, leader/HR/admin): choose adapted work
 * and measures from the organisation's catalogue (checkboxes grouped by kind), write the usual tasks
 * and extra text (health-word hint), preview the server-composed text, save, download the PDF, and
 * see the earlier letters.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Checkbox,
  CheckboxGroup,
  Fieldset,
  Heading,
  HStack,
  Link,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import {
  KINDS,
  katalogApi,
  type LetterInput,
  type LetterText,
  legebrevKey,
  legebrevPdfUrl,
  useKatalogTexts,
  useLegebrevDraft,
} from './KatalogApi.tsx';
import './dokumenter.css';

export function LegebrevPage() {
  const k = useKatalogTexts();
  const { locale } = useI18n();
  const session = useSession();
  const { employeeId = '' } = useParams();
  const query = useLegebrevDraft(employeeId);
  const qc = useQueryClient();
  const [form, setForm] = useState<LetterInput>({
    selectedTiltakIds: [],
    selectedArbeidIds: [],
    usualTasks: '',
    extraText: '',
    contact: { name: '', phone: '', email: '' },
  });
  const [preview, setPreview] = useState<{ letter: LetterText; healthWords: string[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const data = query.data;
  const contactLoaded = data?.contact;

  useEffect(() => {
    if (contactLoaded) setForm((f) => (f.contact.name ? f : { ...f, contact: contactLoaded }));
  }, [contactLoaded]);

  const run = async (what: 'preview' | 'save') => {
    setBusy(what);
    setError(null);
    setMessage(null);
    try {
      if (what === 'preview') {
        setPreview(await katalogApi.previewLetter(employeeId, form));
      } else {
        const saved = await katalogApi.saveLetter(employeeId, form);
        setPreview({ letter: saved.letter, healthWords: [] });
        await qc.invalidateQueries({ queryKey: legebrevKey(employeeId) });
        setMessage(k.letterSaved);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('save');
  };

  return (
    <VStack gap="space-24" paddingBlock="space-24" maxWidth="48rem">
      <div>
        <Link as={RouterLink} to={`/sykefravaer/${employeeId}`}>
          {k.back}
        </Link>
      </div>
      {/* Neutral tab title: no employee name in the browser history or a shared screen's tab bar. */}
      <PageHeading title={k.letterTitle}>
        {data ? `${k.letterTitle}: ${data.employeeName}` : k.letterTitle}
      </PageHeading>
      <BodyLong>{k.letterIntro}</BodyLong>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data ? (
        <>
          {hasAnyRole(session, 'admin', 'hr') ? (
            <div>
              <Link as={RouterLink} to="/innstillinger/tilrettelegging">
                {k.editCatalogue}
              </Link>
            </div>
          ) : null}
          <form onSubmit={submit}>
            <VStack gap="space-20">
              <CheckboxGroup
                legend={k.pickArbeid}
                value={form.selectedArbeidIds}
                onChange={(v: string[]) => setForm({ ...form, selectedArbeidIds: v })}
              >
                {data.arbeid.map((a) => (
                  <Checkbox key={a.id} value={a.id} description={a.description || undefined}>
                    {a.title}
                  </Checkbox>
                ))}
              </CheckboxGroup>
              {KINDS.map((kind) => {
                const items = data.tiltak.filter((m) => m.kind === kind);
                if (items.length === 0) return null;
                const ids = new Set(items.map((m) => m.id));
                return (
                  <CheckboxGroup
                    key={kind}
                    legend={k.pickTiltak(k.kinds[kind])}
                    value={form.selectedTiltakIds.filter((id) => ids.has(id))}
                    onChange={(v: string[]) =>
                      setForm({
                        ...form,
                        selectedTiltakIds: [...form.selectedTiltakIds.filter((id) => !ids.has(id)), ...v],
                      })
                    }
                  >
                    {items.map((m) => (
                      <Checkbox key={m.id} value={m.id} description={m.description || undefined}>
                        {m.title}
                      </Checkbox>
                    ))}
                  </CheckboxGroup>
                );
              })}
              <Textarea
                label={k.usualTasks}
                description={k.healthHint}
                value={form.usualTasks}
                maxLength={2000}
                onChange={(e) => setForm({ ...form, usualTasks: e.target.value })}
              />
              <Textarea
                label={k.extraText}
                description={k.healthHint}
                value={form.extraText}
                maxLength={2000}
                onChange={(e) => setForm({ ...form, extraText: e.target.value })}
              />
              <Fieldset legend={k.contact}>
                <VStack gap="space-12">
                  <TextField
                    label={k.contactName}
                    value={form.contact.name}
                    maxLength={200}
                    required
                    autoComplete="name"
                    onChange={(e) => setForm({ ...form, contact: { ...form.contact, name: e.target.value } })}
                  />
                  <TextField
                    label={k.contactPhone}
                    value={form.contact.phone}
                    maxLength={50}
                    type="tel"
                    autoComplete="tel"
                    onChange={(e) =>
                      setForm({ ...form, contact: { ...form.contact, phone: e.target.value } })
                    }
                  />
                  <TextField
                    label={k.contactEmail}
                    value={form.contact.email}
                    maxLength={200}
                    type="email"
                    autoComplete="email"
                    onChange={(e) =>
                      setForm({ ...form, contact: { ...form.contact, email: e.target.value } })
                    }
                  />
                </VStack>
              </Fieldset>
              {error ? <ErrorAlert error={error} /> : null}
              <SuccessMessage>{message}</SuccessMessage>
              <HStack gap="space-8" wrap>
                <Button
                  type="button"
                  variant="secondary"
                  loading={busy === 'preview'}
                  onClick={() => void run('preview')}
                >
                  {k.preview}
                </Button>
                <Button type="submit" loading={busy === 'save'}>
                  {k.saveLetter}
                </Button>
              </HStack>
            </VStack>
          </form>
          {preview ? (
            <VStack gap="space-8" as="section" aria-labelledby="legebrev-preview">
              <Heading level="2" size="small" id="legebrev-preview">
                {k.previewHeading}
              </Heading>
              {preview.healthWords.length > 0 ? (
                <Alert variant="warning" size="small">
                  {k.healthWarning(preview.healthWords.join(', '))}
                </Alert>
              ) : null}
              <Box padding="space-16" borderWidth="1" borderRadius="8" lang="nb">
                <LetterView letter={preview.letter} />
              </Box>
            </VStack>
          ) : null}
          <VStack gap="space-8" as="section" aria-labelledby="legebrev-earlier">
            <Heading level="2" size="small" id="legebrev-earlier">
              {k.earlier}
            </Heading>
            {data.letters.length === 0 ? (
              <BodyShort>{k.noLetters}</BodyShort>
            ) : (
              <ul className="plan-list">
                {data.letters.map((l) => (
                  <li key={l.id}>
                    <BodyShort>{k.letterLine(l.createdBy.name, dateTime(l.createdAt, locale))}</BodyShort>
                    <Link
                      href={legebrevPdfUrl(employeeId, l.id)}
                      aria-label={k.downloadPdfOf(dateTime(l.createdAt, locale))}
                    >
                      {k.downloadPdf}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </VStack>
        </>
      ) : null}
    </VStack>
  );
}

/** The composed letter as the server made it (also on the employee's own page). */
export function LetterView({ letter }: { letter: LetterText }) {
  return (
    <VStack gap="space-8">
      <Heading level="3" size="small">
        {letter.title}
      </Heading>
      <BodyShort weight="semibold">{letter.regarding}</BodyShort>
      <BodyShort>{letter.greeting}</BodyShort>
      {letter.blocks.map((b, i) => (
        // The blocks are a fixed, ordered list made by the server.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered
        <VStack gap="space-4" key={i}>
          {b.heading ? (
            <Heading level="4" size="xsmall">
              {b.heading}
            </Heading>
          ) : null}
          {b.paragraphs.map((p) => (
            <BodyLong key={p} className="plan-text">
              {p}
            </BodyLong>
          ))}
          {b.bullets.length > 0 ? (
            <ul>
              {b.bullets.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          ) : null}
        </VStack>
      ))}
      <BodyShort>{letter.closing}</BodyShort>
      <div>
        {letter.signature.map((line) => (
          <BodyShort key={line}>{line}</BodyShort>
        ))}
      </div>
    </VStack>
  );
}
