export * from './auth.js';
export * from './cases.js';
export * from './common.js';
export * from './formats.js';
export * from './orders.js';
