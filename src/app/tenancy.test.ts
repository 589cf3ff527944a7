import { expect, it } from 'vitest';
import { exportedTrip } from '../../test/exports.js';
import { aShipment, aTrip, aTruck } from '../../test/builders.js';
import { appFailure } from '../../test/storage-failure.js';
import { describeOnDatabases, type TestContext } from '../../test/storage-harness.js';
import type { Actor } from './shared/actor.js';
import * as app from './index.js';

/**
 * A record of another company is NOT_FOUND, never visible, never changed: every use case that
 * takes an id is called by company B (as a user and as a token) with company A's ids.
 */
async function seedCompanyA(ctx: TestContext) {
  const a = await ctx.newCompany();
  const { trip } = await app.createTrip(ctx.deps, a.dispatcher, {
    document: aTrip({ tripNumber: `${a.scac}0001`, shipments: [] }),
  });
  const { shipment } = await app.createShipment(ctx.deps, a.dispatcher, {
    tripId: trip.id,
    shipment: aShipment({ shipmentControlNumber: undefined }),
  });
  const party = await app.createParty(ctx.deps, a.dispatcher, {
    kind: 'shipper',
    party: { name: 'Secret Shipper', address: { city: 'Toronto' } },
  });
  const profile = await app.createProfile(ctx.deps, a.dispatcher, {
    kind: 'truck',
    name: 'Unit 1',
    data: aTruck(),
  });
  const template = await app.saveTemplate(ctx.deps, a.dispatcher, {
    tripId: trip.id,
    name: 'Weekly',
  });
  const { token } = await app.createApiToken(ctx.deps, a.admin, {
    name: 'TMS',
    role: 'dispatcher',
  });
  const user = await app.createUser(ctx.deps, a.admin, {
    email: `clerk@${a.scac.toLowerCase()}.example`,
    displayName: 'Clerk',
    role: 'viewer',
    password: 'long enough password',
  });
  return { a, trip, shipment, party, profile, template, token, user: user.user };
}

describeOnDatabases('tenancy', (ctx) => {
  it('hides every record of company A from company B’s users and tokens', async () => {
    const seeded = await seedCompanyA(ctx());
    const { trip, shipment, party, profile, template, token, user } = seeded;
    const b = await ctx().newCompany();
    const { token: bToken } = await app.createApiToken(ctx().deps, b.admin, {
      name: 'B',
      role: 'admin',
    });
    const outsiders: Actor[] = [
      b.admin,
      { kind: 'token', companyId: b.companyId, tokenId: bToken.id, role: 'admin' },
    ];
    const before = await snapshot(ctx(), seeded.a.admin, trip.id);

    for (const actor of outsiders) {
      const d = ctx().deps;
      const calls: [string, () => Promise<unknown>][] = [
        ['getTrip', () => app.getTrip(d, actor, { tripId: trip.id })],
        [
          'updateTrip',
          () =>
            app.updateTrip(d, actor, {
              tripId: trip.id,
              expectedVersion: 1,
              document: { data: 'ACE_TRIP' },
            }),
        ],
        ['deleteTrip', () => app.deleteTrip(d, actor, { tripId: trip.id, expectedVersion: 1 })],
        ['copyTrip', () => app.copyTrip(d, actor, { tripId: trip.id })],
        ['validateTrip', () => app.validateTrip(d, actor, { tripId: trip.id })],
        ['exportTrip', () => app.exportTrip(d, actor, { tripId: trip.id, includeHistory: true })],
        [
          'assignProfiles',
          () => app.assignProfiles(d, actor, { tripId: trip.id, expectedVersion: 1 }),
        ],
        [
          'assignProfiles(profile)',
          async () => {
            const own = await app.createTrip(d, actor, {});
            return app.assignProfiles(d, actor, {
              tripId: own.trip.id,
              expectedVersion: 1,
              truckProfileId: profile.id,
            });
          },
        ],
        ['saveTemplate', () => app.saveTemplate(d, actor, { tripId: trip.id, name: 'Stolen' })],
        ['applyTemplate', () => app.applyTemplate(d, actor, { templateId: template.id })],
        ['deleteTemplate', () => app.deleteTemplate(d, actor, { templateId: template.id })],
        ['listShipments', () => app.listShipments(d, actor, { tripId: trip.id })],
        [
          'createShipment',
          () =>
            app.createShipment(d, actor, {
              tripId: trip.id,
              shipment: aShipment({ shipmentControlNumber: undefined }),
            }),
        ],
        [
          'importDocument',
          () =>
            app.importDocument(d, actor, {
              tripId: trip.id,
              json: { data: 'ACE_SHIPMENT', shipments: [] },
            }),
        ],
        ['getShipment', () => app.getShipment(d, actor, { shipmentId: shipment.id })],
        ['validateShipment', () => app.validateShipment(d, actor, { shipmentId: shipment.id })],
        [
          'updateShipment',
          () =>
            app.updateShipment(d, actor, {
              shipmentId: shipment.id,
              expectedVersion: 1,
              shipment: aShipment(),
            }),
        ],
        [
          'deleteShipment',
          () => app.deleteShipment(d, actor, { shipmentId: shipment.id, expectedVersion: 1 }),
        ],
        [
          'attachShipment',
          () =>
            app.attachShipment(d, actor, {
              shipmentId: shipment.id,
              expectedVersion: 1,
              tripId: null,
            }),
        ],
        ['getParty', () => app.getParty(d, actor, { partyId: party.id })],
        [
          'updateParty',
          () =>
            app.updateParty(d, actor, {
              partyId: party.id,
              expectedVersion: 1,
              kind: 'shipper',
              party: {},
            }),
        ],
        ['deleteParty', () => app.deleteParty(d, actor, { partyId: party.id, expectedVersion: 1 })],
        ['getProfile', () => app.getProfile(d, actor, { profileId: profile.id })],
        [
          'updateProfile',
          () =>
            app.updateProfile(d, actor, {
              profileId: profile.id,
              expectedVersion: 1,
              kind: 'truck',
              name: 'x',
              data: {},
            }),
        ],
        [
          'deleteProfile',
          () => app.deleteProfile(d, actor, { profileId: profile.id, expectedVersion: 1 }),
        ],
        ['revokeApiToken', () => app.revokeApiToken(d, actor, { tokenId: token.id })],
        ['changeUserRole', () => app.changeUserRole(d, actor, { userId: user.id, role: 'admin' })],
      ];
      for (const [name, call] of calls) {
        const error = await appFailure(call());
        expect(`${name}: ${error.kind}`).toBe(`${name}: NOT_FOUND`);
      }
      // Lists and search simply do not contain A's records.
      expect((await app.listTrips(d, actor, {})).items.map((t) => t.id)).not.toContain(trip.id);
      expect((await app.listShipments(d, actor, { tripId: null })).items).toHaveLength(0);
      expect(await app.searchParties(d, actor, { query: 'secret' })).toHaveLength(0);
      expect((await app.listParties(d, actor, {})).items).toHaveLength(0);
      expect((await app.listProfiles(d, actor, {})).items.map((p) => p.id)).not.toContain(
        profile.id,
      );
      expect((await app.listTemplates(d, actor)).map((t) => t.id)).not.toContain(template.id);
      expect((await app.listApiTokens(d, actor)).map((t) => t.id)).not.toContain(token.id);
      expect((await app.listUsers(d, actor)).map((m) => m.user.id)).not.toContain(user.id);
    }
    expect(await snapshot(ctx(), seeded.a.admin, trip.id)).toEqual(before);
  });
});

async function snapshot(ctx: TestContext, actor: Actor, tripId: string): Promise<unknown> {
  const d = ctx.deps;
  return {
    trip: await exportedTrip(d, actor, { tripId, includeHistory: true }),
    trips: (await app.listTrips(d, actor, {})).items,
    parties: (await app.listParties(d, actor, {})).items,
    profiles: await app.listProfiles(d, actor, {}),
    templates: await app.listTemplates(d, actor),
    tokens: await app.listApiTokens(d, actor),
    users: await app.listUsers(d, actor),
    unassociated: (await app.listShipments(d, actor, { tripId: null })).items,
  };
}
