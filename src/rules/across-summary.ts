import type { Commodity, Shipment } from '../domain/index.js';

/**
 * What the rules that weigh shipments together (`acrossShipments`) read of each shipment: its
 * SCN, type, order reference, a Section 321 shipment's consignee, and its commodities' count and
 * values. A 100,000-shipment trip's summaries fit in memory when its shipments do not, so the
 * bulk import and the paged validation of a stored trip keep these and let the rest go.
 * `AcrossSummaries` shares the values that repeat from shipment to shipment.
 */
export class AcrossSummaries {
  private readonly values = new Map<number | undefined, Commodity>();
  private readonly texts = new Map<string, string>();

  /** The shipment as the rules that weigh shipments together see it. */
  of(shipment: Shipment): Shipment {
    const kept: Shipment = {
      commodities: (shipment.commodities ?? []).map((commodity) => this.value(commodity.value)),
    };
    if (shipment.shipmentControlNumber !== undefined)
      kept.shipmentControlNumber = shipment.shipmentControlNumber;
    if (shipment.type !== undefined) kept.type = this.text(shipment.type);
    if (shipment.orderReference !== undefined)
      kept.orderReference = this.text(shipment.orderReference);
    // Only Section 321 shipments count toward a consignee's daily total.
    if (shipment.consignee !== undefined && shipment.type === 'SECTION_321')
      kept.consignee = shipment.consignee;
    return kept;
  }

  /**
   * One object per distinct commodity value and one string per distinct type or order
   * reference: a trip's values repeat, and shipments read from JSON or from another thread
   * arrive as copies of their own, 100,000 of each on a full trip. Past 10,000 distinct ones
   * the rest are kept as they come.
   */
  private value(value: number | undefined): Commodity {
    let shared = this.values.get(value);
    if (shared === undefined) {
      shared = value === undefined ? {} : { value };
      if (this.values.size < 10_000) this.values.set(value, shared);
    }
    return shared;
  }

  private text<T extends string>(text: T): T {
    const known = this.texts.get(text);
    if (known !== undefined) return known as T;
    if (this.texts.size < 10_000) this.texts.set(text, text);
    return text;
  }
}
