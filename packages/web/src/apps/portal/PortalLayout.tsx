import { Anchor, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';

/** Mobile first: one narrow column, the language switcher always at hand. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation(['portal', 'common']);
  return (
    <>
      <Anchor href="#main" className="skip-link" style={{ position: 'absolute', left: -9999 }}>
        {t('common:skipToContent')}
      </Anchor>
      <Container size="sm" px="md" py="sm" component="header">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg">
            {t('portal:title', 'Returns and help')}
          </Text>
          <LanguageSwitcher />
        </Group>
      </Container>
      <Container size="sm" px="md" pb="xl" component="main" id="main">
        {children}
      </Container>
    </>
  );
}
