import type { MessageView } from '@afterdesk/contract';

export type LiveFrame =
  | { type: 'message'; caseId: string; message: MessageView }
  | { type: 'case'; caseId: string; event?: string; status: string; version: number }
  | {
      type: 'ack';
      clientMessageId: string;
      caseId: string;
      messageId: string;
      seq: number;
      duplicate: boolean;
    }
  | { type: 'error'; code: string; detail: string; ref?: string; caseId?: string }
  | { type: 'subscribed' | 'unsubscribed' | 'pong'; caseId?: string; scope?: string; seq?: number };

type Listener = (frame: LiveFrame) => void;

/**
 * The live socket (docs/live-protocol.md), kept open: it reconnects with back-off, follows
 * every case again from the last seq it saw, and resends chat messages that got no ack, so
 * nothing is lost or shown twice across a dropped connection.
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly lastSeq = new Map<string, number>();
  private readonly unacked = new Map<string, Record<string, unknown>>();
  private tenantScope = false;
  private attempts = 0;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly token: string | null = null) {
    this.open();
  }

  /** Every frame, to whoever listens; answers the function that stops listening. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Follows a case's messages after `after` (and everything new). */
  follow(caseId: string, after = 0): void {
    this.lastSeq.set(caseId, Math.max(after, this.lastSeq.get(caseId) ?? 0));
    this.write({ type: 'subscribe', caseId, after: this.lastSeq.get(caseId) });
  }

  unfollow(caseId: string): void {
    this.lastSeq.delete(caseId);
    this.write({ type: 'unsubscribe', caseId });
  }

  /** Staff only: every case update of the tenant (lists, dashboards). */
  followTenant(): void {
    this.tenantScope = true;
    this.write({ type: 'subscribe', scope: 'tenant' });
  }

  /** Sends a chat message; it is resent after a reconnect until the server acknowledges it. */
  send(caseId: string, body: string, extra: Record<string, unknown> = {}): string {
    const clientMessageId = `web-${crypto.randomUUID()}`;
    const frame = { type: 'send', caseId, clientMessageId, body, ...extra };
    this.unacked.set(clientMessageId, frame);
    this.write(frame);
    return clientMessageId;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.socket?.close();
  }

  private open() {
    const url = new URL('/api/v1/live', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.token) url.searchParams.set('token', this.token);
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      if (this.tenantScope) this.write({ type: 'subscribe', scope: 'tenant' });
      for (const [caseId, after] of this.lastSeq) this.write({ type: 'subscribe', caseId, after });
      for (const frame of this.unacked.values()) this.write(frame);
    };
    socket.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as LiveFrame;
      if (frame.type === 'message') {
        const seen = this.lastSeq.get(frame.caseId) ?? 0;
        if (frame.message.seq <= seen) return;
        this.lastSeq.set(frame.caseId, frame.message.seq);
      }
      if (frame.type === 'ack' || (frame.type === 'error' && frame.ref)) {
        this.unacked.delete(frame.type === 'ack' ? frame.clientMessageId : (frame.ref as string));
      }
      for (const listener of this.listeners) listener(frame);
    };
    socket.onclose = (event) => {
      if (this.closed || event.code === 4401) return;
      this.attempts += 1;
      this.timer = setTimeout(() => this.open(), Math.min(30_000, 500 * 2 ** this.attempts));
    };
  }

  private write(frame: Record<string, unknown>) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }
}
