export type { AgentState, RoutingRequest } from './agent-state.js';
export {
  casePriority,
  PRIORITY_THRESHOLDS,
  type PriorityInputs,
  type PriorityReason,
  type PriorityThresholds,
} from './case-priority.js';
export { type RoutingCode, type RoutingReason, type RoutingResult, routeCase } from './route-case.js';
export { teamLeadOf } from './team-lead.js';
export { DEFAULT_VIP_RULE, isVip, type VipRule } from './vip.js';
