import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './i18n';

/** A plain select (keyboard- and screen-reader-friendly) that switches the page's language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('common');
  return (
    <NativeSelect
      aria-label={t('language')}
      size="xs"
      value={i18n.resolvedLanguage ?? i18n.language}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
    />
  );
}
