/**
 * Bulk shipment upload by CSV (docs/csv-template.md, docs/api.md): the template, the upload
 * into a trip or the unassociated list, and a trip's shipments as the template. The upload is
 * streamed: the body is read chunk by chunk by the CSV reader, never held whole, and refused
 * past CSV_BODY_LIMIT. With `Accept: application/x-ndjson` the answer streams progress lines
 * and ends with the report; otherwise it is the report as JSON. A client that closes the
 * request before the answer is complete cancels the upload: nothing is stored.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { PassThrough, type Readable } from 'node:stream';
import { z } from 'zod';
import {
  CsvImportCancelled,
  exportShipmentsCsv,
  getCompany,
  importShipmentsCsv,
  type CsvImportProgress,
  type CsvImportReport,
} from '../../app/index.js';
import { failedRowsCsv, templateCsv } from '../../csv/index.js';
import { actorOf } from '../auth/authenticate.js';
import type { ApiDeps } from '../deps.js';
import { HttpProblem, toProblem } from '../problem.js';
import { csvImportReportSchema } from '../schemas/csv.js';
import { idParams } from '../schemas/common.js';
import { responses } from '../schemas/responses.js';
import { bodyCheckedByUseCase } from '../validation.js';

/** 100,000 shipments of three commodities are about 90 MB of CSV. */
export const CSV_BODY_LIMIT = 128 * 1024 * 1024;

const CSV_TYPE = 'text/csv; charset=utf-8';
const NDJSON_TYPE = 'application/x-ndjson';

/**
 * The request body as its byte chunks. A class with a private field: hooks that walk a body's
 * fields (control characters) see none, and the stream is read once, by the reader.
 */
export class CsvBody {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  async *chunks(limit: number): AsyncGenerator<Uint8Array> {
    let bytes = 0;
    // Not destroyed when the reading stops early (too large): destroying the request would
    // close the socket before the 413 is answered, and the client would see a reset.
    for await (const chunk of this.#stream.iterator({ destroyOnReturn: false })) {
      const piece = chunk as Uint8Array;
      bytes += piece.length;
      if (bytes > limit) throw tooLarge(limit);
      yield piece;
    }
  }
}

function tooLarge(limit: number): HttpProblem {
  return new HttpProblem(
    'PAYLOAD_TOO_LARGE',
    `The CSV file is larger than ${limit / (1024 * 1024)} MiB; split it into several uploads.`,
  );
}

const uploadQuery = z.object({
  mode: z
    .enum(['all-or-nothing', 'partial'])
    .default('all-or-nothing')
    .describe('all-or-nothing: any error stores nothing; partial: the valid shipments are stored.'),
});

/** Documents the body; bodyCheckedByUseCase leaves the stream to the reader. */
const csvRequestBody = z.string().describe('The CSV file (docs/csv-template.md), as text/csv.');

const csvResponse = (description: string) => ({
  description,
  content: { 'text/csv': { schema: z.string() } },
});

const ndjsonDescription =
  'With `Accept: application/x-ndjson`: 200 and one JSON object per line, `{"type":"progress","phase","bytes","shipments","stored"}` while the file is read, checked and stored, then `{"type":"report",...}` (the report) or `{"type":"problem","problem":{...}}` (a problem document).';

function reportBody(report: CsvImportReport): z.infer<typeof csvImportReportSchema> {
  return {
    outcome: report.outcome,
    mode: report.mode,
    rowCount: report.rowCount,
    shipmentCount: report.shipmentCount,
    created: report.created,
    unchanged: report.unchanged,
    failed: report.failed,
    failedRowCount: report.failedRows.length,
    issues: report.issues.map((issue) => ({ ...issue })),
    failedRowsCsv: report.failedRows.length === 0 ? null : failedRowsCsv(report.failedRows),
  };
}

/**
 * Aborted when the client goes away before the answer is complete: the request is aborted
 * while its body is sent, or the connection closes while the answer is pending or streaming.
 * A 'close' after the answer ended is the ordinary end of a keep-alive exchange.
 */
function clientGone(request: FastifyRequest, reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const abort = (): void => {
    if (!reply.raw.writableFinished) controller.abort();
  };
  // A request closed before its whole body came: the upload was abandoned, perhaps before
  // this handler was reached.
  const bodyCut = (): void => {
    if (!request.raw.complete) abort();
  };
  if (request.raw.destroyed) bodyCut();
  request.raw.once('close', bodyCut);
  reply.raw.once('close', abort);
  return controller.signal;
}

function wantsNdjson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').toLowerCase().includes(NDJSON_TYPE);
}

/** Progress lines at most once per MiB read and once per stored batch. */
function throttle(write: (progress: CsvImportProgress) => void) {
  let last: CsvImportProgress | undefined;
  return (progress: CsvImportProgress): void => {
    const due =
      last === undefined ||
      last.phase !== progress.phase ||
      progress.bytes - last.bytes >= 1024 * 1024 ||
      progress.stored !== last.stored;
    if (!due) return;
    last = progress;
    write(progress);
  };
}

export const shipmentsCsvRoutes: FastifyPluginCallbackZod<{ deps: ApiDeps }> = (
  app,
  { deps },
  done,
) => {
  // Encapsulated here: only these routes take text/csv, as a stream (no body limit of Fastify's
  // own applies to a stream; CsvBody counts the bytes).
  // A file sent as JSON is still a file: the upload answers 415 naming text/csv, not a JSON
  // syntax error about the CSV's first byte (the handler refuses any body but CsvBody).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', (_request, _payload, parsed) => {
    parsed(null, undefined);
  });
  app.addContentTypeParser('text/csv', (_request, payload, parsed) => {
    parsed(null, new CsvBody(payload));
  });

  const upload = async (
    request: FastifyRequest,
    reply: FastifyReply,
    tripId: string | null,
    mode: 'all-or-nothing' | 'partial',
  ): Promise<FastifyReply> => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > CSV_BODY_LIMIT) throw tooLarge(CSV_BODY_LIMIT);
    const body = request.body;
    if (!(body instanceof CsvBody)) {
      throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv.');
    }
    const actor = actorOf(request);
    const csv = body.chunks(CSV_BODY_LIMIT);
    const signal = clientGone(request, reply);
    // The body stream's own failure (ECONNRESET "aborted") may come before the close event
    // does: either way the client went away, before anything was stored.
    const gone = (error: unknown): boolean =>
      error instanceof CsvImportCancelled ||
      signal.aborted ||
      (error instanceof Error && 'code' in error && error.code === 'ECONNRESET');
    // The client is gone: there is no one to answer, and a cancel is no failure.
    const cancelled = (answering: boolean): FastifyReply => {
      request.log.info('CSV upload cancelled by the client; nothing was stored');
      if (!answering) reply.hijack();
      reply.raw.destroy();
      return reply;
    };
    if (!wantsNdjson(request)) {
      try {
        const report = await importShipmentsCsv(deps.app, actor, { tripId, csv, mode, signal });
        return await reply.code(report.outcome === 'rejected' ? 422 : 200).send(reportBody(report));
      } catch (error) {
        if (gone(error)) return cancelled(false);
        // Answered before the body was read to its end (too large): the rest is not read, so
        // the connection closes after the answer instead of taking the rest for the next request.
        if (!request.raw.complete) void reply.header('connection', 'close');
        throw error;
      }
    }
    // The stream starts with the first progress line: a failure before it (a viewer, an
    // unknown trip) is still an ordinary problem answer with its status.
    const stream = new PassThrough();
    const state = { started: false };
    const line = (value: object): void => {
      if (!state.started) {
        state.started = true;
        void reply.code(200).type(NDJSON_TYPE).send(stream);
      }
      stream.write(JSON.stringify(value) + '\n');
    };
    try {
      const report = await importShipmentsCsv(deps.app, actor, {
        tripId,
        csv,
        mode,
        signal,
        onProgress: throttle((progress) => {
          line({ type: 'progress', ...progress });
        }),
      });
      line({ type: 'report', ...reportBody(report) });
    } catch (error) {
      if (gone(error)) {
        stream.destroy();
        return cancelled(state.started);
      }
      if (!state.started) throw error;
      const problem = toProblem(error, request);
      if (problem.status >= 500) request.log.error({ err: error }, 'CSV upload failed');
      line({ type: 'problem', problem });
    }
    stream.end();
    return reply;
  };

  const uploadDescription = `Streams a CSV file (docs/csv-template.md, at most 128 MiB) through the reader and the rule engine and stores the shipments in one transaction. 200 with the report when imported (or partly, with mode=partial); 422 with the same report when nothing was stored (also, in either mode, a file of more than 1,000,000 data rows or with more than 10,000 errors: CSV_TOO_MANY_ROWS, CSV_TOO_MANY_ERRORS; at most 1,000 warnings of one code are listed, ISSUES_TRUNCATED counts the rest). Closing the request before the answer is complete cancels the upload: the transaction rolls back and nothing is stored. ${ndjsonDescription}`;
  const uploadResponses = responses({ 200: csvImportReportSchema, 422: csvImportReportSchema });

  app.post(
    '/trips/:id/shipments/csv',
    {
      schema: {
        tags: ['bulk upload'],
        summary: 'Upload a CSV of shipments into a trip (dispatcher)',
        description: uploadDescription,
        params: idParams,
        querystring: uploadQuery,
        body: csvRequestBody,
        consumes: ['text/csv'],
        response: uploadResponses,
      },
      validatorCompiler: bodyCheckedByUseCase,
    },
    async (request, reply) => upload(request, reply, request.params.id, request.query.mode),
  );

  app.post(
    '/shipments/csv',
    {
      schema: {
        tags: ['bulk upload'],
        summary: 'Upload a CSV of unassociated shipments (dispatcher)',
        description: uploadDescription,
        querystring: uploadQuery,
        body: csvRequestBody,
        consumes: ['text/csv'],
        response: uploadResponses,
      },
      validatorCompiler: bodyCheckedByUseCase,
    },
    async (request, reply) => upload(request, reply, null, request.query.mode),
  );

  app.get(
    '/csv/template',
    {
      schema: {
        tags: ['bulk upload'],
        summary:
          "The CSV template: the header row and one example row (its SCN the company's <SCAC>AUTOFILL)",
        response: { ...responses({}), 200: csvResponse('text/csv, CRLF line ends (RFC 4180).') },
      },
    },
    async (request, reply) => {
      const company = await getCompany(deps.app, actorOf(request));
      return reply
        .type(CSV_TYPE)
        .header('content-disposition', 'attachment; filename="shipments-template.csv"')
        .send(templateCsv(company.scac));
    },
  );

  const exportCsv = async (request: FastifyRequest, reply: FastifyReply, tripId: string | null) => {
    const exported = await exportShipmentsCsv(deps.app, actorOf(request), { tripId });
    const name = `${exported.tripNumber ?? 'unassociated'}-shipments.csv`.replace(/[^\w.-]/g, '_');
    // Sent from the file the export was written to, as it is.
    return reply
      .type(CSV_TYPE)
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('content-length', exported.file.bytes)
      .send(exported.file.open());
  };

  app.get(
    '/trips/:id/shipments.csv',
    {
      schema: {
        tags: ['bulk upload'],
        summary: "A trip's shipments as the CSV template (uploading it again changes nothing)",
        params: idParams,
        response: {
          ...responses({}),
          200: csvResponse('The template CSV, one row per commodity.'),
        },
      },
    },
    async (request, reply) => exportCsv(request, reply, request.params.id),
  );

  app.get(
    '/shipments.csv',
    {
      schema: {
        tags: ['bulk upload'],
        summary: 'The unassociated shipments as the CSV template',
        response: {
          ...responses({}),
          200: csvResponse('The template CSV, one row per commodity.'),
        },
      },
    },
    async (request, reply) => exportCsv(request, reply, null),
  );

  done();
};
