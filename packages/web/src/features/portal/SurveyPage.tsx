import { Title } from '@mantine/core';

export function SurveyPage() {
  return <Title order={1}>SurveyPage</Title>;
}
