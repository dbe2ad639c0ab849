export * from './inspection.js';
export * from './parcel-exceptions.js';
export * from './return-address.js';
export * from './return-parcel.js';
export * from './return-postage.js';
export * from './shipment-state.js';
export * from './shipping-notices.js';
