import { KnowledgeArticleInput } from '@afterdesk/contract';
import { isIntent } from '@afterdesk/core';
import type { KnowledgeArticleFields } from '../../db/repositories/knowledge.repository.js';
import { type FieldError, invalid } from '../errors.js';
import { schemaErrors } from '../field-errors.js';

/**
 * An article as stored, or a 400 naming each problem: a title and body that are more than
 * blanks, a language tag that is well formed (stored canonical: "zh-cn" becomes "zh-CN", so
 * filters and the search's language match), and intents that triage knows.
 */
export function checkArticleInput(input: KnowledgeArticleInput): KnowledgeArticleFields {
  const errors: FieldError[] = schemaErrors(KnowledgeArticleInput, input);
  if (errors.length > 0) throw invalid('The article is not valid.', errors);
  const language = canonicalLanguage(input.language);
  if (language === undefined) errors.push({ field: '/language', message: 'must be a BCP 47 language tag' });
  const title = input.title.trim();
  if (title === '') errors.push({ field: '/title', message: 'must not be blank' });
  if (input.body.trim() === '') errors.push({ field: '/body', message: 'must not be blank' });
  const intents = input.intents ?? [];
  intents.forEach((intent, i) => {
    if (!isIntent(intent))
      errors.push({ field: `/intents/${i}`, message: 'must be one of the triage intents (docs/triage.md)' });
  });
  if (errors.length > 0 || language === undefined) throw invalid('The article is not valid.', errors);
  return { language, title, body: input.body.trim(), intents, published: input.published ?? true };
}

function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}
