/**
 * updateAlertSettings(deps, actor, { dispatcherEmails?, emailBrokers?, emailDrivers? }) →
 * AlertSettingsView — admin: the addresses e-mailed on every filing event (checked,
 * lower-cased, duplicates dropped), whether the shipment's broker is e-mailed too (its e-mail
 * on the shipment, or the address book's broker with the same filer code), and whether the
 * trip's drivers are (the e-mail of the driver profile each matches: shared/driver-emails.ts).
 */
import { requireAdmin, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { InputChecks, isEmail } from '../shared/input-checks.js';
import type { AlertSettings } from '../shared/ports/index.js';
import { settingsView, type AlertSettingsView } from './get-alert-settings.js';

export interface UpdateAlertSettingsInput {
  readonly dispatcherEmails?: readonly string[] | undefined;
  readonly emailBrokers?: boolean | undefined;
  readonly emailDrivers?: boolean | undefined;
}

/** Each address is one e-mail per event: a list, not a mailing list. */
export const MAX_ALERT_RECIPIENTS = 20;

export async function updateAlertSettings(
  deps: AppDeps,
  actor: Actor,
  input: UpdateAlertSettingsInput,
): Promise<AlertSettingsView> {
  requireAdmin(actor);
  const checks = new InputChecks();
  const emails = (input.dispatcherEmails ?? []).map((e) => e.trim());
  emails.forEach((email, index) => {
    checks.check(
      isEmail(email),
      'ALERT_EMAIL_INVALID',
      `/dispatcherEmails/${index}`,
      'Give one e-mail address, name@example.com.',
    );
  });
  checks
    .check(
      emails.length <= MAX_ALERT_RECIPIENTS,
      'ALERT_RECIPIENTS_TOO_MANY',
      '/dispatcherEmails',
      `Give at most ${MAX_ALERT_RECIPIENTS} addresses.`,
    )
    .throwIfAny('Alert settings');
  return deps.store.transaction(async (repos) => {
    const before = await repos.alerts.settings(actor.companyId);
    const after: AlertSettings = {
      companyId: actor.companyId,
      dispatcherEmails:
        input.dispatcherEmails === undefined
          ? before.dispatcherEmails
          : [...new Set(emails.map((e) => e.toLowerCase()))],
      emailBrokers: input.emailBrokers ?? before.emailBrokers,
      emailDrivers: input.emailDrivers ?? before.emailDrivers,
      updatedAt: deps.clock.now().toISOString(),
    };
    await repos.alerts.putSettings(after);
    await recordChange(repos, deps, actor, {
      entityType: 'alert_settings',
      entityId: actor.companyId,
      action: 'update',
      before,
      after,
    });
    return settingsView(after, deps);
  });
}
