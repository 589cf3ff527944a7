import type { Issue, Shipment } from '../../../domain/index.js';
import type { Actor } from '../../shared/actor.js';
import { recordChanges } from '../../shared/audit.js';
import type { AppDeps } from '../../shared/deps.js';
import { conflict, type AppError } from '../../shared/errors.js';
import type { Repositories } from '../../shared/ports/index.js';
import type { Company, ShipmentRecord } from '../../shared/records.js';
import { withScns } from '../../shared/sequences.js';
import { shipmentSnapshot } from '../../shared/trip-documents.js';

/**
 * The one way a shipment comes into being: create, import, copy, apply a template and CSV
 * upload all go through here, one shipment being a batch of one. In two steps so a caller
 * that also writes a trip can report the trip number's clash with the SCNs' at once:
 *
 * 1. planShipments gives every shipment an SCN (generated where it asks for one) and finds each
 *    SCN the carrier already used or the batch repeats;
 * 2. insertShipments claims the SCNs, inserts the rows and appends the audit entries, each in
 *    as few statements as the database allows, inside the caller's transaction.
 */
export interface PlannedShipments {
  readonly shipments: readonly Shipment[];
  /** Clashing SCNs, located with the caller's `pathOf`; non-empty means nothing may be written. */
  readonly issues: readonly Issue[];
  readonly pathOf: (index: number) => string;
}

export interface Placement {
  /** A trip id, or null for the unassociated list. */
  readonly tripId: string | null;
  /** Position of the first shipment; the others follow in order. */
  readonly firstPosition: number;
  /** The audit action: `create`, `import`, `copy`, `apply-template`, … */
  readonly action: string;
}

export async function planShipments(
  repos: Repositories,
  company: Company,
  given: readonly Shipment[],
  pathOf: (index: number) => string,
  usedChecked = false,
): Promise<PlannedShipments> {
  const shipments = await withScns(repos, company, given);
  const scns = shipments.map((s) => s.shipmentControlNumber ?? '');
  const used = usedChecked ? new Set<string>() : await repos.scns.used(company.id, scns);
  const seen = new Set<string>();
  const issues: Issue[] = [];
  scns.forEach((scn, index) => {
    const repeated = seen.has(scn);
    seen.add(scn);
    if (repeated) issues.push(scnIssue(scn, pathOf(index), 'repeated'));
    else if (used.has(scn)) issues.push(scnIssue(scn, pathOf(index), 'used'));
  });
  return { shipments, issues, pathOf };
}

export async function insertShipments(
  repos: Repositories,
  deps: AppDeps,
  actor: Actor,
  company: Company,
  planned: PlannedShipments,
  placement: Placement,
): Promise<ShipmentRecord[]> {
  if (planned.issues.length > 0) throw identifiersUsed(planned.issues);
  const now = deps.clock.now().toISOString();
  const records = planned.shipments.map((shipment, index): ShipmentRecord => ({
    id: deps.ids.newId(),
    companyId: company.id,
    tripId: placement.tripId,
    position: placement.firstPosition + index,
    shipment,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const scns = records.map((r) => r.shipment.shipmentControlNumber ?? '');
  const taken = await repos.scns.claim(
    company.id,
    records.map((r, i) => ({ scn: scns[i] ?? '', shipmentId: r.id })),
    now,
  );
  if (taken.size > 0) {
    // Another writer claimed an SCN between the plan and now; the transaction rolls back.
    throw identifiersUsed(
      scns.flatMap((scn, i) => (taken.has(scn) ? [scnIssue(scn, planned.pathOf(i), 'used')] : [])),
    );
  }
  await repos.shipments.insert(records);
  await recordChanges(
    repos,
    deps,
    actor,
    records.map((record) => ({
      entityType: 'shipment',
      entityId: record.id,
      tripId: record.tripId,
      action: placement.action,
      after: shipmentSnapshot(record),
    })),
  );
  return records;
}

/** Plans and inserts in one go, for callers that write nothing else that could clash. */
export async function addShipments(
  repos: Repositories,
  deps: AppDeps,
  actor: Actor,
  company: Company,
  shipments: readonly Shipment[],
  placement: Placement & {
    readonly pathOf: (index: number) => string;
    /**
     * The caller already refused the SCNs the carrier used (CSV import, per batch): they are
     * not looked up again. An SCN used all the same (a generated one) is still refused, by the
     * claim.
     */
    readonly usedChecked?: boolean | undefined;
  },
): Promise<ShipmentRecord[]> {
  const planned = await planShipments(
    repos,
    company,
    shipments,
    placement.pathOf,
    placement.usedChecked === true,
  );
  return insertShipments(repos, deps, actor, company, planned, placement);
}

/** A CONFLICT carrying every clash; its title names the identifier when there is only one. */
export function identifiersUsed(issues: readonly Issue[]): AppError {
  const [only] = issues;
  const title =
    issues.length === 1 && only !== undefined
      ? (only.message.split('; ')[0] ?? only.message).replace(/\.?$/, '.')
      : 'Some identifiers were already used.';
  return conflict(title, issues);
}

function scnIssue(scn: string, path: string, why: 'used' | 'repeated'): Issue {
  return {
    code: 'SHIPMENT_SCN_ALREADY_USED',
    severity: 'error',
    path,
    message:
      why === 'repeated'
        ? `SCN ${scn} appears more than once in this document.`
        : `SCN ${scn} was already used by this carrier; an SCN may not be reused for three years, even after its shipment was deleted.`,
  };
}
