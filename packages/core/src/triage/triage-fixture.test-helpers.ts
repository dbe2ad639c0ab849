import type { LabelledText } from './classify-text.js';

// A tiny hand-written training set, in English and Portuguese, for the model tests.
const byLabel: Record<string, string[]> = {
  delivery_late: [
    'my order has not arrived yet',
    'still waiting for my package after two weeks',
    'the parcel is late',
    'nothing has arrived',
    'where is my package it is late',
    'ainda não recebi meu pedido',
    'o pedido está atrasado',
    'não chegou até hoje',
    'package not delivered yet',
    'it has been a month and no parcel',
  ],
  product_defect: [
    'the product arrived broken',
    'it stopped working after a day',
    'the screen is cracked',
    'poor quality it fell apart',
    'it does not turn on',
    'o produto chegou quebrado',
    'veio com defeito',
    'parou de funcionar',
    'the zipper broke',
    'defective item',
  ],
  feedback: [
    'great product thank you',
    'arrived early very happy',
    'excellent quality recommend',
    'perfect thanks',
    'love it',
    'ótimo produto recomendo',
    'chegou antes do prazo',
    'muito bom',
    'fast delivery good seller',
    'very satisfied',
  ],
};

export const FIXTURE: LabelledText[] = Object.entries(byLabel).flatMap(([label, texts]) =>
  texts.map((text) => ({ text, label })),
);
