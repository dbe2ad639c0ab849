export { checkReply, type ReplyCheck, type ReplyFinding } from './check-reply.js';
export { DEFAULT_FORBIDDEN_PHRASES, type ForbiddenPhrase, type PhraseSeverity } from './forbidden-phrases.js';
export { findClosing, findGreeting, knowsCourtesy, type TextSpan } from './greetings.js';
export { chooseLanguage } from './language.js';
export {
  type Macro,
  type MacroVariant,
  type RenderedMacro,
  type ReplyVariables,
  renderMacro,
} from './macro.js';
export { PROMISE_KEPT_BY, promisesCaseAllows } from './promise-rules.js';
export { findPromises, type PromiseThing, type PromiseUnit, type ReplyPromise } from './promises.js';
export {
  type PromiseFacts,
  promisedBusinessDays,
  type ReplyReview,
  type ReviewFinding,
  type ReviewFindingKind,
  type ReviewReplyInput,
  reviewReply,
} from './review-reply.js';
