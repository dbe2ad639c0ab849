import { Paper, Text } from '@mantine/core';

/** One headline figure with its label. */
export function KpiCard({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.3}>
        {value}
      </Text>
      {hint && <Text size="xs">{hint}</Text>}
    </Paper>
  );
}
