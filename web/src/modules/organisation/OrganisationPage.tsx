import { Tabs, VStack } from '@navikt/ds-react';
import { useSearchParams } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { AreasPanel } from './AreasPanel.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { UnitsPanel } from './UnitsPanel.tsx';

const TABS = ['enheter', 'verneomrader', 'virksomheten'] as const;
type Tab = (typeof TABS)[number];

export function OrganisationPage() {
  const t = useT();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('fane');
  const tab: Tab = TABS.find((x) => x === requested) ?? 'enheter';
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <PageHeading>{t.organisation.title}</PageHeading>
      <Tabs value={tab} onChange={(v) => setParams(v === 'enheter' ? {} : { fane: v }, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="enheter" label={t.organisation.tabUnits} />
          <Tabs.Tab value="verneomrader" label={t.organisation.tabAreas} />
          <Tabs.Tab value="virksomheten" label={t.organisation.tabDetails} />
        </Tabs.List>
        <Tabs.Panel value="enheter" className="tab-panel">
          <UnitsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="verneomrader" className="tab-panel">
          <AreasPanel canEdit={hasAnyRole(session, 'admin', 'hr')} />
        </Tabs.Panel>
        <Tabs.Panel value="virksomheten" className="tab-panel">
          <DetailsPanel canEdit={hasAnyRole(session, 'admin')} />
        </Tabs.Panel>
      </Tabs>
    </VStack>
  );
}
