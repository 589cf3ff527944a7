/**
 * The CBP and ISO code lists the forms offer (ports, packaging units, …), straight from
 * src/codes so the UI's pick lists and the rule engine can never disagree.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { iso31661 } from 'iso-3166';
import {
  allPorts,
  EQUIPMENT_TYPES,
  PACKAGING_UNITS,
  SHIPMENT_TYPES,
  TRAVEL_DOCUMENT_TYPES,
} from '../../codes/index.js';
import { responses } from '../schemas/responses.js';

const LISTS = {
  ports: () => allPorts(),
  'packaging-units': () => PACKAGING_UNITS,
  'equipment-types': () => EQUIPMENT_TYPES,
  'travel-document-types': () => TRAVEL_DOCUMENT_TYPES,
  'shipment-types': () => SHIPMENT_TYPES,
  countries: () => iso31661.map((country) => ({ code: country.alpha2, name: country.name })),
} as const;

const listName = z.enum(Object.keys(LISTS) as [keyof typeof LISTS, ...(keyof typeof LISTS)[]]);

// Rows differ per list (ports carry a time zone, travel documents an issuer): `code` and
// `name` are common, the rest passes through as documented extra fields.
const rowSchema = z.looseObject({ code: z.string(), name: z.string() });

export const codeListRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  app.get(
    '/code-lists/:list',
    {
      schema: {
        tags: ['code lists'],
        summary: 'One code list',
        security: [],
        params: z.object({ list: listName }),
        response: responses({ 200: z.object({ items: z.array(rowSchema) }) }),
      },
    },
    (request, reply) => {
      // Code lists change with releases, not per request: let browsers and proxies keep them.
      void reply.header('cache-control', 'public, max-age=3600');
      return { items: LISTS[request.params.list]().map((row) => ({ ...row })) };
    },
  );
  done();
};
