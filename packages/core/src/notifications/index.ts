export * from './notice-templates.js';
