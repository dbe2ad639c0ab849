import { chooseLanguage } from './language.js';

/** One language's text of a macro. */
export interface MacroVariant {
  subject?: string;
  body: string;
}

/** A standard reply in every language the store writes it in. */
export interface Macro {
  name: string;
  /** Keyed by language tag, e.g. 'en', 'de', 'zh-CN'. */
  variants: Record<string, MacroVariant>;
}

/** What `{{…}}` placeholders can name; the personal touches of. */
export interface ReplyVariables {
  customer?: { name?: string | null };
  order?: { number?: string | null };
  case?: { number?: number; returnCode?: string | null };
  /** Already formatted for the customer's language and zone: the core does not format dates here. */
  deadline?: string | null;
  trackingLink?: string | null;
  agent?: { name?: string | null };
  [key: string]: unknown;
}

/** A macro filled in, ready for the agent to review. */
export interface RenderedMacro {
  /** The variant used, as keyed in the macro. */
  language: string;
  subject: string | null;
  body: string;
  /**
   * Placeholders that had no value, each once, in order: the path (`customer.name`), or the
   * whole token when it is not a path (`{{customer name}}`). Not empty → do not send unread.
   */
  missing: string[];
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PATH = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/**
 * Fills a macro in the best language for `language` (see `chooseLanguage`, falling back to
 * English). Placeholders are `{{customer.name}}`, `{{order.number}}`, `{{case.returnCode}}`,
 * `{{deadline}}`, `{{trackingLink}}` and any other dotted path into `variables`.
 *
 * A placeholder with no value stays in the text as written, e.g. `Dear {{customer.name}},`
 * rather than `Dear ,`: the agent sees the gap before sending, the text can be filled in
 * and rendered again, and `missing` lets a caller refuse to send it automatically. Values
 * go in as plain text, once: nothing in them is evaluated, escaped or expanded again.
 */
export function renderMacro(macro: Macro, language: string, variables: ReplyVariables): RenderedMacro {
  const chosen = chooseLanguage([language], Object.keys(macro.variants));
  const variant = macro.variants[chosen];
  if (!variant) throw new RangeError(`Macro "${macro.name}" has no variants`);
  const missing = new Set<string>();
  const fill = (template: string) =>
    template.replace(PLACEHOLDER, (token, inner: string) => {
      const path = inner.trim();
      const value = PATH.test(path) ? lookup(variables, path) : null;
      if (value === null) missing.add(PATH.test(path) ? path : token);
      return value ?? token;
    });
  const subject = variant.subject === undefined ? null : fill(variant.subject);
  const body = fill(variant.body);
  return { language: chosen, subject, body, missing: [...missing] };
}

// Own properties only, so `{{constructor.name}}` or `{{__proto__}}` read nothing.
function lookup(variables: ReplyVariables, path: string): string | null {
  let value: unknown = variables;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  // A blank name reads as a gap to the customer, so it counts as missing. Objects, booleans
  // and dates have no one right text: callers format them first.
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'bigint') return String(value);
  return null;
}
