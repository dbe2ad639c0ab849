import { Title } from '@mantine/core';

export function DashboardsPage() {
  return <Title order={1}>DashboardsPage</Title>;
}
