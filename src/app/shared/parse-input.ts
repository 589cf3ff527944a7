import type { z } from 'zod';
import { pointer, type Issue } from '../../domain/index.js';
import { validationFailed } from './errors.js';

/**
 * Checks the JSON shape of domain data given to a use case (a party, a profile, a shipment)
 * with the domain's own schema, so the API, the CLI and the importer accept exactly the same
 * things. Problems become located issues, never exceptions from zod.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string, base = ''): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: Issue[] = result.error.issues.map((issue) => ({
    code: issue.code === 'unrecognized_keys' ? 'DOCUMENT_UNKNOWN_FIELD' : 'DOCUMENT_WRONG_TYPE',
    severity: 'error',
    path: base + pointer(...issue.path.map((token) => (typeof token === 'symbol' ? '' : token))),
    message: issue.message,
  }));
  throw validationFailed(`${what}: the data has the wrong shape.`, issues);
}
