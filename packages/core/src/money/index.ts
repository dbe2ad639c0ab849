export { allocateProportionally, unitRangeMinor } from './allocate.js';
export { currencyExponent, formatMinor } from './format.js';
export {
  allocateShipping,
  lineNetMinor,
  type PricedLine,
  refundableGoodsMinor,
  refundableShippingMinor,
} from './lines.js';
