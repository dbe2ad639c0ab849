import type { MessageView } from '@afterdesk/contract';
import { can } from '@afterdesk/core';
import { type Ctx, principalKind } from '../app/context.js';
import { listMessages } from '../app/conversations/list-messages.js';
import { forCustomer } from '../app/conversations/message-view.js';
import { postMessage } from '../app/conversations/post-message.js';
import { toProblem } from '../http/problem.js';
import type { LiveUpdate } from './live-bus.js';
import type { ClientFrame, ErrorFrame, SendFrame, ServerFrame } from './live-frames.js';
import { parseClientFrame } from './live-frames.js';

const PAGE = 500;
/** Case subscriptions plus the tenant scope, per socket. */
export const MAX_SUBSCRIPTIONS = 100;
// Frames are handled one after the other; a client that sends faster than that is told so.
// A console that reopens with all its subscriptions at once stays well inside.
const MAX_QUEUED_FRAMES = 2 * MAX_SUBSCRIPTIONS;

interface CaseSubscription {
  caseId: string;
  /** The highest seq sent to the client. */
  lastSeq: number;
  /** Set once the first read proved the principal may see the case. */
  confirmed: boolean;
  /** While the database is read, live messages wait here. */
  catchingUp: boolean;
  buffer: MessageView[];
  closed: boolean;
}

/** One open socket's protocol: its subscriptions and its frames, whatever carries them. */
export interface LiveSession {
  /** Handles one text frame from the client. */
  receive(text: string): void;
  /** Ends every subscription; the socket has closed. */
  close(): void;
}

/**
 * Serves one authenticated client. A case subscription sends the stored messages after
 * the client's last seq, then the live ones, strictly in seq order and each once: live
 * messages that arrive while the database is read are held back, and one that skips a
 * number (a note the customer may not see, a refused duplicate, or two writers whose
 * publications crossed) makes it read the database again rather than guess.
 */
export function openLiveSession(ctx: Ctx, send: (frame: ServerFrame) => void): LiveSession {
  const { principal } = ctx;
  const cases = new Map<string, CaseSubscription>();
  let tenantScope = false;
  let closed = false;
  let queue: Promise<void> = Promise.resolve();
  let queued = 0;

  const fail = (error: unknown, about: Pick<ErrorFrame, 'ref' | 'caseId'> = {}) => {
    const problem = toProblem(error);
    if (problem.status >= 500) ctx.log.error({ err: error }, 'live frame failed');
    send({
      type: 'error',
      code: problem.code,
      detail: problem.detail,
      ...about,
      ...(problem.errors ? { errors: problem.errors } : {}),
    });
  };

  function deliver(sub: CaseSubscription, message: MessageView) {
    if (message.seq <= sub.lastSeq) return;
    sub.lastSeq = message.seq;
    send({ type: 'message', caseId: sub.caseId, message });
  }

  async function catchUp(sub: CaseSubscription) {
    sub.catchingUp = true;
    try {
      for (;;) {
        const before = sub.lastSeq;
        let page: MessageView[];
        do {
          page = await listMessages(ctx, sub.caseId, { after: sub.lastSeq, limit: PAGE });
          if (sub.closed) return;
          sub.confirmed = true;
          for (const message of page) deliver(sub, message);
        } while (page.length === PAGE);
        const waiting = sub.buffer.filter((m) => m.seq > sub.lastSeq).sort((a, b) => a.seq - b.seq);
        sub.buffer = [];
        if (waiting.length === 0) return;
        // A held-back message was committed after the read began; read once more so that
        // what came between is not lost. If the read found nothing new, what is held back
        // is all there is (a message the database no longer shows this principal).
        if (sub.lastSeq === before) {
          for (const message of waiting) deliver(sub, message);
          return;
        }
        sub.buffer = waiting;
      }
    } finally {
      sub.catchingUp = false;
    }
  }

  function onLiveMessage(sub: CaseSubscription, message: MessageView) {
    if (sub.catchingUp) {
      sub.buffer.push(message);
    } else if (message.seq === sub.lastSeq + 1) {
      deliver(sub, message);
    } else if (message.seq > sub.lastSeq) {
      sub.buffer.push(message);
      catchUp(sub).catch((error) => fail(error, { caseId: sub.caseId }));
    }
  }

  function onUpdate(heard: LiveUpdate) {
    if (closed || heard.tenantId !== principal.tenantId) return;
    let update = heard;
    if (principal.kind === 'customer') {
      if (update.customerId !== principal.customerId) return;
      if (update.type === 'message' && update.message.direction === 'note') return;
      if (update.type === 'message') update = { ...update, message: forCustomer(update.message) };
    }
    const sub = cases.get(update.caseId);
    // Once per socket: through the case subscription if there is one, else the tenant's.
    if (update.type === 'message') {
      if (sub) onLiveMessage(sub, update.message);
      else if (tenantScope) send({ type: 'message', caseId: update.caseId, message: update.message });
      return;
    }
    if (!(sub?.confirmed || tenantScope)) return;
    const { caseId, event, status, version } = update;
    // Customers learn that their case moved, not which internal step moved it.
    send(
      principal.kind === 'customer'
        ? { type: 'case', caseId, status, version }
        : { type: 'case', caseId, event, status, version },
    );
  }

  const unsubscribeBus = ctx.live.subscribe(principal.tenantId, onUpdate);

  function endCase(caseId: string) {
    const sub = cases.get(caseId);
    if (sub) sub.closed = true;
    cases.delete(caseId);
  }

  async function subscribeCase(caseId: string, after: number) {
    const previous = cases.get(caseId);
    if (!previous && cases.size + (tenantScope ? 1 : 0) >= MAX_SUBSCRIPTIONS) {
      return send(tooMany(caseId));
    }
    if (previous) previous.closed = true;
    const sub: CaseSubscription = {
      caseId,
      lastSeq: after,
      confirmed: false,
      catchingUp: true,
      buffer: [],
      closed: false,
    };
    // Registered before the first read, so nothing published meanwhile is missed.
    cases.set(caseId, sub);
    try {
      await catchUp(sub);
    } catch (error) {
      if (cases.get(caseId) === sub) endCase(caseId);
      return fail(error, { caseId });
    }
    if (!sub.closed) send({ type: 'subscribed', caseId, seq: sub.lastSeq });
  }

  function subscribeTenant() {
    if (principal.kind === 'customer' || !can(principalKind(principal), 'cases:read')) {
      return send({
        type: 'error',
        code: 'forbidden',
        detail: 'Only staff who may read cases follow the whole shop; customers follow their own cases.',
      });
    }
    if (!tenantScope && cases.size >= MAX_SUBSCRIPTIONS) return send(tooMany());
    tenantScope = true;
    send({ type: 'subscribed', scope: 'tenant' });
  }

  async function sendMessage(frame: SendFrame) {
    const { type: _type, caseId, ...input } = frame;
    try {
      const posted = await postMessage(ctx, caseId, { ...input, channel: 'chat' });
      send({
        type: 'ack',
        clientMessageId: frame.clientMessageId,
        caseId: posted.message.caseId,
        messageId: posted.message.id,
        seq: posted.message.seq,
        duplicate: posted.duplicate,
        warnings: posted.warnings,
      });
    } catch (error) {
      fail(error, { ref: frame.clientMessageId, caseId });
    }
  }

  async function handle(frame: ClientFrame) {
    if (closed) return;
    switch (frame.type) {
      case 'subscribe':
        return 'scope' in frame ? subscribeTenant() : subscribeCase(frame.caseId, frame.after ?? 0);
      case 'unsubscribe':
        if ('scope' in frame) {
          tenantScope = false;
          return send({ type: 'unsubscribed', scope: 'tenant' });
        }
        endCase(frame.caseId);
        return send({ type: 'unsubscribed', caseId: frame.caseId });
      case 'send':
        return sendMessage(frame);
      case 'ping':
        return send({ type: 'pong' });
    }
  }

  return {
    receive(text) {
      if (closed) return;
      const parsed = parseClientFrame(text);
      if (!parsed.ok) return send(parsed.error);
      // A heartbeat is answered at once, even behind a long backlog.
      if (parsed.frame.type === 'ping') return send({ type: 'pong' });
      if (queued >= MAX_QUEUED_FRAMES) {
        return send({ type: 'error', code: 'rate_limited', detail: 'Too many frames at once; send fewer.' });
      }
      const frame = parsed.frame;
      queued += 1;
      queue = queue
        .then(() => handle(frame))
        .catch((error) => fail(error))
        .finally(() => {
          queued -= 1;
        });
    },
    close() {
      closed = true;
      unsubscribeBus();
      for (const sub of cases.values()) sub.closed = true;
      cases.clear();
    },
  };
}

const tooMany = (caseId?: string): ErrorFrame => ({
  type: 'error',
  code: 'too_many_subscriptions',
  detail: `A socket holds at most ${MAX_SUBSCRIPTIONS} subscriptions; unsubscribe first.`,
  ...(caseId ? { caseId } : {}),
});
