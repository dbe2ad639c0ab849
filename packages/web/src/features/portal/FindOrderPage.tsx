import { Title } from '@mantine/core';

export function FindOrderPage() {
  return <Title order={1}>FindOrderPage</Title>;
}
