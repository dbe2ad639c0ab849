import { Title } from '@mantine/core';

export function ApiKeysPage() {
  return <Title order={1}>ApiKeysPage</Title>;
}
