import type { z } from 'zod';
import { shapeIssues } from '../../domain/index.js';
import { validationFailed } from './errors.js';

/**
 * Checks the JSON shape of domain data given to a use case (a party, a profile, a shipment)
 * with the domain's own schema, so the API, the CLI and the importer accept exactly the same
 * things. Problems become located issues, never exceptions from zod.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string, base = ''): T {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw validationFailed(
    `${what}: the data has the wrong shape.`,
    shapeIssues(result.error.issues, base),
  );
}
