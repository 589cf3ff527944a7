/**
 * A CSV file of shipments sent to the API (docs/api.md, Bulk upload by CSV) with the NDJSON
 * answer read as it streams: progress lines while the server reads, checks and stores, then the
 * report. After an import the lists that show shipments are read again. Aborting the signal
 * closes the request, which cancels the upload on the server: nothing is stored.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { csvImportReportSchema } from '../../../../api/schemas/csv.js';
import { ApiError, apiNdjson } from '../../../lib/api-client';

export type CsvImportReport = z.output<typeof csvImportReportSchema>;
export type CsvIssue = CsvImportReport['issues'][number];
export type CsvImportMode = CsvImportReport['mode'];

export interface CsvProgress {
  readonly phase: 'reading' | 'checking' | 'storing';
  readonly bytes: number;
  readonly shipments: number;
  readonly stored: number;
}

/** One NDJSON line of the upload's answer. */
type CsvLine =
  | ({ readonly type: 'progress' } & CsvProgress)
  | ({ readonly type: 'report' } & CsvImportReport)
  | { readonly type: 'problem'; readonly problem: { detail?: string; code?: string } };

function isLine(value: unknown): value is CsvLine {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/**
 * Share of the work done, 0 to 100: reading the file is most of it (bytes of the file's size),
 * then checking, then storing (shipments stored of those read).
 */
export function progressPercent(progress: CsvProgress | undefined, fileSize: number): number {
  if (progress === undefined) return 0;
  if (progress.phase === 'reading') {
    return fileSize <= 0 ? 0 : Math.min(60, (60 * progress.bytes) / fileSize);
  }
  if (progress.phase === 'checking') return 70;
  return progress.shipments <= 0
    ? 100
    : 70 + Math.min(30, (30 * progress.stored) / progress.shipments);
}

/** `shipments.csv` → `shipments-failed-rows.csv`: the failed rows are named after the upload. */
export function failedRowsFileName(uploadName: string): string {
  const base = uploadName.replace(/\.csv$/i, '');
  return `${base === '' ? 'shipments' : base}-failed-rows.csv`;
}

/** Whether the upload failed because it was cancelled (its signal aborted). */
export function isCancelled(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export async function uploadCsv(
  input: {
    readonly tripId: string | null;
    readonly file: Blob;
    readonly mode: CsvImportMode;
    readonly signal?: AbortSignal | undefined;
  },
  onProgress: (progress: CsvProgress) => void,
): Promise<CsvImportReport> {
  const path = input.tripId === null ? '/shipments/csv' : `/trips/${input.tripId}/shipments/csv`;
  let report: CsvImportReport | undefined;
  let refusal: ApiError | undefined;
  await apiNdjson(
    'POST',
    `${path}?mode=${input.mode}`,
    // A spreadsheet may label its export "application/vnd.ms-excel"; the API reads text/csv.
    { body: input.file, contentType: 'text/csv', signal: input.signal },
    (value) => {
      if (!isLine(value)) return;
      if (value.type === 'progress') onProgress(value);
      else if (value.type === 'report') {
        const { type: _type, ...rest } = value;
        report = rest;
      } else {
        refusal = new ApiError(
          0,
          value.problem.code ?? 'HTTP_ERROR',
          value.problem.detail ?? 'The file could not be imported; nothing was stored.',
        );
      }
    },
  );
  if (refusal !== undefined) throw refusal;
  if (report === undefined) {
    throw new ApiError(0, 'NETWORK', 'The service stopped answering before its report.');
  }
  return report;
}

/** Uploads into a trip (or the unassociated list when `tripId` is null). */
export function useCsvUpload(tripId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      readonly file: Blob;
      readonly mode: CsvImportMode;
      readonly onProgress: (progress: CsvProgress) => void;
      readonly signal: AbortSignal;
    }) =>
      uploadCsv(
        { tripId, file: input.file, mode: input.mode, signal: input.signal },
        input.onProgress,
      ),
    onSuccess: (report) => {
      if (report.created > 0) readAgain();
    },
    onError: (error) => {
      // A cancel that crossed the import's commit would have stored it: the lists say which.
      if (isCancelled(error)) readAgain();
    },
  });
  function readAgain(): void {
    // The keys the trip editor and the trips page read shipments under.
    if (tripId === null) {
      void client.invalidateQueries({ queryKey: ['shipments', 'unassociated'] });
    } else {
      void client.invalidateQueries({ queryKey: ['trip-shipments', tripId] });
      void client.invalidateQueries({ queryKey: ['trip', tripId] });
    }
    void client.invalidateQueries({ queryKey: ['trips'] });
  }
}
