import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatRelative } from '../../ui/format';
import { useNow } from './use-now';

const HOUR = 3_600_000;

/** How close a due time is: overdue, due within the hour, or later. */
export function slaRisk(dueAt: string, now: number): 'overdue' | 'soon' | 'later' {
  const left = new Date(dueAt).getTime() - now;
  if (left < 0) return 'overdue';
  return left < HOUR ? 'soon' : 'later';
}

/** A length of time in its largest sensible unit: "42 min", "3 hr", "2 days". */
export function formatDuration(ms: number, locale: string): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const [value, unit] =
    minutes < 60
      ? [minutes, 'minute']
      : minutes < 48 * 60
        ? [Math.round(minutes / 60), 'hour']
        : [Math.round(minutes / 1440), 'day'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

/** "in 42 min" / "overdue 3 hr": red when overdue, orange under an hour; refreshed every 30 s. */
export function SlaCountdown({ dueAt, label }: { dueAt: string | null; label?: string }) {
  const { t, i18n } = useTranslation('console');
  const now = useNow();
  if (!dueAt) return null;
  const risk = slaRisk(dueAt, now);
  const relative = formatRelative(dueAt, now, i18n.language);
  // "3 hours ago" reads oddly for a debt still owed: "overdue 3 hr" says it.
  const text =
    risk === 'overdue'
      ? t('sla.overdue', { duration: formatDuration(now - new Date(dueAt).getTime(), i18n.language) })
      : relative;
  const color = risk === 'overdue' ? 'red.8' : risk === 'soon' ? 'orange.9' : 'gray.7';
  const full = t(`sla.aria.${risk}`, {
    label: label ?? t('sla.due'),
    relative: text,
    at: formatDate(dueAt, i18n.language),
  });
  return (
    <Badge
      color={color}
      variant={risk === 'later' ? 'outline' : 'filled'}
      aria-label={full}
      title={full}
      data-testid="sla-badge"
      data-risk={risk}
      style={{ textTransform: 'none' }}
    >
      {text}
    </Badge>
  );
}
