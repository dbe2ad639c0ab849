import { ensureContractFormats, MessageInput, type MessageView } from '@afterdesk/contract';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FieldError } from '../app/errors.js';
import { structureProblem } from '../app/json-structure.js';

// The frames of GET /api/v1/live, described in docs/live-protocol.md. Client frames are
// checked here with TypeBox; what the server sends is typed only, as it builds them itself.

ensureContractFormats();

const CaseId = Type.String({ format: 'uuid' });
const Tenant = Type.Literal('tenant');

const SubscribeCase = Type.Object(
  {
    type: Type.Literal('subscribe'),
    caseId: CaseId,
    after: Type.Optional(Type.Integer({ minimum: 0, description: 'The last seq the client has' })),
  },
  { additionalProperties: false },
);
const SubscribeTenant = Type.Object(
  { type: Type.Literal('subscribe'), scope: Tenant },
  { additionalProperties: false },
);
const UnsubscribeCase = Type.Object(
  { type: Type.Literal('unsubscribe'), caseId: CaseId },
  { additionalProperties: false },
);
const UnsubscribeTenant = Type.Object(
  { type: Type.Literal('unsubscribe'), scope: Tenant },
  { additionalProperties: false },
);
// A chat message: the fields of POST /cases/:id/messages except the channel, which is chat,
// and with the client's id required, since the acknowledgement is matched by it.
const Send = Type.Composite(
  [
    Type.Object({ type: Type.Literal('send'), caseId: CaseId }),
    Type.Required(Type.Pick(MessageInput, ['clientMessageId'])),
    Type.Omit(MessageInput, ['channel', 'clientMessageId']),
  ],
  { additionalProperties: false },
);
const Ping = Type.Object({ type: Type.Literal('ping') }, { additionalProperties: false });

// A frame with a `scope` is about the whole tenant, one without is about a case.
const CLIENT_FRAMES = {
  subscribe: (frame: { scope?: unknown }) => (frame.scope === undefined ? SubscribeCase : SubscribeTenant),
  unsubscribe: (frame: { scope?: unknown }) =>
    frame.scope === undefined ? UnsubscribeCase : UnsubscribeTenant,
  send: () => Send,
  ping: () => Ping,
} as const;

export type ClientFrame =
  | Static<typeof SubscribeCase>
  | Static<typeof SubscribeTenant>
  | Static<typeof UnsubscribeCase>
  | Static<typeof UnsubscribeTenant>
  | Static<typeof Send>
  | Static<typeof Ping>;
export type SendFrame = Static<typeof Send>;

export type ServerFrame =
  | { type: 'message'; caseId: string; message: MessageView }
  | { type: 'case'; caseId: string; event?: string; status: string; version: number }
  | { type: 'subscribed'; caseId: string; seq: number }
  | { type: 'subscribed'; scope: 'tenant' }
  | { type: 'unsubscribed'; caseId: string }
  | { type: 'unsubscribed'; scope: 'tenant' }
  | {
      type: 'ack';
      clientMessageId: string;
      /** The case that holds the message: a follow-up case when the customer wrote on a closed one. */
      caseId: string;
      messageId: string;
      seq: number;
      duplicate: boolean;
      warnings: unknown[];
    }
  | ErrorFrame
  | { type: 'pong' };

export interface ErrorFrame {
  type: 'error';
  code: string;
  detail: string;
  /** The clientMessageId of the send frame that failed. */
  ref?: string;
  /** The case of the subscribe or send frame that failed. */
  caseId?: string;
  errors?: FieldError[];
}

/** Reads one text frame: a valid client frame, or the error frame to answer with. */
export function parseClientFrame(
  text: string,
): { ok: true; frame: ClientFrame } | { ok: false; error: ErrorFrame } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return badFrame('The frame is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return badFrame('A frame is a JSON object with a "type".');
  }
  const problem = structureProblem(value);
  if (problem) return badFrame(problem);
  const type = (value as { type?: unknown }).type;
  const schemaOf =
    typeof type === 'string' && Object.hasOwn(CLIENT_FRAMES, type)
      ? CLIENT_FRAMES[type as keyof typeof CLIENT_FRAMES]
      : undefined;
  if (!schemaOf) {
    return badFrame(
      `Unknown frame type ${JSON.stringify(type)}; one of: ${Object.keys(CLIENT_FRAMES).join(', ')}.`,
    );
  }
  const schema = schemaOf(value);
  if (Value.Check(schema, value)) return { ok: true, frame: value as ClientFrame };
  const frame = value as { clientMessageId?: unknown; caseId?: unknown };
  return {
    ok: false,
    error: {
      type: 'error',
      code: 'validation_failed',
      detail: `The ${type} frame is not valid.`,
      ...(typeof frame.clientMessageId === 'string' ? { ref: frame.clientMessageId } : {}),
      ...(typeof frame.caseId === 'string' ? { caseId: frame.caseId } : {}),
      errors: fieldErrors(schema, value),
    },
  };
}

function fieldErrors(schema: Parameters<typeof Value.Errors>[0], value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const error of Value.Errors(schema, value)) {
    if (errors.length === 10) break;
    errors.push({ field: error.path || '/', message: error.message });
  }
  return errors;
}

const badFrame = (detail: string) => ({
  ok: false as const,
  error: { type: 'error' as const, code: 'bad_frame', detail },
});
