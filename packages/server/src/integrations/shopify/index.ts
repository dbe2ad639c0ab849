export { parseShopifyJson } from './shopify-json.js';
export {
  type ShopifyFulfillment,
  type ShopifyOrder,
  shopifyFulfillmentToShipment,
  shopifyOrderToInput,
} from './shopify-order.js';
export { signShopifyBody, verifyShopifySignature } from './signature.js';
