import commercialApiTrip from '../examples/commercial-api-trip.json' with { type: 'json' };
import hazmatTrip from '../examples/hazmat-trip-without-insurance.json' with { type: 'json' };
import inBondTrip from '../examples/in-bond-trip.json' with { type: 'json' };
import papsTrip from '../examples/paps-trip.json' with { type: 'json' };
import section321Trip2024 from '../examples/section-321-trip-2024.json' with { type: 'json' };
import section321Trip2026 from '../examples/section-321-trip-2026.json' with { type: 'json' };
import unassociatedShipments from '../examples/unassociated-shipments.json' with { type: 'json' };

/**
 * The documents in examples/, by file name, as JSON: imported rather than read, so that tests of
 * layers that also run in the browser (rules) can use them.
 */
export const EXAMPLE_DOCUMENTS: Readonly<Record<string, unknown>> = {
  'commercial-api-trip.json': commercialApiTrip,
  'hazmat-trip-without-insurance.json': hazmatTrip,
  'in-bond-trip.json': inBondTrip,
  'paps-trip.json': papsTrip,
  'section-321-trip-2024.json': section321Trip2024,
  'section-321-trip-2026.json': section321Trip2026,
  'unassociated-shipments.json': unassociatedShipments,
};
