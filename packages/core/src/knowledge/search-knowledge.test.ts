import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLES } from './knowledge.test-helpers.js';
import { buildKnowledgeIndex, searchKnowledge } from './search-knowledge.js';

const index = buildKnowledgeIndex(ARTICLES);
const top = (query: string, language: string, intent?: string) =>
  searchKnowledge(index, query, { language, ...(intent === undefined ? {} : { intent }) })[0];

describe('searchKnowledge: the right article first, in each language', () => {
  it.each([
    ['en', 'How long do refunds take?', 'en-refund'],
    ['en', 'I want to return my shoes', 'en-returns'],
    ['en', 'Where is my package?', 'en-track'],
    ['en', 'Can I change my address?', 'en-address'],
    ['en', 'How long does shipping take?', 'en-shipping'],
    ['zh-CN', '退款什么时候到账', 'zh-refund'],
    ['zh-CN', '怎么退货', 'zh-returns'],
    ['zh-CN', '快递单号在哪里查', 'zh-track'],
    ['zh-CN', '能改地址吗', 'zh-address'],
    ['zh-CN', '多久发货', 'zh-shipping'],
    ['ja', '返金はいつですか', 'ja-refund'],
    ['ja', '返品したいです', 'ja-returns'],
    ['ja', '荷物を追跡したい', 'ja-track'],
    ['ja', '住所を変更したい', 'ja-address'],
    ['ja', '発送は何営業日ですか', 'ja-shipping'],
    ['de', 'Wann bekomme ich meine Rückerstattung?', 'de-refund'],
    ['de', 'Wie funktionieren Rücksendungen?', 'de-returns'],
    ['de', 'Wo ist mein Paket?', 'de-track'],
    ['de', 'Lieferadresse ändern', 'de-address'],
    ['de', 'Wie sind die Lieferzeiten?', 'de-shipping'],
    ['es', '¿Cuándo recibo el reembolso?', 'es-refund'],
    ['es', 'Quiero devolver unos zapatos', 'es-returns'],
    ['es', 'Rastrear mi pedido', 'es-track'],
    ['es', 'Cambiar la dirección', 'es-address'],
    ['es', '¿Cuáles son los plazos de envío?', 'es-shipping'],
    ['pt-BR', 'Quando recebo o reembolso?', 'pt-refund'],
    ['pt-BR', 'Como funcionam as devoluções?', 'pt-returns'],
    ['pt-BR', 'Rastrear pedido', 'pt-track'],
    ['pt-BR', 'Mudar o endereço de entrega', 'pt-address'],
    ['pt-BR', 'Qual o prazo de entrega?', 'pt-shipping'],
    ['fr', 'Quand serai-je remboursé ?', 'fr-refund'],
    ['fr', 'Retourner un article', 'fr-returns'],
    ['fr', 'Où est mon colis ?', 'fr-track'],
    ['fr', 'Changer l’adresse de livraison', 'fr-address'],
    ['fr', 'Quels sont les délais de livraison ?', 'fr-shipping'],
  ])('%s: "%s" finds %s', (language, query, id) => {
    const hit = top(query, language);
    expect(hit?.article.id).toBe(id);
    expect(hit?.score).toBeGreaterThanOrEqual(0.2);
  });
});

describe('searchKnowledge: words', () => {
  it('finds Chinese words inside longer runs without spaces ("退款" finds "退款进度查询")', () => {
    const hit = top('退款', 'zh-CN');
    expect(hit).toMatchObject({ article: { id: 'zh-refund' }, matched: ['退款'] });
  });

  it('matches the Traditional spelling of a shared word (zh-TW asks, zh-CN answers)', () => {
    expect(top('退款進度', 'zh-TW')?.article.id).toBe('zh-refund');
  });

  it('stems English: "refunded" and "refunds" find the article about a refund', () => {
    expect(top('refunded', 'en')?.article.id).toBe('en-refund');
    expect(top('refunds', 'en')?.matched).toEqual(['refunds']);
  });

  it('stems Portuguese and German plurals: "devoluções" finds "devolução", "Rücksendung" finds "Rücksendungen"', () => {
    expect(top('devoluções', 'pt-BR')?.article.id).toBe('pt-returns');
    expect(top('Rücksendung', 'de')?.article.id).toBe('de-returns');
  });

  it('ignores case, umlauts and full-width forms in Latin scripts', () => {
    expect(top('RUCKSENDUNGEN', 'de')?.article.id).toBe('de-returns');
    expect(top('ｒｅｆｕｎｄ', 'en')?.article.id).toBe('en-refund');
  });

  it('splits French elisions ("l’adresse" finds "adresse")', () => {
    expect(top('adresse', 'fr')?.article.id).toBe('fr-address');
  });
});

describe('searchKnowledge: languages and intents', () => {
  it('answers in the customer’s language even when another language matches better', () => {
    const hits = searchKnowledge(index, 'pedido', { language: 'pt' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.article.language === 'pt-BR')).toBe(true);
  });

  it('falls back to other languages only when none in the customer’s language matches', () => {
    expect(top('refund', 'it')?.article.id).toBe('en-refund');
  });

  it('does not let a stop word of the query’s language match a word of another (English "for")', () => {
    expect(searchKnowledge(index, 'recipe for banana bread', { language: 'en' })).toEqual([]);
  });

  it('ranks an article tagged with the intent triage found higher', () => {
    const plain = searchKnowledge(index, 'business days', { language: 'en' });
    const boosted = searchKnowledge(index, 'business days', { language: 'en', intent: 'refund_status' });
    expect(plain[0]?.article.id).toBe('en-shipping');
    expect(boosted[0]?.article.id).toBe('en-refund');
  });
});

describe('searchKnowledge: scores', () => {
  it('finds nothing above 0.2 for questions the articles do not answer', () => {
    for (const [query, language] of [
      ['Do you sell gift cards for birthdays?', 'en'],
      ['今天天气怎么样', 'zh-CN'],
      ['Haben Sie Geschenkgutscheine?', 'de'],
    ] as const) {
      const best = searchKnowledge(index, query, { language })[0];
      expect(best?.score ?? 0).toBeLessThan(0.2);
    }
  });

  it('returns nothing for an empty index or an empty question', () => {
    expect(searchKnowledge(buildKnowledgeIndex([]), 'refund', { language: 'en' })).toEqual([]);
    expect(searchKnowledge(index, '', { language: 'en' })).toEqual([]);
    expect(searchKnowledge(index, '  ？！ ', { language: 'zh' })).toEqual([]);
  });

  it('respects the limit', () => {
    expect(searchKnowledge(index, 'pedido', { language: 'es', limit: 2 })).toHaveLength(2);
  });

  it('keeps every score within 0..1, best first, whatever the question', () => {
    const words = ['refund', 'return', 'package', 'address', 'shipping', 'banana', '退款', '住所', 'Paket'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 6 }),
        fc.constantFrom('en', 'zh', 'ja', 'de'),
        (picked, language) => {
          const hits = searchKnowledge(index, picked.join(' '), { language });
          for (const h of hits) expect(h.score).toBeGreaterThan(0);
          for (const h of hits) expect(h.score).toBeLessThanOrEqual(1);
          for (let i = 1; i < hits.length; i++)
            expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
        },
      ),
    );
  });

  it('builds an index that survives a JSON round trip', () => {
    const copy = JSON.parse(JSON.stringify(index)) as typeof index;
    expect(searchKnowledge(copy, 'refund', { language: 'en' })).toEqual(
      searchKnowledge(index, 'refund', { language: 'en' }),
    );
  });
});
