/**
 * «Internkontroll» (`/internkontroll`): the eight points of IK-f § 5, each with its status in words
 * (never colour alone), what shows it is in place, what is missing and a link to where it is fixed;
 * then the laws and regulations that apply (point 1), each with why.
 */
import { ExternalLinkIcon } from '@navikt/aksel-icons';
import {
  Link as AkselLink,
  BodyLong,
  BodyShort,
  Box,
  Heading,
  HStack,
  List,
  Tag,
  VStack,
} from '@navikt/ds-react';
import { Link } from 'react-router';
import type { IkPointDto } from '../../../../src/contracts/internkontroll/internkontroll.schemas.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useIkDashboard } from './api.ts';
import './internkontroll.css';

const TAG_VARIANT = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
  'not-applicable': 'neutral',
} as const;

function Point({ point }: { point: IkPointDto }) {
  const { t, locale } = useI18n();
  const ti = t.ik;
  const text = (x: { nb: string; en: string }) => (locale === 'en' ? x.en : x.nb);
  const headingId = `ik-point-${point.point}`;
  return (
    <Box
      as="section"
      aria-labelledby={headingId}
      padding="space-16"
      borderWidth="1"
      borderRadius="8"
      className="ik-point"
    >
      <VStack gap="space-8">
        <HStack gap="space-8" align="center" wrap>
          <Heading level="2" size="small" id={headingId}>
            {ti.pointHeading(point.point, text(point.title))}
          </Heading>
          <Tag size="small" variant={TAG_VARIANT[point.status]}>
            {ti.status[point.status]}
          </Tag>
          {point.written ? (
            <Tag size="small" variant="neutral">
              {ti.written}
            </Tag>
          ) : null}
        </HStack>
        {point.evidence.length > 0 ? (
          <div>
            <Heading level="3" size="xsmall">
              {ti.evidence}
            </Heading>
            <List size="small">
              {point.evidence.map((e) => (
                <List.Item key={e.nb}>{text(e)}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {point.missing.length > 0 ? (
          <div>
            <Heading level="3" size="xsmall">
              {ti.missing}
            </Heading>
            <List size="small">
              {point.missing.map((m) => (
                <List.Item key={m.nb}>{text(m)}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
        <HStack gap="space-8" align="center">
          <AkselLink as={Link} to={point.link}>
            {ti.fix}
            <span className="sr-only"> – {text(point.title)}</span>
          </AkselLink>
          <BodyShort size="small" textColor="subtle">
            {point.legalBasis}
          </BodyShort>
        </HStack>
      </VStack>
    </Box>
  );
}

export function IkPage() {
  const { t, locale } = useI18n();
  const ti = t.ik;
  const dashboard = useIkDashboard();
  const data = dashboard.data;
  const text = (x: { nb: string; en: string }) => (locale === 'en' ? x.en : x.nb);
  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <div>
        <PageHeading>{ti.title}</PageHeading>
        <BodyLong>{ti.intro}</BodyLong>
      </div>
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.isError ? (
        <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : null}
      {data ? (
        <>
          <BodyShort weight="semibold">
            {ti.summary(data.points.filter((p) => p.status === 'green').length, data.points.length)}
          </BodyShort>
          <div className="ik-points">
            {data.points.map((point) => (
              <Point key={point.point} point={point} />
            ))}
          </div>
          {data.regelverk.length > 0 ? (
            <VStack as="section" gap="space-12" aria-labelledby="ik-regelverk">
              <Heading level="2" size="medium" id="ik-regelverk">
                {ti.regelverkHeading}
              </Heading>
              <BodyLong>{ti.regelverkIntro}</BodyLong>
              <List>
                {data.regelverk.map((law) => (
                  <List.Item key={law.id} title={text(law.title)}>
                    <BodyShort>{text(law.why)}</BodyShort>
                    <AkselLink href={law.url} target="_blank" rel="noreferrer">
                      {ti.regelverkLink(law.short)}
                      <ExternalLinkIcon aria-hidden />
                      <span className="sr-only">{ti.opensInNewTab}</span>
                    </AkselLink>
                  </List.Item>
                ))}
              </List>
            </VStack>
          ) : null}
        </>
      ) : null}
    </VStack>
  );
}
