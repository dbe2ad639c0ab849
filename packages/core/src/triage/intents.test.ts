import { describe, expect, it } from 'vitest';
import { INTENTS, isIntent } from './intents.js';

describe('intents', () => {
  it('lists the 21 intents of the taxonomy once each', () => {
    expect(INTENTS).toHaveLength(21);
    expect(new Set(INTENTS).size).toBe(21);
  });

  it('recognises an intent and refuses anything else', () => {
    expect(isIntent('wrong_item')).toBe(true);
    expect(isIntent('get_refund')).toBe(false);
  });
});
