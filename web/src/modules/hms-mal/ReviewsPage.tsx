/**
 * «Årlig gjennomgang» (`/internkontroll/gjennomgang`): the annual reviews of the internkontroll
 * (IK-f § 5 no. 8), newest first, each with its status, the day it was held, whether the verneombud
 * and AMU took part and, once completed, its stored PDF. Admin/HR start the review of a year; the
 * draft opens filled in with that year's goals.
 */
import { FilePdfIcon } from '@navikt/aksel-icons';
import { BodyLong, BodyShort, Button, Heading, HStack, Link, Select, Tag, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ErrorAlert, Flash, Loading } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type ReviewList, reviewPdfUrl, useReviews, useReviewWrites } from './api.ts';
import { currentYear, osloDate } from './parts.tsx';
import './hms-mal.css';

export function ReviewsPage() {
  const th = useI18n().t.hmsMal;
  const reviews = useReviews();
  const data = reviews.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{th.reviewsTitle}</PageHeading>
        <BodyLong className="hm-measure">{th.reviewsIntro}</BodyLong>
        <BodyLong className="hm-measure">{th.reviewsIntroPackage}</BodyLong>
      </VStack>
      <HStack gap="space-12" wrap>
        <ButtonLink to="/internkontroll/mal" variant="secondary" size="small">
          {th.toGoals}
        </ButtonLink>
      </HStack>
      <Flash />
      {reviews.isPending ? <Loading /> : null}
      {reviews.isError ? <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} /> : null}
      {data?.canEdit ? <StartReview data={data} /> : null}
      {data ? <List data={data} /> : null}
    </VStack>
  );
}

function StartReview({ data }: { data: ReviewList }) {
  const th = useI18n().t.hmsMal;
  const navigate = useNavigate();
  const { create } = useReviewWrites();
  const taken = new Set(data.items.map((r) => r.yearReviewed));
  const now = currentYear();
  // Last year first: the review looks back, by default by 31 January.
  const years = [now - 1, now, now - 2, now - 3, now - 4].filter((y) => !taken.has(y));
  const [year, setYear] = useState<number | undefined>(years[0]);
  const chosen = year !== undefined && years.includes(year) ? year : years[0];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === undefined) return;
    create.mutate(chosen, {
      onSuccess: (review) => navigate(`/internkontroll/gjennomgang/${review.id}`),
    });
  };

  return (
    <VStack as="section" gap="space-12" aria-labelledby="hm-start-heading">
      <Heading level="2" size="medium" id="hm-start-heading">
        {th.startHeading}
      </Heading>
      {chosen === undefined ? (
        <BodyShort>{th.startAllDone}</BodyShort>
      ) : (
        <form onSubmit={submit} noValidate>
          <HStack gap="space-12" align="end" wrap>
            <Select
              label={th.startYear}
              value={String(chosen)}
              onChange={(e) => setYear(Number(e.target.value))}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
            <Button type="submit" loading={create.isPending}>
              {th.startButton}
            </Button>
          </HStack>
        </form>
      )}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
    </VStack>
  );
}

function List({ data }: { data: ReviewList }) {
  const th = useI18n().t.hmsMal;
  return (
    <VStack as="section" gap="space-12" aria-labelledby="hm-list-heading">
      <Heading level="2" size="medium" id="hm-list-heading">
        {th.listHeading}
      </Heading>
      {data.items.length === 0 ? (
        <BodyShort>{th.noReviews}</BodyShort>
      ) : (
        <ul className="hm-list">
          {data.items.map((r) => (
            <li key={r.id} className="hm-item" data-review-id={r.id} data-status={r.status}>
              <VStack gap="space-8">
                <Heading level="3" size="small">
                  <Link as={RouterLink} to={`/internkontroll/gjennomgang/${r.id}`}>
                    {th.reviewOf(r.yearReviewed)}
                  </Link>
                </Heading>
                <HStack gap="space-8" align="center" wrap>
                  <Tag
                    variant="moderate"
                    size="small"
                    data-color={r.status === 'fullfort' ? 'success' : 'neutral'}
                  >
                    {th.reviewStatus[r.status]}
                  </Tag>
                </HStack>
                {r.heldOn ? <BodyShort size="small">{th.heldOn(formatDate(r.heldOn))}</BodyShort> : null}
                {r.completedAt ? (
                  <BodyShort size="small">{th.completedOn(osloDate(r.completedAt), r.completedBy)}</BodyShort>
                ) : null}
                {r.status === 'fullfort' ? (
                  <>
                    <BodyShort size="small">{th.participation(r.voTookPart, r.amuTookPart)}</BodyShort>
                    <div>
                      <Link href={reviewPdfUrl(r.id)} download aria-label={th.downloadPdfOf(r.yearReviewed)}>
                        <FilePdfIcon aria-hidden />
                        {th.downloadPdf}
                      </Link>
                    </div>
                  </>
                ) : null}
              </VStack>
            </li>
          ))}
        </ul>
      )}
    </VStack>
  );
}
