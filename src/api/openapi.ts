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
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
