export {
  planRefund,
  type RefundAnomaly,
  type RefundablePayment,
  type RefundPart,
  type RefundPlan,
  type RefundPlanInput,
} from './refund-plan.js';
export { nextRefundAttempt, REFUND_RETRY, type RefundRetryPolicy } from './refund-retry.js';
