import { HelpDeskSettingsPatch } from '@afterdesk/contract';
import { readSetting, SETTING_KEYS, writeSetting } from '../../db/repositories/settings.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { schemaErrors } from '../field-errors.js';
import { recordChange } from '../record-change.js';
import { type HelpDeskSettings, loadHelpDeskSettings } from './help-desk-settings.js';

/** Changes the settings named in `patch`; the others keep their stored or default values. */
export async function updateHelpDeskSettings(ctx: Ctx, patch: HelpDeskSettingsPatch) {
  requirePermission(ctx, 'helpdesk:manage');
  const errors = schemaErrors(HelpDeskSettingsPatch, patch);
  if (errors.length > 0) throw invalid('The help-desk settings are not valid.', errors);
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    const stored = (await readSetting<Partial<HelpDeskSettings>>(tx, SETTING_KEYS.helpDesk)) ?? {};
    const change = { ...patch };
    // Links are built by appending paths, so a trailing slash would double up.
    if (typeof change.publicBaseUrl === 'string')
      change.publicBaseUrl = change.publicBaseUrl.replace(/\/+$/, '');
    await writeSetting(tx, tenantId, SETTING_KEYS.helpDesk, { ...stored, ...change });
    await recordChange(tx, ctx, {
      stream: 'settings',
      streamId: tenantId,
      type: 'help_desk_settings.updated',
      data: { changed: Object.keys(change) },
    });
    return loadHelpDeskSettings(tx);
  });
}
