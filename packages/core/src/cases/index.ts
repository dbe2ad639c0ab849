export * from './case-action.js';
export * from './case-guards.js';
export * from './case-status.js';
export * from './kinds.js';
export * from './return-request.machine.js';
export * from './returns-code.js';
export * from './transition.js';
export * from './waybill-number.js';
