import {
  DEFAULT_FORBIDDEN_PHRASES,
  DEFAULT_SLA_POLICY,
  DEFAULT_VIP_RULE,
  type ForbiddenPhrase,
  type SlaPolicy,
  type VipRule,
} from '@afterdesk/core';
import { readSetting, SETTING_KEYS } from '../../db/repositories/settings.repository.js';
import type { Tx } from '../../db/scope.js';

/** How the help desk behaves for one tenant, beyond its service levels. */
export interface HelpDeskSettings {
  /** A customer's reply within this many days reopens a solved case; a later one opens a new linked case. */
  reopenDays: number;
  /** Send a satisfaction survey when a case is solved. */
  surveyOnSolve: boolean;
  /** Who counts as a VIP (dedicated agent, raised priority). */
  vipRule: VipRule;
  /** Tell a customer who writes in that the message arrived and when to expect an answer. */
  autoAcknowledge: boolean;
  /** The portal's address for links in mails; null: the server's own. */
  publicBaseUrl: string | null;
  /** Answer common questions at once from live data and the knowledge base. */
  selfService: { enabled: boolean; minConfidence: number };
  /** Business days a refund takes to reach the customer. */
  refundBusinessDays: number;
}

export const DEFAULT_HELP_DESK_SETTINGS: HelpDeskSettings = {
  reopenDays: 7,
  surveyOnSolve: true,
  vipRule: DEFAULT_VIP_RULE,
  autoAcknowledge: true,
  publicBaseUrl: null,
  selfService: { enabled: true, minConfidence: 0.6 },
  refundBusinessDays: 5,
};

// Loaders for code already inside a tenant transaction (routing, clocks, replies). A
// tenant that stored nothing gets the core's defaults.

/** The tenant's SLA policy, or the core's default. */
export async function loadSlaPolicy(tx: Tx): Promise<SlaPolicy> {
  return (await readSetting<SlaPolicy>(tx, SETTING_KEYS.slaPolicy)) ?? DEFAULT_SLA_POLICY;
}

/** The tenant's forbidden phrases, or the built-in list. */
export async function loadForbiddenPhrases(tx: Tx): Promise<ForbiddenPhrase[]> {
  return (
    (await readSetting<ForbiddenPhrase[]>(tx, SETTING_KEYS.forbiddenPhrases)) ?? [
      ...DEFAULT_FORBIDDEN_PHRASES,
    ]
  );
}

/**
 * The tenant's settings: what it stored over the defaults. Only changed settings are
 * stored, so a default improved later reaches every tenant that never touched it.
 */
export async function loadHelpDeskSettings(tx: Tx): Promise<HelpDeskSettings> {
  const stored = await readSetting<Partial<HelpDeskSettings>>(tx, SETTING_KEYS.helpDesk);
  return { ...DEFAULT_HELP_DESK_SETTINGS, ...stored };
}
