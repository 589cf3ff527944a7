/** A commodity description a company used, as the Add Commodity page suggests it. */
export interface UsedDescription {
  /** The description folded (case and accents): one entry per folded text. */
  readonly folded: string;
  /** As written on the latest shipment that used it. */
  readonly description: string;
  readonly packagingUnit?: string | undefined;
  readonly weightUnit?: string | undefined;
  /** When that shipment last changed. */
  readonly usedAt: string;
}

/** How far a company's shipments have been read, by change time then id (a keyset). */
export interface ShipmentReadMark {
  readonly updatedAt: string;
  readonly shipmentId: string;
}

/**
 * Every description a company's shipments used, filled on demand from the shipments changed
 * after the mark (suggest-descriptions.ts), so that no save or import pays for it.
 */
export interface CommodityDescriptionRepository {
  /** The mark; undefined before the company's first read. */
  mark(companyId: string): Promise<ShipmentReadMark | undefined>;
  /**
   * Keeps each description's latest use (a later `usedAt` replaces an earlier one; one entry
   * per `folded` in `used`) and moves the mark to `readTo`, never back.
   */
  record(
    companyId: string,
    used: readonly UsedDescription[],
    readTo: ShipmentReadMark,
  ): Promise<void>;
  /** The descriptions holding every one of `words`, most recently used first. */
  search(
    companyId: string,
    words: readonly string[],
    limit: number,
  ): Promise<readonly UsedDescription[]>;
}
