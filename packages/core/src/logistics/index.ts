export * from './shipment-state.js';
export * from './shipping-notices.js';
