export {
  ALWAYS_OPEN,
  type BusinessCalendar,
  businessCalendar,
  defaultCalendarSpec,
  type OpenPeriod,
} from './business-calendar.js';
export {
  addBusinessDays,
  addBusinessMinutes,
  businessMinutesBetween,
  isOpenAt,
  SEARCH_HORIZON_DAYS,
} from './business-time.js';
export { type BusinessCalendarSpec, validateCalendarSpec, WEEKDAYS, type Weekday } from './calendar-spec.js';
export {
  type CaseClock,
  type ClockSetting,
  type ClockTrigger,
  earliestDue,
  planClocks,
} from './clock-plan.js';
export { expectedAfterBreach } from './expected-after-breach.js';
export {
  type ClockState,
  calendarFor,
  completeClock,
  pauseClock,
  remainingAt,
  resumeClock,
  type SlaClock,
  startClock,
  sweepClock,
} from './sla-clock.js';
export {
  DEFAULT_SLA_POLICY,
  ESCALATION_ACTIONS,
  type EscalationAction,
  escalationFor,
  ruleMatches,
  SLA_METRICS,
  type SlaMetric,
  type SlaPolicy,
  type SlaRule,
  type SlaSubject,
  type SlaTarget,
  selectTargets,
} from './sla-policy.js';
export { validateSlaPolicy } from './validate-sla-policy.js';
