import { isBigram, primaryLanguage, tokenize } from './tokenize.js';

/** A knowledge-base article written by the merchant. */
export interface KnowledgeArticle {
  id: string;
  /** BCP 47, e.g. 'en', 'zh-CN', 'pt-BR'; matched on its primary subtag. */
  language: string;
  title: string;
  body: string;
  /** Triage intents the article answers, e.g. ['return_policy']. */
  intents?: readonly string[];
}

/** One article's terms, counted per field. Plain data, so an index can be cached as JSON. */
export interface IndexedArticle {
  article: KnowledgeArticle;
  language: string;
  /** Term frequency, title and body weighted together (BM25F). */
  frequencies: Record<string, number>;
  /** Weighted length in terms. */
  length: number;
}

/** Document frequencies over a set of articles: one per language and one for all. */
export interface CollectionStats {
  count: number;
  averageLength: number;
  documentFrequency: Record<string, number>;
}

/** Precomputed by `buildKnowledgeIndex`; reusable for any number of searches. */
export interface KnowledgeIndex {
  articles: IndexedArticle[];
  /** Keyed by primary language subtag; `*` holds all articles. */
  stats: Record<string, CollectionStats>;
}

/** An article found, best first. */
export interface KnowledgeHit {
  article: KnowledgeArticle;
  /** 0..1; see `searchKnowledge` for what it means and how to pick a threshold. */
  score: number;
  /** Query words (as typed, lower case) found in the article. */
  matched: string[];
}

/** What to search for. */
export interface KnowledgeQuery {
  /** The language the customer writes in (BCP 47). */
  language: string;
  /** The intent triage found, if any: articles tagged with it rank higher. */
  intent?: string;
  /** At most this many hits. */
  limit?: number;
}

const K1 = 1.2;
const B = 0.75;
// A word in the title says more about what an article answers than one in its body.
const TITLE_WEIGHT = 2;
// An intent from triage confirms what the words found; it cannot find an article alone.
const INTENT_BOOST = 1.5;
const ALL = '*';

/** Indexes articles for `searchKnowledge`, each in its own language's tokenizer and stemmer. */
export function buildKnowledgeIndex(articles: readonly KnowledgeArticle[]): KnowledgeIndex {
  const indexed = articles.map((article): IndexedArticle => {
    const frequencies: Record<string, number> = {};
    const add = (text: string, weight: number) => {
      const tokens = tokenize(text, article.language);
      for (const { term } of tokens) frequencies[term] = (frequencies[term] ?? 0) + weight;
      return tokens.length * weight;
    };
    const length = add(article.title, TITLE_WEIGHT) + add(article.body, 1);
    return { article, language: primaryLanguage(article.language), frequencies, length };
  });
  const stats: Record<string, CollectionStats> = { [ALL]: collect(indexed) };
  for (const language of new Set(indexed.map((a) => a.language))) {
    stats[language] = collect(indexed.filter((a) => a.language === language));
  }
  return { articles: indexed, stats };
}

function collect(articles: readonly IndexedArticle[]): CollectionStats {
  const documentFrequency: Record<string, number> = {};
  for (const a of articles) {
    for (const term of Object.keys(a.frequencies))
      documentFrequency[term] = (documentFrequency[term] ?? 0) + 1;
  }
  const total = articles.reduce((sum, a) => sum + a.length, 0);
  return {
    count: articles.length,
    averageLength: articles.length === 0 ? 0 : total / articles.length,
    documentFrequency,
  };
}

/**
 * Finds the articles that answer a customer's question (R-8.7), best first, by BM25
 * (k1 1.2, b 0.75) over title (weighted ×2) and body.
 *
 * Language: only articles in the query's language (same primary subtag: zh-TW finds zh-CN)
 * are searched; articles in other languages are searched only when none of those matches
 * any query term.
 *
 * Score: the BM25 sum divided by the sum of the query terms' IDF, capped at 1. A query term
 * that occurs once in an article of average length contributes exactly its IDF, so the score
 * reads as "how much of the question's information the article covers": 1 when every term is
 * found (once in the title is enough), 0.5 when the rarer half is. Words the articles never
 * use count fully against the score, which is what keeps unrelated questions low; CJK
 * bigrams that occur in no article (the ones spanning two words) are left out of the
 * divisor. An intent match multiplies the score by 1.5 (capped at 1).
 *
 * Threshold: answer automatically above about 0.5, suggest between about 0.2 and 0.5, and
 * ignore below 0.2; tune on the merchant's own questions, since the score depends on how
 * many articles there are and how they are worded.
 */
export function searchKnowledge(
  index: KnowledgeIndex,
  query: string,
  options: KnowledgeQuery,
): KnowledgeHit[] {
  const { language, intent, limit = 5 } = options;
  const primary = primaryLanguage(language);
  const same = index.articles.filter((a) => a.language === primary);
  const sameStats = index.stats[primary];
  const local = sameStats === undefined ? [] : rank(same, sameStats, query, language, intent);
  if (local.length > 0) return local.slice(0, limit);
  const others = index.articles.filter((a) => a.language !== primary);
  const all = index.stats[ALL] ?? collect([]);
  // Each article in another language is compared with the query tokenised its own way.
  return rank(others, all, query, language, intent, true).slice(0, limit);
}

function rank(
  articles: readonly IndexedArticle[],
  stats: CollectionStats,
  query: string,
  language: string,
  intent: string | undefined,
  perArticleLanguage = false,
): KnowledgeHit[] {
  const hits: (KnowledgeHit & { raw: number })[] = [];
  const queryTerms = new Map<string, Map<string, string>>();
  // Words the query's own language calls stop words ("for" in English) stay out, even
  // where the article's language would read them as a word (Portuguese "for").
  const meaningful = new Set(tokenize(query, language).map((t) => t.surface));
  const termsIn = (tag: string) => {
    let terms = queryTerms.get(tag);
    if (terms === undefined) {
      terms = new Map();
      for (const { term, surface } of tokenize(query, tag)) {
        if (meaningful.has(surface) && !terms.has(term)) terms.set(term, surface);
      }
      queryTerms.set(tag, terms);
    }
    return terms;
  };
  for (const a of articles) {
    const terms = termsIn(perArticleLanguage ? a.article.language : language);
    let score = 0;
    let divisor = 0;
    const matched = new Set<string>();
    for (const [term, surface] of terms) {
      const df = stats.documentFrequency[term] ?? 0;
      if (df === 0 && isBigram(term)) continue;
      const idf = Math.log(1 + (stats.count - df + 0.5) / (df + 0.5));
      divisor += idf;
      const tf = a.frequencies[term] ?? 0;
      if (tf === 0) continue;
      const norm = 1 - B + (B * a.length) / (stats.averageLength || 1);
      score += (idf * tf * (K1 + 1)) / (tf + K1 * norm);
      matched.add(surface);
    }
    if (score <= 0 || divisor <= 0) continue;
    const boost = intent !== undefined && a.article.intents?.includes(intent) ? INTENT_BOOST : 1;
    const raw = (score / divisor) * boost;
    hits.push({ article: a.article, score: Math.min(1, raw), matched: [...matched], raw });
  }
  // Ranked before capping, so two articles that both cover the whole question stay ordered.
  return hits
    .sort((x, y) => y.raw - x.raw || x.article.id.localeCompare(y.article.id))
    .map(({ raw: _raw, ...hit }) => hit);
}
