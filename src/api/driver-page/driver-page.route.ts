/**
 * The driver's page, outside /api/v1 and without credentials: `GET /driver/{token}` answers a
 * phone-sized HTML page, `GET /driver/{token}/lead-sheet.pdf` the lead sheet; the signed token
 * is the only authorisation (src/app/driver-links). A forged token is 404, an expired or
 * withdrawn one 410, each with a page that says so plainly, never a problem document or a 500.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openDriverPage, renderDriverLeadSheet, type DriverPageRefusal } from '../../app/index.js';
import type { ApiDeps } from '../deps.js';
import { paperworkDeps, sendPdf } from '../routes/paperwork.route.js';
import { driverPageHtml, driverRefusalHtml } from './driver-page-html.js';

/** No script, nothing from elsewhere; the token never leaks through a Referer header. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
} as const;

// No length limit of its own: whatever the router lets through gets the "not valid" page from
// the token check, not a problem document a phone would show as raw JSON.
const tokenParams = z.object({ token: z.string() });

function refuse(reply: FastifyReply, reason: DriverPageRefusal) {
  return reply
    .code(reason === 'invalid' ? 404 : 410)
    .headers(PAGE_HEADERS)
    .type('text/html; charset=utf-8')
    .send(driverRefusalHtml(reason));
}

export const driverPageRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (
  app,
  { deps },
  done,
) => {
  app.get(
    '/driver/:token',
    { schema: { hide: true, params: tokenParams } },
    async (request, reply) => {
      const page = await openDriverPage(deps.app, { token: request.params.token });
      if (!page.ok) return refuse(reply, page.reason);
      const href = `${encodeURIComponent(request.params.token)}/lead-sheet.pdf`;
      return reply
        .headers(PAGE_HEADERS)
        .type('text/html; charset=utf-8')
        .send(driverPageHtml(page, `/driver/${href}`));
    },
  );

  app.get(
    '/driver/:token/lead-sheet.pdf',
    { schema: { hide: true, params: tokenParams } },
    async (request, reply) => {
      const sheet = await renderDriverLeadSheet(await paperworkDeps(deps), {
        token: request.params.token,
      });
      if (!sheet.ok) return refuse(reply, sheet.reason);
      return sendPdf(reply.headers({ 'referrer-policy': 'no-referrer' }), sheet, 'attachment');
    },
  );

  done();
};
