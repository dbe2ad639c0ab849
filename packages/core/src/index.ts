export * from './access/index.js';
export * from './cases/index.js';
export * from './money/index.js';
export * from './policies/index.js';
