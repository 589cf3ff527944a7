import type { Shipment, TripDocument } from '../../../domain/index.js';
import type { FilingState } from '../../shared/ports/index.js';
import { canonicalJson } from './canonical-json.js';

/**
 * What a sync must send, found by comparing the trip now with what CBP last accepted
 * (docs/edi.md, "Sync with CBP"). Pure: the use case writes, stores and sends.
 *
 * - nothing accepted yet: a first filing (preliminary 309s, then the 358 original);
 * - shipments added: 309 preliminary, linked by a 358 update; changed: 309 update;
 *   removed: unlinked by the 358 update, then deleted by a 309 delete;
 * - trip data changed: a 358 update;
 * - trip number or ETA date changed after acceptance: a re-key (358 delete, 309 deletes,
 *   then a new filing), only when confirmed;
 * - cancel: 358 delete and 309 deletes of everything CBP accepted.
 */
export type ShipmentAction = 'add' | 'change' | 'delete';
export type TripAction = 'original' | 'update' | 'delete';

export type PlannedMessage =
  | { readonly kind: 'filing'; readonly trip: TripDocument }
  | {
      readonly kind: '309';
      readonly purpose: 'preliminary' | 'update' | 'delete';
      readonly trip: TripDocument;
      readonly shipments: readonly number[];
    }
  | {
      readonly kind: '358';
      readonly purpose: TripAction;
      readonly trip: TripDocument;
      readonly link?: readonly number[];
      readonly unlink?: readonly string[];
    };

export interface SentShipment {
  readonly scn: string;
  readonly action: ShipmentAction;
  readonly snapshot: Shipment | null;
}

export interface SyncPlan {
  readonly kind: 'plan';
  readonly messages: readonly PlannedMessage[];
  readonly trip: { readonly action: TripAction; readonly snapshot: TripDocument } | undefined;
  readonly shipments: readonly SentShipment[];
}

export type SyncDecision =
  | SyncPlan
  | { readonly kind: 'in-sync' }
  | { readonly kind: 'rekey-unconfirmed'; readonly changed: readonly string[] }
  | { readonly kind: 'nothing-to-cancel' };

/** The trip without its shipments: what a 358 carries. */
export function tripOnly(document: TripDocument): TripDocument {
  const { shipments: _shipments, ...rest } = document;
  return rest;
}

const etaDate = (trip: TripDocument) => trip.estimatedArrivalDateTime?.slice(0, 10);

export interface SyncInput {
  readonly document: TripDocument;
  readonly tripState: FilingState | undefined;
  readonly shipmentStates: readonly FilingState[];
  readonly rekey: boolean;
  readonly cancel: boolean;
}

export function planSync(input: SyncInput): SyncDecision {
  const { document } = input;
  const acceptedTrip =
    input.tripState?.status === 'cancelled'
      ? undefined
      : ((input.tripState?.accepted as TripDocument | null | undefined) ?? undefined);
  const accepted = new Map<string, Shipment>();
  for (const state of input.shipmentStates) {
    if (state.accepted !== null && state.accepted !== undefined) {
      accepted.set(state.scn, state.accepted);
    }
  }
  const current = document.shipments ?? [];
  const scnOf = (s: Shipment) => s.shipmentControlNumber ?? '';
  const stubs = (scns: readonly string[], trip: TripDocument): TripDocument => ({
    ...trip,
    shipments: scns.map((scn) => ({ shipmentControlNumber: scn })),
  });
  const withdrawAll = (old: TripDocument | undefined): PlannedMessage[] => {
    const messages: PlannedMessage[] = [];
    if (old !== undefined) messages.push({ kind: '358', purpose: 'delete', trip: old });
    const scns = [...accepted.keys()];
    if (scns.length > 0) {
      messages.push({
        kind: '309',
        purpose: 'delete',
        trip: stubs(scns, old ?? tripOnly(document)),
        shipments: scns.map((_, i) => i),
      });
    }
    return messages;
  };

  if (input.cancel) {
    if (acceptedTrip === undefined && accepted.size === 0) return { kind: 'nothing-to-cancel' };
    return {
      kind: 'plan',
      messages: withdrawAll(acceptedTrip),
      trip: { action: 'delete', snapshot: acceptedTrip ?? tripOnly(document) },
      shipments: [...accepted.keys()].map((scn) => ({ scn, action: 'delete', snapshot: null })),
    };
  }

  const firstFiling = (before: PlannedMessage[]): SyncPlan => ({
    kind: 'plan',
    messages: [...before, { kind: 'filing', trip: document }],
    trip: { action: 'original', snapshot: tripOnly(document) },
    shipments: current.map((s) => ({ scn: scnOf(s), action: 'add', snapshot: s })),
  });

  if (acceptedTrip === undefined && accepted.size === 0) return firstFiling([]);

  if (acceptedTrip !== undefined) {
    const changed = [
      ...(acceptedTrip.tripNumber !== document.tripNumber ? ['tripNumber'] : []),
      ...(etaDate(acceptedTrip) !== etaDate(document) ? ['estimatedArrivalDateTime'] : []),
    ];
    if (changed.length > 0) {
      if (!input.rekey) return { kind: 'rekey-unconfirmed', changed };
      return firstFiling(withdrawAll(acceptedTrip));
    }
  }

  const added: number[] = [];
  const changedShipments: number[] = [];
  current.forEach((shipment, index) => {
    const before = accepted.get(scnOf(shipment));
    if (before === undefined) added.push(index);
    else if (canonicalJson(before) !== canonicalJson(shipment)) changedShipments.push(index);
  });
  const present = new Set(current.map(scnOf));
  const removed = [...accepted.keys()].filter((scn) => !present.has(scn));
  const tripNow = tripOnly(document);
  const tripChanged =
    acceptedTrip === undefined || canonicalJson(acceptedTrip) !== canonicalJson(tripNow);

  const messages: PlannedMessage[] = [];
  if (added.length > 0) {
    messages.push({ kind: '309', purpose: 'preliminary', trip: document, shipments: added });
  }
  if (changedShipments.length > 0) {
    messages.push({ kind: '309', purpose: 'update', trip: document, shipments: changedShipments });
  }
  let trip: SyncPlan['trip'];
  if (acceptedTrip === undefined) {
    messages.push({ kind: '358', purpose: 'original', trip: document });
    trip = { action: 'original', snapshot: tripNow };
  } else if (tripChanged || added.length > 0 || removed.length > 0) {
    messages.push({ kind: '358', purpose: 'update', trip: document, link: added, unlink: removed });
    trip = { action: 'update', snapshot: tripNow };
  }
  if (removed.length > 0) {
    messages.push({
      kind: '309',
      purpose: 'delete',
      trip: stubs(removed, tripNow),
      shipments: removed.map((_, i) => i),
    });
  }
  if (messages.length === 0) return { kind: 'in-sync' };
  return {
    kind: 'plan',
    messages,
    trip,
    shipments: [
      ...added.map((i) => ({
        scn: scnOf(current[i] ?? {}),
        action: 'add' as const,
        snapshot: current[i] ?? null,
      })),
      ...changedShipments.map((i) => ({
        scn: scnOf(current[i] ?? {}),
        action: 'change' as const,
        snapshot: current[i] ?? null,
      })),
      ...removed.map((scn) => ({ scn, action: 'delete' as const, snapshot: null })),
    ],
  };
}
