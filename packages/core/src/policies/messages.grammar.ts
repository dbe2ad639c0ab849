// Plurals and lists follow the runtime's CLDR rules (Intl) rather than `count === 1`:
// French and Portuguese put 0 in the singular, and Spanish turns "y" into "e" before an
// i-sound ("sin usar e intacto"). Built once per language, because constructing an Intl
// object costs tens of microseconds and every decision writes many messages.

/** The grammar the message tables of one language need. */
export interface Grammar {
  /** Whether `count` takes the singular form of a noun in this language. */
  isOne: (count: number) => boolean;
  /** `count` and the matching form of a noun: "1 Tag", "3 Tage". */
  count: (count: number, one: string, many: string) => string;
  /** A list whose items all apply: "a, b und c". */
  and: (items: string[]) => string;
}

export function grammarFor(locale: string): Grammar {
  const plural = new Intl.PluralRules(locale);
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const isOne = (count: number) => plural.select(count) === 'one';
  return {
    isOne,
    count: (count, one, many) => `${count} ${isOne(count) ? one : many}`,
    and: (items) => list.format(items),
  };
}
