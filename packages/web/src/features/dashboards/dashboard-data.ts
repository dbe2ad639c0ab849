import type { HeatMapView, MeasuresView } from '@afterdesk/contract';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../ui/api';

export type { HeatMapView, MeasuresView };

/** The dashboards' filters: a number of whole ISO weeks ending before this one, and a store. */
export interface DashboardFilters {
  weeks: number;
  store: string | null;
}

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The last `weeks` complete weeks, Monday to Monday (`to` exclusive), as local days. */
export function periodOf(weeks: number, today = new Date()): { from: string; to: string } {
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  const start = new Date(monday);
  start.setDate(start.getDate() - 7 * weeks);
  return { from: isoDay(start), to: isoDay(monday) };
}

/** One `GET /analytics/measures` over the dashboards' period and store. */
export function useMeasures(
  filters: DashboardFilters,
  measures: string[],
  groupBy?: string,
  extra: Record<string, string> = {},
) {
  const period = periodOf(filters.weeks);
  const query = {
    ...period,
    measures: measures.join(','),
    groupBy,
    store: filters.store ?? undefined,
    ...extra,
  };
  return useQuery({
    queryKey: ['analytics', 'measures', query],
    queryFn: () => api<MeasuresView>('GET', '/analytics/measures', { query }),
  });
}

/** Number formatters in the agent's language. */
export function useFormats() {
  const { i18n } = useTranslation();
  return useMemo(() => formatsFor(i18n.language), [i18n.language]);
}

function formatsFor(locale: string) {
  const number = (n: number | null | undefined, digits = 0) =>
    n === null || n === undefined
      ? '—'
      : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  const percent = (n: number | null | undefined, digits = 1) =>
    n === null || n === undefined
      ? '—'
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(n);
  // `refunded` comes in major units of the reporting currency, already rounded.
  const money = (n: number | null | undefined, currency: string) =>
    n === null || n === undefined
      ? '—'
      : new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n);
  const duration = (minutes: number | null | undefined) => {
    if (minutes === null || minutes === undefined) return '—';
    if (minutes < 90)
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: 'minute',
        maximumFractionDigits: 0,
      }).format(minutes);
    if (minutes < 60 * 48)
      return new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', maximumFractionDigits: 1 }).format(
        minutes / 60,
      );
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', maximumFractionDigits: 1 }).format(
      minutes / 1440,
    );
  };
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  return { locale, number, percent, money, duration, day };
}

/** The value of a measure in a row, or null. */
export function measureOf(row: MeasuresView['rows'][number] | undefined, measure: string): number | null {
  const value = row?.values[measure];
  return value === undefined ? null : value;
}
