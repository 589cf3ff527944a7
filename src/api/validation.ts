/**
 * Request validation with zod. fastify-type-provider-zod's own compiler joins path tokens with
 * "/" unescaped, so a key like "a/b" would point at the wrong field; ours builds RFC 6901
 * pointers with the domain's helper, like every other issue in the system.
 */
import type {
  FastifySchemaCompiler,
  FastifySchemaValidationError,
  FastifySerializerCompiler,
} from 'fastify';
import type { z } from 'zod';
import { pointer } from '../domain/index.js';

function toValidationError(issue: z.core.$ZodIssue): FastifySchemaValidationError {
  const path = pointer(...issue.path.map((token) => (typeof token === 'symbol' ? '' : token)));
  return {
    keyword: issue.code,
    instancePath: path,
    schemaPath: `#${path}`,
    params: {},
    message: issue.message,
  };
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data: unknown) => {
    const result = schema.safeParse(data);
    return result.success
      ? { value: result.data }
      : { error: result.error.issues.map(toValidationError) };
  };

/**
 * Responses are checked with `parse`, not zod's `encode` (what the type provider's serializer
 * uses): the domain schemas drop the commercial API's transport fields in a preprocess step,
 * a one-way transform that `encode` refuses. Parsing strips fields a schema does not list, so
 * nothing internal (company ids, hashes) leaks by accident, and a response that breaks its
 * declared schema is a 500 in tests rather than a silent contract change.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> =
  ({ schema, method, url }) =>
  (data: unknown) => {
    const result = schema.safeParse(data);
    if (!result.success) {
      throw new Error(`Response of ${method} ${url} does not match its schema`, {
        cause: result.error,
      });
    }
    return JSON.stringify(result.data);
  };
