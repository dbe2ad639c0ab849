export * from './auth.js';
export * from './cases.js';
export * from './common.js';
export * from './conversations.js';
export * from './formats.js';
export * from './help-desk.js';
export * from './orders.js';
