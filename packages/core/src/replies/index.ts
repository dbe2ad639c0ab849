export { checkReply, type ReplyCheck, type ReplyFinding } from './check-reply.js';
export { DEFAULT_FORBIDDEN_PHRASES, type ForbiddenPhrase, type PhraseSeverity } from './forbidden-phrases.js';
export { chooseLanguage } from './language.js';
export {
  type Macro,
  type MacroVariant,
  type RenderedMacro,
  type ReplyVariables,
  renderMacro,
} from './macro.js';
