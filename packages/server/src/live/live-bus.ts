import { EventEmitter } from 'node:events';
import type { MessageView } from '@afterdesk/contract';

/** Something that changed and that open consoles and chat widgets should see at once. */
export type LiveUpdate =
  | { type: 'message'; tenantId: string; caseId: string; customerId: string; message: MessageView }
  | {
      type: 'case';
      tenantId: string;
      caseId: string;
      customerId: string;
      /** The event type, e.g. case.solved, case.assigned, sla.breached. */
      event: string;
      status: string;
      version: number;
    };

/**
 * Fan-out of live updates to the web sockets of this process. Updates are published
 * after the transaction that made them commits, so a listener never sees what was rolled
 * back; a client that missed some resumes from the database (messages after its last seq).
 */
export interface LiveBus {
  publish(update: LiveUpdate): void;
  /** Calls `listener` for every update of the tenant; returns the unsubscribe function. */
  subscribe(tenantId: string, listener: (update: LiveUpdate) => void): () => void;
}

/** The bus of one process. */
export function inProcessBus(): LiveBus {
  const emitter = new EventEmitter();
  // One listener per open socket; thousands of agents are normal, not a leak.
  emitter.setMaxListeners(0);
  return {
    publish: (update) => {
      emitter.emit(update.tenantId, update);
    },
    subscribe: (tenantId, listener) => {
      emitter.on(tenantId, listener);
      return () => emitter.off(tenantId, listener);
    },
  };
}
