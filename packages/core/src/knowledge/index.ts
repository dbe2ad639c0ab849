export {
  buildKnowledgeIndex,
  type CollectionStats,
  type IndexedArticle,
  type KnowledgeArticle,
  type KnowledgeHit,
  type KnowledgeIndex,
  type KnowledgeQuery,
  searchKnowledge,
} from './search-knowledge.js';
export { type Token, tokenize } from './tokenize.js';
