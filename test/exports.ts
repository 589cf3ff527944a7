import { text } from 'node:stream/consumers';
import { exportShipmentsCsv, exportTrip, type Actor, type AppDeps } from '../src/app/index.js';
import type { AuditEntry } from '../src/app/shared/records.js';
import type { TripDocument } from '../src/domain/index.js';

/** exportTrip's file read back: the document, and the history when it was asked for. */
export async function exportedTrip(
  deps: AppDeps,
  actor: Actor,
  input: Parameters<typeof exportTrip>[2],
): Promise<{
  readonly document: TripDocument;
  readonly history?: readonly Omit<AuditEntry, 'companyId'>[];
}> {
  const file = await exportTrip(deps, actor, input);
  const parsed = JSON.parse(await text(file.open())) as unknown;
  return input.includeHistory === true
    ? (parsed as { document: TripDocument; history: Omit<AuditEntry, 'companyId'>[] })
    : { document: parsed as TripDocument };
}

/** exportShipmentsCsv's file read back as text. */
export async function exportedCsv(
  deps: AppDeps,
  actor: Actor,
  input: Parameters<typeof exportShipmentsCsv>[2],
): Promise<string> {
  const { file } = await exportShipmentsCsv(deps, actor, input);
  return text(file.open());
}
