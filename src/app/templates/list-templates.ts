/** listTemplates(deps, actor) → TemplateRecord[] (any role). */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import type { TemplateRecord } from '../shared/records.js';

export async function listTemplates(
  deps: AppDeps,
  actor: Actor,
): Promise<readonly TemplateRecord[]> {
  return deps.store.transaction((repos) => repos.templates.list(actor.companyId), {
    readOnly: true,
  });
}
