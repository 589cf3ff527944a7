/**
 * The server's located issues (docs/api.md, Errors) shown under the field they name: the
 * messages of a refusal's issues at a JSON Pointer or under it, or undefined when none.
 */
import { ApiError } from './api-client';

export function problemsAt(error: Error | null, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.issues.filter((i) => i.path === path || i.path?.startsWith(`${path}/`));
  return found.length === 0 ? undefined : found.map((i) => i.message).join(' ');
}
