export {
  EmailSendError,
  type EmailSender,
  type OutgoingEmail,
  type SendResult,
  smtpSender,
} from './email-sender.js';
export {
  type EmailAddress,
  type InboundAttachment,
  type InboundEmail,
  type InboundEnvelope,
  logHash,
  parseEmail,
} from './inbound-email.js';
export { type SmtpReceiver, type SmtpReceiverOptions, startSmtpReceiver } from './smtp-receiver.js';
