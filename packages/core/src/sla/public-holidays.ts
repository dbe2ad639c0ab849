import Holidays from 'date-holidays';

const DAY_MS = 86_400_000;

// One instance answers the catalogue questions (which countries, which regions); it holds
// no country, so it never changes.
let catalogue: Holidays | undefined;
function holidayCatalogue(): Holidays {
  catalogue ??= new Holidays();
  return catalogue;
}

/** Whether date-holidays knows the country (ISO 3166 alpha-2, any case). */
export function isKnownCountry(country: string): boolean {
  return Object.hasOwn(holidayCatalogue().getCountries() ?? {}, country.toUpperCase());
}

/** Whether date-holidays knows the region (its "state", e.g. 'BY') of the country. */
export function isKnownRegion(country: string, region: string): boolean {
  return Object.hasOwn(holidayCatalogue().getStates(country.toUpperCase()) ?? {}, region);
}

/** The region code date-holidays expects: 'DE-BY' and 'by' both become 'BY'. */
export function normalizeRegion(country: string, region: string): string {
  const upper = region.toUpperCase();
  const prefix = `${country.toUpperCase()}-`;
  return upper.startsWith(prefix) ? upper.slice(prefix.length) : upper;
}

/**
 * A lookup "is this local date ('YYYY-MM-DD') a public holiday?" for one country and
 * region, computing each year once, on first use.
 */
export function publicHolidayLookup(country: string, region?: string): (date: string) => boolean {
  const upper = country.toUpperCase();
  const source = region ? new Holidays(upper, normalizeRegion(upper, region)) : new Holidays(upper);
  const years = new Map<number, ReadonlySet<string>>();
  const datesOf = (year: number) => {
    let dates = years.get(year);
    if (!dates) {
      dates = wholeDayPublicHolidays(source, year);
      years.set(year, dates);
    }
    return dates;
  };
  return (date) => {
    const year = Number(date.slice(0, 4));
    // A holiday of several days that starts in late December runs into the next year.
    return datesOf(year).has(date) || datesOf(year - 1).has(date);
  };
}

/**
 * The local dates of the year's whole-day public holidays, multi-day ones (e.g. Russia's
 * New Year holidays) spread over each of their days.
 *
 * Only type 'public' counts: 'bank', 'school', 'optional' and 'observance' days do not close
 * an ordinary business. Part-day holidays are skipped as well — China's Women's Day and Youth
 * Day afternoons, Army Day — because they free only some workers (women, the young, soldiers)
 * and a help desk stays open for everyone else; the same goes for Iceland's Christmas Eve
 * afternoon. date-holidays marks them with a start time other than midnight.
 */
function wholeDayPublicHolidays(source: Holidays, year: number): ReadonlySet<string> {
  const dates = new Set<string>();
  for (const holiday of source.getHolidays(year)) {
    if (holiday.type !== 'public' || holiday.date.slice(11, 19) !== '00:00:00') continue;
    // Islamic holidays begin at the previous sunset, so a 3-day Eid spans 3.75 days of
    // instants; the tenth of a day absorbs DST days of 23 or 25 hours.
    const days = Math.max(1, Math.floor((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS + 0.1));
    const first = Date.parse(`${holiday.date.slice(0, 10)}T00:00:00Z`);
    for (let day = 0; day < days; day++) dates.add(new Date(first + day * DAY_MS).toISOString().slice(0, 10));
  }
  return dates;
}
