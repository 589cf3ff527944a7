/** Everything under /api/v1: credentials are resolved (and CSRF checked) for each route here. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { installAuthentication } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { apiTokenRoutes } from './api-tokens.route.js';
import { codeListRoutes } from './code-lists.route.js';
import { companyRoutes } from './company.route.js';
import { documentRoutes } from './documents.route.js';
import { filingRoutes } from './filing.route.js';
import { membershipRoutes } from './memberships.route.js';
import { partyRoutes } from './parties.route.js';
import { profileRoutes } from './profiles.route.js';
import { sessionRoutes } from './session.route.js';
import { shipmentRoutes } from './shipments.route.js';
import { templateRoutes } from './templates.route.js';
import { tripRoutes } from './trips.route.js';
import { userRoutes } from './users.route.js';
import { validateRoutes } from './validate.route.js';

export const v1Routes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  installAuthentication(app, deps);
  await app.register(validateRoutes, { deps });
  await app.register(codeListRoutes);
  await app.register(sessionRoutes, { deps });
  await app.register(companyRoutes, { deps });
  await app.register(userRoutes, { deps });
  await app.register(membershipRoutes, { deps });
  await app.register(apiTokenRoutes, { deps });
  await app.register(partyRoutes, { deps });
  await app.register(profileRoutes, { deps });
  await app.register(tripRoutes, { deps });
  await app.register(shipmentRoutes, { deps });
  await app.register(templateRoutes, { deps });
  await app.register(documentRoutes, { deps });
  await app.register(filingRoutes, { deps });
};
