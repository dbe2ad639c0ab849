import { Title } from '@mantine/core';

export function CaseStatusPage() {
  return <Title order={1}>CaseStatusPage</Title>;
}
