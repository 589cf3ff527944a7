import type { EdiProfile, RawSegment } from '../../edi/index.js';

/**
 * What the simulator reads of a 309 or 358: the element positions come from the same profile
 * the writer uses (CBP reads the layout it published), so a profile correction moves both.
 */
export interface ShipmentSent {
  readonly scn: string;
  /** M13-03 of the loop: add, change, delete; undefined in a preliminary or complete 309. */
  readonly amendment: string | undefined;
  readonly billType: string;
  readonly shipper: boolean;
  readonly consignee: boolean;
  readonly brokerNamed: boolean;
  readonly inBond: { readonly destinationPort: string } | undefined;
  readonly commodities: number;
}

export interface ManifestSent {
  readonly setId: '309' | '358';
  readonly scac: string;
  readonly conveyance: string;
  readonly tripNumber: string;
  readonly manifestType: string;
  readonly port: string;
  /** P4-02, CCYYMMDD. */
  readonly date: string;
  readonly driver: boolean;
  /** 309: LX loops. */
  readonly shipments: readonly ShipmentSent[];
  /** 358: MBL loops (SCN and M13 add or delete). */
  readonly links: readonly { readonly scn: string; readonly amendment: string }[];
  /** The heading's N9s (before any shipment): instruments of international traffic. */
  readonly instruments: readonly { readonly qualifier: string; readonly quantity: string }[];
}

export function readManifest(
  setId: '309' | '358',
  body: readonly RawSegment[],
  profile: EdiProfile,
): ManifestSent {
  const layout = profile.segments;
  const q = profile.qualifiers;
  const at = (s: RawSegment, seg: keyof typeof layout, field: string): string => {
    const position = layout[seg][field]?.element;
    return position === undefined ? '' : (s.elements[position - 1] ?? '');
  };
  let scac = '';
  let conveyance = '';
  let tripNumber = '';
  let manifestType = '';
  let port = '';
  let date = '';
  let driver = false;
  const shipments: {
    scn: string;
    amendment: string | undefined;
    billType: string;
    shipper: boolean;
    consignee: boolean;
    brokerNamed: boolean;
    inBond: { destinationPort: string } | undefined;
    commodities: number;
  }[] = [];
  const links: { scn: string; amendment: string }[] = [];
  const instruments: { qualifier: string; quantity: string }[] = [];
  for (const s of body) {
    const current = shipments.at(-1);
    switch (s.id) {
      case 'M10':
        scac = at(s, 'M10', 'scac');
        conveyance = at(s, 'M10', 'conveyanceNumber');
        tripNumber = at(s, 'M10', 'tripNumber');
        manifestType = at(s, 'M10', 'manifestType');
        break;
      case 'P4':
        port = at(s, 'P4', 'port');
        date = at(s, 'P4', 'date');
        break;
      case 'NM1':
        if (at(s, 'NM1', 'entity') === q.driver) driver = true;
        break;
      case 'LX':
        shipments.push({
          scn: '',
          amendment: undefined,
          billType: '',
          shipper: false,
          consignee: false,
          brokerNamed: false,
          inBond: undefined,
          commodities: 0,
        });
        break;
      case 'M13': {
        // In a 309 the M13 opens an LX loop's amendment; in a 358 it follows its MBL.
        const link = links.at(-1);
        if (setId === '309' && current !== undefined)
          current.amendment = at(s, 'M13', 'amendmentType');
        if (setId === '358' && link !== undefined) link.amendment = at(s, 'M13', 'amendmentType');
        break;
      }
      case 'M11':
        if (current !== undefined) {
          current.scn = at(s, 'M11', 'scn');
          current.billType = at(s, 'M11', 'billType');
        }
        break;
      case 'N1':
        if (current === undefined) break;
        if (at(s, 'N1', 'entity') === q.shipper) current.shipper = true;
        if (at(s, 'N1', 'entity') === q.consignee) current.consignee = true;
        if (at(s, 'N1', 'entity') === q.broker) current.brokerNamed = true;
        break;
      case 'M12':
        if (current !== undefined) {
          current.inBond = { destinationPort: at(s, 'M12', 'destinationPort') };
        }
        break;
      case 'N10':
        if (current !== undefined) current.commodities += 1;
        break;
      case 'N9':
        // In an LX loop an N9 is the shipment's (province of loading, order reference).
        if (current === undefined) {
          instruments.push({
            qualifier: at(s, 'N9', 'qualifier'),
            quantity: at(s, 'N9', 'reference'),
          });
        }
        break;
      case 'MBL':
        links.push({ scn: at(s, 'MBL', 'scn'), amendment: '' });
        break;
      default:
        break;
    }
  }
  return {
    setId,
    scac,
    conveyance,
    tripNumber,
    manifestType,
    port,
    date,
    driver,
    shipments,
    links,
    instruments,
  };
}
