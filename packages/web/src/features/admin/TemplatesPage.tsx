import { useTranslation } from 'react-i18next';
import { GuardedPage } from './admin-ui';
import { ForbiddenPhrasesSection } from './ForbiddenPhrasesSection';
import { MacrosSection } from './MacrosSection';

/** Reply templates: macros per language and the phrases replies must not contain. */
export function TemplatesPage() {
  const { t } = useTranslation('admin');
  return (
    <GuardedPage title={t('templates.title')} permission="helpdesk:manage">
      <MacrosSection />
      <ForbiddenPhrasesSection />
    </GuardedPage>
  );
}
