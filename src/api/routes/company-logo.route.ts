/**
 * The company's logo, printed on its lead sheets: read (any role), replace and remove (admin).
 * The picture is the raw request body (any image/* type or application/octet-stream); its
 * format is read from its bytes by the use case, so a mislabelled file gets a located issue.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getCompanyLogo, removeCompanyLogo, setCompanyLogo } from '../../app/index.js';
import { MAX_LOGO_BYTES } from '../../documents/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { HttpProblem } from '../problem.js';
import { responses } from '../schemas/responses.js';
import { bodyCheckedByUseCase } from '../validation.js';

/** Bodies past the use case's limit still get its located issue, up to this much; then 413. */
const LOGO_BODY_LIMIT = 4 * MAX_LOGO_BYTES;

/**
 * The request body's bytes. A class with a private field: hooks that walk a body's fields
 * (control characters) see none, instead of half a million numbered bytes.
 */
class LogoBody {
  readonly #bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }
  get bytes(): Uint8Array {
    return this.#bytes;
  }
}

const logoFactsSchema = z.object({
  mediaType: z.enum(['image/png', 'image/jpeg']),
  width: z.number().int().describe('Pixels, read from the picture.'),
  height: z.number().int(),
  byteLength: z.number().int(),
  updatedAt: z.string(),
});

const picture = z.file().meta({ format: 'binary' });

const logoResponse = {
  description: 'The logo as uploaded (PNG or JPEG).',
  content: { 'image/png': { schema: picture }, 'image/jpeg': { schema: picture } },
};

export const companyLogoRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (
  app,
  { deps },
  done,
) => {
  // Encapsulated here: only these routes take a picture as the body. Any image type is read,
  // so a GIF or WebP gets the use case's located COMPANY_LOGO_TYPE rather than a bare 415.
  const parseLogo = (
    _request: unknown,
    body: Buffer | string,
    parsed: (error: null, value: LogoBody) => void,
  ) => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
    parsed(null, new LogoBody(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  };
  for (const type of [/^image\/[\w.+-]+/, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: LOGO_BODY_LIMIT }, parseLogo);
  }

  app.get(
    '/company/logo',
    {
      schema: {
        tags: ['company'],
        summary: "The company's logo, as printed on its lead sheets",
        description: 'No logo set: 404.',
        response: responses({ 200: logoResponse as unknown as z.ZodType }),
      },
    },
    async (request, reply) => {
      const logo = await getCompanyLogo(deps.app, actorOf(request));
      return reply
        .type(logo.mediaType)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(logo.bytes.buffer, logo.bytes.byteOffset, logo.bytes.byteLength));
    },
  );

  app.put(
    '/company/logo',
    {
      schema: {
        tags: ['company'],
        summary: 'Set or replace the company logo (admin)',
        description: `The picture is the body: PNG or JPEG, at most ${MAX_LOGO_BYTES / 1024} KiB and 4,000 pixels a side, checked by its bytes. Anything else is 422 with a COMPANY_LOGO_TYPE, COMPANY_LOGO_TOO_LARGE, COMPANY_LOGO_DIMENSIONS or COMPANY_LOGO_UNREADABLE issue; the stored logo is kept. Every lead sheet of the company's trips carries it from then on.`,
        body: picture,
        consumes: ['image/png', 'image/jpeg', 'application/octet-stream'],
        response: responses({ 200: logoFactsSchema }),
      },
      validatorCompiler: bodyCheckedByUseCase,
    },
    async (request) => {
      const body = request.body as unknown;
      if (!(body instanceof LogoBody)) {
        throw new HttpProblem(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the picture itself as the body, with Content-Type image/png or image/jpeg.',
        );
      }
      return setCompanyLogo(deps.app, actorOf(request), { bytes: body.bytes });
    },
  );

  app.delete(
    '/company/logo',
    {
      schema: {
        tags: ['company'],
        summary: 'Remove the company logo (admin)',
        description: 'Lead sheets print without a logo again. No logo set: 404.',
        response: responses({ 204: z.null() }),
      },
    },
    async (request, reply) => {
      await removeCompanyLogo(deps.app, actorOf(request));
      return reply.code(204).send(null);
    },
  );

  done();
};
