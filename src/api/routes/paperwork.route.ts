/**
 * Paperwork as PDF: a stored trip's lead sheet and QR placard, a shipment's papers, the lead
 * sheets of a day, and sheets of PAPS labels that reserve their SCNs. Reading needs any role
 * (a viewer prints the driver's papers); labels take SCNs from the company's sequence, so they
 * need a dispatcher.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  emailLeadSheet,
  listDriverEmails,
  renderDayLeadSheets,
  renderLeadSheet,
  renderPlacard,
  renderShipmentPapers,
  reserveScnLabels,
  type PaperworkDeps,
  type RenderedPdf,
} from '../../app/index.js';
import { readDocumentFonts } from '../../config/document-fonts.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { idParams } from '../schemas/common.js';
import {
  dayLeadSheetsQuery,
  driverEmailsResult,
  labelsBody,
  leadSheetEmailBody,
  leadSheetEmailResult,
  leadSheetQuery,
  paperSize,
  pdfResponse,
} from '../schemas/paperwork.js';
import { responses } from '../schemas/responses.js';
export async function paperworkDeps(deps: ApiDeps): Promise<PaperworkDeps> {
  return { ...deps.app, fonts: await readDocumentFonts() };
}

/** Sends the PDF bytes with a file name; Fastify sends a Buffer as it is, without serialising. */
export function sendPdf(reply: FastifyReply, rendered: RenderedPdf, disposition = 'inline') {
  return reply
    .type('application/pdf')
    .header('content-disposition', `${disposition}; filename="${rendered.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(rendered.pdf.buffer, rendered.pdf.byteOffset, rendered.pdf.byteLength));
}

const MAX_TRIP_NUMBERS_HEADER = 2000;

// An OpenAPI response object rather than a zod schema: `responses` takes schemas, and the
// problem responses it adds are written the same way (schemas/responses.ts).
const pdf = responses({ 200: pdfResponse as unknown as z.ZodType });

export const paperworkRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (
  app,
  { deps },
  done,
) => {
  app.get(
    '/trips/:id/lead-sheet.pdf',
    {
      schema: {
        tags: ['paperwork'],
        summary: "The trip's lead sheet (cover sheet) as PDF",
        description:
          'Trip number, driver and truck plate in 22-point type, Code 39 and CBP QR code, port and port-local ETA, the shipments. A trip whose data would make an unreadable QR code is 422 with QR_FIELD_MISSING / QR_FIELD_INVALID issues.',
        params: idParams,
        querystring: leadSheetQuery,
        response: pdf,
      },
    },
    async (request, reply) => {
      const rendered = await renderLeadSheet(await paperworkDeps(deps), actorOf(request), {
        tripId: request.params.id,
        ...request.query,
      });
      return sendPdf(reply, rendered);
    },
  );

  app.get(
    '/trips/:id/placard.pdf',
    {
      schema: {
        tags: ['paperwork'],
        summary: "The trip's windshield placard: its CBP QR code six inches wide",
        params: idParams,
        querystring: z.object({ size: paperSize }),
        response: pdf,
      },
    },
    async (request, reply) => {
      const rendered = await renderPlacard(await paperworkDeps(deps), actorOf(request), {
        tripId: request.params.id,
        size: request.query.size,
      });
      return sendPdf(reply, rendered);
    },
  );

  app.get(
    '/shipments/:id/papers.pdf',
    {
      schema: {
        tags: ['paperwork'],
        summary: 'The papers of an informal shipment (Section 321, intangibles, CBP forms)',
        description:
          'PAPS and in-bond shipments travel on the lead sheet: 409 with SHIPMENT_PAPERS_NOT_INFORMAL.',
        params: idParams,
        querystring: z.object({ size: paperSize }),
        response: pdf,
      },
    },
    async (request, reply) => {
      const rendered = await renderShipmentPapers(await paperworkDeps(deps), actorOf(request), {
        shipmentId: request.params.id,
        size: request.query.size,
      });
      return sendPdf(reply, rendered);
    },
  );

  app.get(
    '/lead-sheets.pdf',
    {
      schema: {
        tags: ['paperwork'],
        summary: 'The lead sheets of every trip arriving on a day, in one PDF',
        description:
          'Trips whose ETA falls on `date` at their port of arrival (port-local), by ETA; each trip starts on a new page and is numbered on its own. No trip that day: 404. Their number is in the X-Trip-Count header, and the trip numbers in print order in X-Trip-Numbers (left out when longer than 2,000 characters).',
        querystring: dayLeadSheetsQuery,
        response: pdf,
      },
    },
    async (request, reply) => {
      const rendered = await renderDayLeadSheets(
        await paperworkDeps(deps),
        actorOf(request),
        request.query,
      );
      const numbers = rendered.tripNumbers.join(',');
      reply.header('x-trip-count', String(rendered.tripNumbers.length));
      // Proxies commonly refuse headers over 4–8 KiB: a long day's list is left out.
      if (numbers.length <= MAX_TRIP_NUMBERS_HEADER) reply.header('x-trip-numbers', numbers);
      return sendPdf(reply, rendered);
    },
  );

  app.post(
    '/labels',
    {
      schema: {
        tags: ['paperwork'],
        summary: 'Reserve the next SCNs and print them as PAPS labels (dispatcher)',
        description:
          "Takes `count` SCNs from the company's sequence (audited), so the generator never issues them again, and answers the label sheet. The first and last SCN and their number are in the X-Scn-First, X-Scn-Last and X-Scn-Count headers (an SCN already typed in by hand is stepped over).",
        body: labelsBody,
        response: responses({ 201: pdfResponse as unknown as z.ZodType }),
      },
    },
    async (request, reply) => {
      const labels = await reserveScnLabels(
        await paperworkDeps(deps),
        actorOf(request),
        request.body,
      );
      return sendPdf(
        reply
          .code(201)
          .header('x-scn-first', labels.scns[0] ?? '')
          .header('x-scn-last', labels.scns.at(-1) ?? '')
          .header('x-scn-count', String(labels.scns.length)),
        labels,
        'attachment',
      );
    },
  );

  app.get(
    '/trips/:id/driver-emails',
    {
      schema: {
        tags: ['paperwork'],
        summary: "The e-mails of the trip's drivers, from the driver profiles they match",
        description:
          'A driver matches the driver profile with the same FAST card number, else the only one with the same first and last name (trimmed, case-insensitive); a driver matching none, or one without an e-mail, is left out (docs/alerts.md).',
        params: idParams,
        response: responses({ 200: driverEmailsResult }),
      },
    },
    async (request) => ({
      items: await listDriverEmails(deps.app, actorOf(request), { tripId: request.params.id }),
    }),
  );

  app.post(
    '/trips/:id/lead-sheet/email',
    {
      schema: {
        tags: ['paperwork'],
        summary: "E-mail the trip's lead sheet to the driver as a PDF attachment (dispatcher)",
        description:
          'Sent through the SMTP server the service is configured with (SMTP_URL, MAIL_FROM); without one, 409. The mail server refusing or not answering is 502 DELIVERY_FAILED. Audited on the trip as lead_sheet_emailed.',
        params: idParams,
        body: leadSheetEmailBody,
        response: responses({ 200: leadSheetEmailResult }),
      },
    },
    async (request) =>
      emailLeadSheet(await paperworkDeps(deps), actorOf(request), {
        tripId: request.params.id,
        ...request.body,
      }),
  );

  done();
};
