import { createHash } from 'node:crypto';
import { shipmentCells } from '../../../csv/index.js';
import { nextTurn, type Shipment } from '../../../domain/index.js';
import { shipmentPages } from '../../shared/lookups.js';
import type { Repositories } from '../../shared/ports/index.js';
import { wantsGeneratedScn } from '../../shared/sequences.js';

/**
 * The shipments already in the trip (or the unassociated list) a CSV upload goes to, as the
 * upload asks about them: `holds`, whether one has this SCN; `unchanged`, whether a file
 * shipment is one of them with the same content, by SCN for typed SCNs and by content for
 * AUTOFILL ones (each stored shipment matches one file shipment at most, so the file's
 * shipments are asked in file order).
 *
 * Kept is a SHA-256 digest of each stored shipment's template cells, not the shipment: a
 * 100,000-shipment trip uploaded again held every stored shipment and its cells as text
 * (about 780 MB). The stored shipments are read a page at a time, in the upload's transaction.
 */
export class ShipmentsHere {
  private contentIndex: Map<string, number> | undefined;

  private constructor(
    private readonly repos: Repositories,
    private readonly companyId: string,
    private readonly tripId: string | null,
    private readonly scac: string,
    /** SCN → digest of the stored shipment's cells. */
    private readonly byScn: ReadonlyMap<string, string>,
  ) {}

  static async read(
    repos: Repositories,
    companyId: string,
    tripId: string | null,
    scac: string,
  ): Promise<ShipmentsHere> {
    const byScn = new Map<string, string>();
    await eachStored(repos, companyId, tripId, (shipment) => {
      const scn = shipment.shipmentControlNumber ?? '';
      if (scn !== '') byScn.set(scn, contentDigest(shipment, true));
    });
    return new ShipmentsHere(repos, companyId, tripId, scac, byScn);
  }

  holds(scn: string): boolean {
    return this.byScn.has(scn);
  }

  /**
   * Reads the stored shipments' content without their SCNs, once, before the first AUTOFILL
   * shipment is asked about: a file of typed SCNs never digests them for nothing.
   */
  async readyFor(shipments: readonly Shipment[]): Promise<void> {
    if (this.contentIndex !== undefined) return;
    if (!shipments.some((shipment) => wantsGeneratedScn(shipment, this.scac))) return;
    const index = new Map<string, number>();
    await eachStored(this.repos, this.companyId, this.tripId, (shipment) => {
      const key = contentDigest(shipment, false);
      index.set(key, (index.get(key) ?? 0) + 1);
    });
    this.contentIndex = index;
  }

  /** After `readyFor` with the step's shipments. */
  unchanged(shipment: Shipment): boolean {
    if (wantsGeneratedScn(shipment, this.scac)) {
      const byContent = this.contentIndex;
      if (byContent === undefined) throw new Error('readyFor() was not awaited');
      if (byContent.size === 0) return false;
      const key = contentDigest(shipment, false);
      const left = byContent.get(key) ?? 0;
      if (left === 0) return false;
      byContent.set(key, left - 1);
      return true;
    }
    const stored = this.byScn.get(shipment.shipmentControlNumber ?? '');
    return stored !== undefined && stored === contentDigest(shipment, true);
  }
}

async function eachStored(
  repos: Repositories,
  companyId: string,
  tripId: string | null,
  visit: (shipment: Shipment) => void,
): Promise<void> {
  for await (const page of shipmentPages(repos, companyId, tripId)) {
    for (const record of page) visit(record.shipment);
    await nextTurn();
  }
}

/** What the template holds of a shipment, digested; `withScn` false for AUTOFILL matching. */
function contentDigest(shipment: Shipment, withScn: boolean): string {
  const cells = shipmentCells(withScn ? shipment : { ...shipment, shipmentControlNumber: '' });
  return createHash('sha256').update(JSON.stringify(cells)).digest('base64');
}
