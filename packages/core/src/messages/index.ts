export { type AutomatedEmail, classifyAutomatedEmail, type MailHeaders } from './automated-email.js';
export { caseTokenOf, replySubject, subjectWithToken } from './subject.js';
export { type TrimmedReply, trimQuotedReply } from './trim-quoted-reply.js';
