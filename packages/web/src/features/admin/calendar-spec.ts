// A business calendar as the API takes it (docs/help-desk.md; checked by the server, see
// packages/core/src/sla/calendar-spec.ts) and the "09:00-12:00, 13:00-18:00" text agents type.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface CalendarSpec {
  timeZone: string;
  week: Partial<Record<Weekday, [string, string][]>>;
  holidays?: { country: string; region?: string } | null;
  closures?: { from: string; to: string; name?: string }[];
  workingDates?: { date: string; asWeekday?: Weekday }[];
}

export interface CalendarView {
  id: string;
  name: string;
  spec: CalendarSpec;
  storeIds: string[];
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_SPEC: CalendarSpec = {
  timeZone: 'Europe/Berlin',
  week: Object.fromEntries(
    WEEKDAYS.slice(0, 5).map((d) => [d, [['09:00', '18:00']]]),
  ) as CalendarSpec['week'],
  holidays: { country: 'DE' },
  closures: [],
};

/** "09:00–12:00, 13:00–18:00" for a day's working periods; "" when closed. */
export function periodsText(periods: [string, string][] | undefined): string {
  return (periods ?? []).map(([from, to]) => `${from}-${to}`).join(', ');
}

/** The periods of a day typed as text, or null when a part does not read as HH:MM-HH:MM. */
export function parsePeriods(text: string): [string, string][] | null {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const periods: [string, string][] = [];
  for (const part of parts) {
    const match = /^(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!match?.[1] || !match[2]) return null;
    periods.push([match[1].padStart(5, '0'), match[2].padStart(5, '0')]);
  }
  return periods;
}

/** The IANA time zones this browser knows, for the picker. */
export function timeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return (
    intl.supportedValuesOf?.('timeZone') ?? ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Shanghai']
  );
}
