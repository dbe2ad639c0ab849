export {
  assignCase,
  type CasePage,
  type CaseSummary,
  postCaseAction,
  useAgents,
} from './case-api';
export { isTyping, useShortcuts } from './keyboard';
export { ShortcutsHelp } from './ShortcutsHelp';
export { SlaCountdown, slaRisk } from './SlaCountdown';
export { useNow } from './use-now';
