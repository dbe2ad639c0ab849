import { sql } from 'kysely';
import type { Tx } from '../scope.js';

/** A knowledge-base article as stored. */
export interface KnowledgeArticleRecord {
  id: string;
  language: string;
  title: string;
  body: string;
  intents: string[];
  published: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What an author writes; the rest is the database's. */
export type KnowledgeArticleFields = Pick<
  KnowledgeArticleRecord,
  'language' | 'title' | 'body' | 'intents' | 'published'
>;

function selectArticles(tx: Tx) {
  return tx
    .selectFrom('knowledge_articles')
    .select(['id', 'language', 'title', 'body', 'intents', 'published', 'created_at', 'updated_at']);
}

type ArticleRow = Awaited<ReturnType<ReturnType<typeof selectArticles>['executeTakeFirstOrThrow']>>;

const toRecord = (row: ArticleRow): KnowledgeArticleRecord => ({
  id: row.id,
  language: row.language,
  title: row.title,
  body: row.body,
  intents: row.intents,
  published: row.published,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export interface ArticleFilters {
  /** Primary subtag or full tag; 'zh' finds 'zh-CN'. */
  language?: string | undefined;
  intent?: string | undefined;
  published?: boolean | undefined;
  /** The position of the last row of the previous page. */
  after?: ListPosition | undefined;
  limit: number;
}

/** A row's place in the list: its `created_at` to the microsecond (a Date keeps only milliseconds). */
export interface ListPosition {
  createdAt: string;
  id: string;
}

/** Newest first, keyset-paged; each article comes with its position, for the next page's cursor. */
export async function listArticles(
  tx: Tx,
  f: ArticleFilters,
): Promise<{ article: KnowledgeArticleRecord; position: ListPosition }[]> {
  let q = selectArticles(tx)
    .select(
      sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('position'),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit);
  if (f.language) {
    const tag = f.language.toLowerCase();
    q = q.where(sql<boolean>`(lower(language) = ${tag} or lower(language) like ${`${tag}-%`})`);
  }
  if (f.intent) q = q.where(sql<boolean>`${f.intent} = any(intents)`);
  if (f.published !== undefined) q = q.where('published', '=', f.published);
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return (await q.execute()).map((row) => ({
    article: toRecord(row),
    position: { createdAt: row.position, id: row.id },
  }));
}

/** Every published article of the transaction's tenant, for the search index. */
export async function listPublishedArticles(tx: Tx): Promise<KnowledgeArticleRecord[]> {
  return (await selectArticles(tx).where('published', '=', true).orderBy('id').execute()).map(toRecord);
}

/**
 * A value that changes whenever the published articles do: their count, the latest
 * `updated_at`, and the sum of all of them. The sum catches what count and maximum alone
 * miss: an edit committed by a transaction that began before the latest one, or a
 * deletion and an insertion that leave the count where it was.
 */
export async function publishedArticlesStamp(tx: Tx): Promise<string> {
  const row = await tx
    .selectFrom('knowledge_articles')
    .select(
      sql<string>`count(*) || '/' || coalesce(max(updated_at)::text, '') || '/' || coalesce(sum(extract(epoch from updated_at))::text, '')`.as(
        'stamp',
      ),
    )
    .where('published', '=', true)
    .executeTakeFirstOrThrow();
  return row.stamp;
}

export async function findArticle(tx: Tx, articleId: string): Promise<KnowledgeArticleRecord | undefined> {
  const row = await selectArticles(tx).where('id', '=', articleId).executeTakeFirst();
  return row && toRecord(row);
}

/** For an article just written in the same transaction. */
export async function findArticleOrThrow(tx: Tx, articleId: string): Promise<KnowledgeArticleRecord> {
  return toRecord(await selectArticles(tx).where('id', '=', articleId).executeTakeFirstOrThrow());
}

export async function insertArticle(
  tx: Tx,
  article: KnowledgeArticleFields & { id: string; tenantId: string },
): Promise<void> {
  await tx
    .insertInto('knowledge_articles')
    .values({
      id: article.id,
      tenant_id: article.tenantId,
      language: article.language,
      title: article.title,
      body: article.body,
      intents: article.intents,
      published: article.published,
    })
    .execute();
}

/** Whether an article of the transaction's tenant was there to replace. */
export async function updateArticle(
  tx: Tx,
  articleId: string,
  article: KnowledgeArticleFields,
): Promise<boolean> {
  const result = await tx
    .updateTable('knowledge_articles')
    .set({
      language: article.language,
      title: article.title,
      body: article.body,
      intents: article.intents,
      published: article.published,
      // The statement's time, not the transaction's: an article created and edited in one
      // transaction still gets a new stamp (see publishedArticlesStamp).
      updated_at: sql`clock_timestamp()`,
    })
    .where('id', '=', articleId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The deleted article's title, or undefined when the tenant has no such article. */
export async function deleteArticle(tx: Tx, articleId: string): Promise<string | undefined> {
  const row = await tx
    .deleteFrom('knowledge_articles')
    .where('id', '=', articleId)
    .returning('title')
    .executeTakeFirst();
  return row?.title;
}
