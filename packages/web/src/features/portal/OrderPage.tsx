import { Title } from '@mantine/core';

export function OrderPage() {
  return <Title order={1}>OrderPage</Title>;
}
