import { BodyLong, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';

export function NotFoundPage() {
  const t = useT();
  return (
    <VStack gap="space-16" align="start">
      <PageHeading>{t.errors.notFoundTitle}</PageHeading>
      <BodyLong>{t.errors.notFoundBody}</BodyLong>
      <Link as={RouterLink} to="/">
        {t.errors.backHome}
      </Link>
    </VStack>
  );
}
