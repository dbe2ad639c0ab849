import { useTranslation } from 'react-i18next';
import { GuardedPage } from './admin-ui';
import { CalendarsSection } from './CalendarsSection';
import { SlaPolicySection } from './SlaPolicySection';

/** Service levels: the SLA targets and the business calendars their clocks run on. */
export function ServiceLevelsPage() {
  const { t } = useTranslation('admin');
  return (
    <GuardedPage title={t('serviceLevels.title')} permission="helpdesk:manage">
      <SlaPolicySection />
      <CalendarsSection />
    </GuardedPage>
  );
}
