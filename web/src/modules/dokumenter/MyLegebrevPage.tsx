/**
 * "Brev til legen om meg" (`/mitt-fravaer/legebrev`): the employee reads the letters about their own
 * case that the leader or HR wrote to the doctor, and downloads each as a PDF (everything the
 * employee can see, they can download). The employee's own id on the letter routes; the server
 * answers 404 for anyone else's.
 */
import { Alert, BodyLong, Box, Button, Heading, HStack, Link, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import {
  type LegebrevDto,
  legebrevKey,
  legebrevPdfUrl,
  useKatalogTexts,
  useLegebrevDraft,
} from './KatalogApi.tsx';
import { LetterView } from './LegebrevPage.tsx';
import './dokumenter.css';

export function MyLegebrevPage() {
  const k = useKatalogTexts();
  const { locale } = useI18n();
  const session = useSession();
  const employeeId = session.employeeId ?? '';
  const query = useLegebrevDraft(employeeId);
  return (
    <VStack gap="space-24" paddingBlock="space-24" maxWidth="48rem">
      <div>
        <Link as={RouterLink} to="/mitt-fravaer">
          {k.backMine}
        </Link>
      </div>
      <PageHeading>{k.myLetterTitle}</PageHeading>
      <BodyLong>{k.myLetterIntro}</BodyLong>
      {employeeId === '' ? <Alert variant="info">{k.noEmployee}</Alert> : null}
      {employeeId !== '' && query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.letters.length === 0 ? <Alert variant="info">{k.myLetterNone}</Alert> : null}
      {query.data && query.data.letters.length > 0 ? (
        <ul className="plan-list">
          {query.data.letters.map((l) => (
            <li key={l.id}>
              <MyLetter
                employeeId={employeeId}
                id={l.id}
                line={k.letterLine(l.createdBy.name, dateTime(l.createdAt, locale))}
                at={dateTime(l.createdAt, locale)}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </VStack>
  );
}

function MyLetter({
  employeeId,
  id,
  line,
  at,
}: {
  employeeId: string;
  id: string;
  line: string;
  at: string;
}) {
  const k = useKatalogTexts();
  const [open, setOpen] = useState(false);
  const letter = useQuery({
    queryKey: [...legebrevKey(employeeId), id],
    queryFn: ({ signal }) =>
      api.get<LegebrevDto>(`/sykefravaer/employees/${employeeId}/legebrev/${id}`, undefined, signal),
    enabled: open,
  });
  const bodyId = `legebrev-${id}`;
  return (
    <Box padding="space-16" borderWidth="1" borderRadius="8">
      <VStack gap="space-12">
        <Heading level="2" size="small">
          {line}
        </Heading>
        <HStack gap="space-8" wrap>
          <Button
            type="button"
            variant="secondary"
            size="small"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? k.hideLetter : k.showLetter}
          </Button>
          <Button
            as="a"
            variant="secondary"
            size="small"
            href={legebrevPdfUrl(employeeId, id)}
            download
            aria-label={k.downloadPdfOf(at)}
          >
            {k.downloadPdf}
          </Button>
        </HStack>
        <div id={bodyId}>
          {open && letter.isPending ? <Loading /> : null}
          {open && letter.isError ? <ErrorAlert error={letter.error} /> : null}
          {open && letter.data ? (
            <Box padding="space-16" background="neutral-soft" borderRadius="8" lang="nb">
              <LetterView letter={letter.data.letter} />
            </Box>
          ) : null}
        </div>
      </VStack>
    </Box>
  );
}
