import { Title } from '@mantine/core';

export function ServiceLevelsPage() {
  return <Title order={1}>ServiceLevelsPage</Title>;
}
