/**
 * The paperwork the trips page prints, a day's lead sheets (a link) and PAPS labels (a write),
 * and a shipment's papers (a link on the shipment page).
 */
import { useMutation } from '@tanstack/react-query';
import { apiFile, queryString } from '../../../lib/api-client';

/** The day's lead sheets as one PDF; the browser opens it with the session cookie. */
export function dayLeadSheetsUrl(date: string): string {
  return `/api/v1/lead-sheets.pdf${queryString({ date })}`;
}

/** An informal shipment's papers as PDF; the browser downloads them with the session cookie. */
export function shipmentPapersUrl(shipmentId: string): string {
  return `/api/v1/shipments/${encodeURIComponent(shipmentId)}/papers.pdf`;
}

export interface LabelsRequest {
  readonly count: number;
  readonly size: 'letter' | 'a4';
}

export interface ReservedLabels {
  readonly url: string;
  readonly filename: string;
  readonly first: string;
  readonly last: string;
  readonly count: number;
}

/** Reserves the SCNs and keeps the label sheet as an object URL for a download link. */
export function useReserveLabels() {
  return useMutation({
    mutationFn: async (request: LabelsRequest): Promise<ReservedLabels> => {
      const { blob, headers } = await apiFile('POST', '/labels', { body: request });
      const disposition = headers.get('content-disposition') ?? '';
      return {
        url: URL.createObjectURL(blob),
        filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'paps-labels.pdf',
        first: headers.get('x-scn-first') ?? '',
        last: headers.get('x-scn-last') ?? '',
        count: Number(headers.get('x-scn-count') ?? '0'),
      };
    },
  });
}

/** Today in the browser's calendar, YYYY-MM-DD: the default day to print. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
