/** deleteTemplate(deps, actor, { templateId }) — dispatcher; another company's: NOT_FOUND. */
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { notFound } from '../shared/errors.js';

export async function deleteTemplate(
  deps: AppDeps,
  actor: Actor,
  input: { readonly templateId: string },
): Promise<void> {
  requireEditor(actor);
  await deps.store.transaction(async (repos) => {
    const before = await repos.templates.findById(actor.companyId, input.templateId);
    if (before === undefined || !(await repos.templates.delete(actor.companyId, before.id))) {
      throw notFound('Template');
    }
    await recordChange(repos, deps, actor, {
      entityType: 'template',
      entityId: before.id,
      action: 'delete',
      before,
    });
  });
}
