import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyFinding } from './case-api';

/** The draft with the phrases the check found marked: red for blocked, orange for warnings. */
export function Highlighted({ body, findings }: { body: string; findings: ReplyFinding[] }) {
  const { t } = useTranslation('console');
  const spans = findings
    .filter((f) => f.index !== undefined && f.length && f.index + f.length <= body.length)
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  if (spans.length === 0) return null;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of spans) {
    const start = f.index ?? 0;
    if (start < at) continue;
    parts.push(body.slice(at, start));
    parts.push(
      <mark
        key={start}
        data-severity={f.severity}
        style={{
          background: f.severity === 'block' ? 'var(--mantine-color-red-2)' : 'var(--mantine-color-orange-1)',
          borderBottom: `2px solid var(--mantine-color-${f.severity === 'block' ? 'red-8' : 'orange-8'})`,
          color: 'inherit',
        }}
      >
        {body.slice(start, start + (f.length ?? 0))}
      </mark>,
    );
    at = start + (f.length ?? 0);
  }
  parts.push(body.slice(at));
  return (
    <Paper withBorder p="xs" aria-label={t('composer.highlighted')}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="reply-highlight">
        {parts}
      </Text>
    </Paper>
  );
}
