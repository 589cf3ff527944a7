/**
 * OpenAPI 3 generated from the zod route schemas (one source for validation, types and docs),
 * served at /api/openapi.json, and Swagger UI at /api/docs from the package's own files: no CDN,
 * so the docs work on an air-gapped yard network and leak no traffic.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Api } from './types.js';

export async function registerOpenApi(app: Api): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ACE eManifest API',
        version: '1',
        description:
          'Trips, shipments and master data of a U.S.-bound highway carrier. Authentication, CSRF, versions (If-Match), pagination and errors: docs/api.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'emanifest_session' },
          // Sent with the session cookie on POST/PUT/PATCH/DELETE; in the docs page, paste the
          // csrfToken from the sign-in answer under "Authorize" to try writes.
          csrfToken: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description:
              'The csrfToken of POST/GET /api/v1/session; needed with the cookie for writes.',
          },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [], csrfToken: [] }, { apiToken: [] }],
    },
    transform: withoutNoContentBodies,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}

/**
 * The zod transform, and a 204 declared with no body (RFC 9110 §15.3.5): zod's JSON Schema of
 * `z.null()` for OpenAPI 3.0 is a nullable string, which @fastify/swagger would print as an
 * application/json body; `type: 'null'` is what it prints as none.
 */
const withoutNoContentBodies: typeof jsonSchemaTransform = (document) => {
  const transformed = jsonSchemaTransform(document);
  const response = (transformed.schema as { response?: Record<string, unknown> } | undefined)
    ?.response;
  const noContent = response?.['204'] as { description?: string } | undefined;
  if (response !== undefined && noContent !== undefined) {
    response['204'] = { type: 'null', description: noContent.description ?? 'No content.' };
  }
  return transformed;
};
