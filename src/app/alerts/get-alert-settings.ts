/**
 * getAlertSettings(deps, actor) → AlertSettingsView — any role: who is e-mailed on filing
 * events, and whether this service can send e-mail at all (without SMTP no e-mail alert is
 * queued; webhooks still are).
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import type { AlertSettings } from '../shared/ports/index.js';

export interface AlertSettingsView {
  readonly dispatcherEmails: readonly string[];
  readonly emailBrokers: boolean;
  readonly emailDrivers: boolean;
  /** False when the service has no mail server (SMTP_URL): e-mail alerts are not queued. */
  readonly emailEnabled: boolean;
  readonly updatedAt: string | null;
}

export const settingsView = (
  settings: AlertSettings,
  deps: Pick<AppDeps, 'mailer'>,
): AlertSettingsView => ({
  dispatcherEmails: settings.dispatcherEmails,
  emailBrokers: settings.emailBrokers,
  emailDrivers: settings.emailDrivers,
  emailEnabled: deps.mailer !== undefined,
  updatedAt: settings.updatedAt,
});

export async function getAlertSettings(deps: AppDeps, actor: Actor): Promise<AlertSettingsView> {
  const settings = await deps.store.transaction((repos) => repos.alerts.settings(actor.companyId), {
    readOnly: true,
  });
  return settingsView(settings, deps);
}
