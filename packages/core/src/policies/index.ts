export {
  type Decision,
  type DecisionItem,
  type Fee,
  type PolicyInput,
  type PolicyOrderLine,
  type RequestedItem,
  RULE_IDS,
  type RuleId,
  type TraceEntry,
} from './decision.js';
export { DEFAULT_REASON_CODES, type DefaultReasonCode, defaultPolicy } from './default-policy.js';
export { evaluatePolicy } from './evaluate-policy.js';
export { type FirstScanFacts, type FirstScanVerdict, firstScanRefund } from './first-scan-refund.js';
export { type Language, type Messages, messagesFor, resolveLanguage } from './messages.js';
export {
  COMPENSATION_RULES,
  CONDITIONS,
  type CompensationRule,
  type Condition,
  FirstScanRefundRule,
  PolicyDocument,
  ReasonDefinition,
  ReturnlessRule,
  ShippingRule,
} from './policy.schema.js';
export {
  daysSinceDelivery,
  isWithinWindow,
  localDay,
  returnDeadline,
  shipBackDeadline,
} from './return-window.js';
export { type PolicyFieldError, type PolicyValidation, validatePolicy } from './validate-policy.js';
