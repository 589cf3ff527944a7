/**
 * listTemplates(deps, actor) → TemplateRecord[] (any role).
 * deleteTemplate(deps, actor, { templateId }) — dispatcher.
 */
import { requireEditor, type Actor } from './actor.js';
import { recordChange } from './audit.js';
import type { AppDeps } from './deps.js';
import { notFound } from './errors.js';
import type { TemplateRecord } from './records.js';

export async function listTemplates(
  deps: AppDeps,
  actor: Actor,
): Promise<readonly TemplateRecord[]> {
  return deps.store.transaction((repos) => repos.templates.list(actor.companyId));
}

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
