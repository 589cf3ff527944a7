/**
 * Request validation with zod. fastify-type-provider-zod's own compiler joins path tokens with
 * "/" unescaped and speaks zod's vocabulary; ours reports the domain's issues (shapeIssues):
 * RFC 6901 pointers and the same codes and words the CLI and the importer use.
 */
import type {
  FastifySchemaCompiler,
  FastifySchemaValidationError,
  FastifySerializerCompiler,
} from 'fastify';
import type { z } from 'zod';
import { shapeIssues, type Issue } from '../domain/index.js';

function toValidationError(issue: Issue): FastifySchemaValidationError {
  return {
    keyword: issue.code,
    instancePath: issue.path,
    schemaPath: `#${issue.path}`,
    // problem.ts reads the issue back: the code and wording are the domain's (shapeIssues).
    params: { issue },
    message: issue.message,
  };
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data: unknown) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success
      ? { value: result.data }
      : { error: shapeIssues(result.error.issues).map(toValidationError) };
  };

/**
 * For routes whose use case checks the body itself (a whole manifest document, located issues):
 * checking it here as well would parse a 10,000-shipment document twice. The schema still
 * documents the body in OpenAPI.
 */
export function bodyCheckedByUseCase<S>(
  route: Parameters<FastifySchemaCompiler<S>>[0],
): ReturnType<FastifySchemaCompiler<S>> {
  if (route.httpPart === 'body') return (data: unknown) => ({ value: data });
  // Fastify types a route's compiler with the route's schema object; each part is a zod type.
  return validatorCompiler(route as unknown as Parameters<FastifySchemaCompiler<z.ZodType>>[0]);
}

/**
 * A route's serializer that checks the answer of one status against `schema` instead of the
 * documented one: for large answers whose nested data the use case has just parsed.
 */
export function serializeStatusWith<S>(status: string, schema: z.ZodType) {
  return (route: Parameters<FastifySerializerCompiler<S>>[0]): ((data: unknown) => string) =>
    route.httpStatus === status
      ? (data) => JSON.stringify(schema.parse(data))
      : serializerCompiler(route as unknown as Parameters<FastifySerializerCompiler<z.ZodType>>[0]);
}

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
