export {
  type CancellationPlan,
  type OrderChangeBlock,
  type OrderChangeKind,
  type OrderChangeVerdict,
  type OrderFulfilment,
  orderChangeVerdict,
  planCancellation,
  refundableOnPayments,
  unitsLeftToReturn,
} from './order-changes.js';
