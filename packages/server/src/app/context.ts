import type { PrincipalKind } from '@afterdesk/core';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/scope.js';
import type { FileStorage } from '../files/index.js';
import type { LiveBus } from '../live/live-bus.js';
import type { TriageModelSource } from './triage/triage-models.js';

/** What every use case may reach: the database, files, the clock and randomness. Nothing global. */
export interface Services {
  db: Db;
  files: FileStorage;
  config: Config;
  log: Logger;
  clock: () => Date;
  randomBytes: (size: number) => Uint8Array;
  /** Live updates to open consoles and chat widgets. */
  live: LiveBus;
  /** The models every inbound message is triaged with. */
  triage: TriageModelSource;
}

/** Who is asking. Every use case runs for exactly one tenant. */
export type Principal =
  | { kind: 'user'; tenantId: string; userId: string; role: PrincipalKind; name: string }
  | { kind: 'integration'; tenantId: string; apiKeyId: string }
  | { kind: 'customer'; tenantId: string; customerId: string };

export interface Ctx extends Services {
  principal: Principal;
}

export function principalKind(principal: Principal): PrincipalKind {
  if (principal.kind === 'user') return principal.role;
  return principal.kind;
}

/** The actor recorded on events and transitions. */
export function actorOf(principal: Principal): { type: 'customer' | 'agent' | 'integration'; id: string } {
  switch (principal.kind) {
    case 'user':
      return { type: 'agent', id: principal.userId };
    case 'integration':
      return { type: 'integration', id: principal.apiKeyId };
    case 'customer':
      return { type: 'customer', id: principal.customerId };
  }
}
