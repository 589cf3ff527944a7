import { expect, it } from 'vitest';
import { exportedTrip } from '../../../test/exports.js';
import { aDriver, aShipment, aTrailer, aTrip, aTruck } from '../../../test/builders.js';
import { appFailure } from '../../../test/storage-failure.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import * as app from '../index.js';

describeOnDatabases('address book and profiles', (ctx) => {
  it('finds parties by the start of any word of name, city or postal code', async () => {
    const company = await ctx().newCompany();
    const add = (kind: 'shipper' | 'consignee' | 'broker', party: object) =>
      app.createParty(ctx().deps, company.dispatcher, { kind, party });
    const mills = await add('shipper', {
      name: 'Maple Leaf Mills Ltd',
      address: { city: 'Toronto', postalCode: 'M5X 1A9' },
    });
    const grocers = await add('consignee', {
      name: 'Great Lakes Grocers',
      address: { city: 'Buffalo', postalCode: '14202' },
    });
    const montreal = await add('shipper', {
      name: 'Épicerie Fine',
      address: { city: 'Montréal', postalCode: 'H2X 1Y4' },
    });
    const broker = await add('broker', {
      name: 'Niagara Customs Brokers',
      filerCode: 'N7B',
      email: 'e@example.com',
      address: { city: 'Toronto' },
    });
    const search = async (query: string, kind?: 'shipper' | 'consignee' | 'broker') =>
      (await app.searchParties(ctx().deps, company.viewer, { query, kind }))
        .map((p) => p.id)
        .sort();

    expect(await search('map')).toEqual([mills.id]);
    expect(await search('LEAF')).toEqual([mills.id]);
    expect(await search('tor')).toEqual([mills.id, broker.id].sort());
    expect(await search('tor', 'broker')).toEqual([broker.id]);
    expect(await search('m5x')).toEqual([mills.id]);
    expect(await search('m5x1')).toEqual([mills.id]); // postal code typed without its space
    expect(await search('M5X 1A')).toEqual([mills.id]);
    expect(await search('142')).toEqual([grocers.id]);
    expect(await search('montreal')).toEqual([montreal.id]); // accents folded
    expect(await search('epic mont')).toEqual([montreal.id]); // every word must match
    expect(await search('epic buff')).toEqual([]);
    expect(await search('n7b')).toEqual([broker.id]);
    expect(await search('eaf')).toEqual([]); // prefixes of words, not substrings
    expect(await search('   ')).toEqual([]);
    expect(await search('%')).toEqual([]);
  });

  it('keeps search in step with edits and deletes', async () => {
    const company = await ctx().newCompany();
    const party = await app.createParty(ctx().deps, company.dispatcher, {
      kind: 'consignee',
      party: { name: 'Old Name Inc' },
    });
    const renamed = await app.updateParty(ctx().deps, company.dispatcher, {
      partyId: party.id,
      expectedVersion: 1,
      kind: 'consignee',
      party: { name: 'New Name Inc' },
    });
    expect(await app.searchParties(ctx().deps, company.viewer, { query: 'old' })).toEqual([]);
    expect(
      (await app.searchParties(ctx().deps, company.viewer, { query: 'new' })).map((p) => p.id),
    ).toEqual([party.id]);
    expect(
      (
        await appFailure(
          app.updateParty(ctx().deps, company.dispatcher, {
            partyId: party.id,
            expectedVersion: 1,
            kind: 'consignee',
            party: {},
          }),
        )
      ).kind,
    ).toBe('STALE_VERSION');
    await app.deleteParty(ctx().deps, company.dispatcher, {
      partyId: party.id,
      expectedVersion: renamed.version,
    });
    expect(await app.searchParties(ctx().deps, company.viewer, { query: 'new' })).toEqual([]);
    expect((await app.listParties(ctx().deps, company.viewer, {})).items).toEqual([]);
  });

  it('limits results and returns each party once', async () => {
    const company = await ctx().newCompany();
    for (let i = 0; i < 15; i++) {
      await app.createParty(ctx().deps, company.dispatcher, {
        kind: 'shipper',
        party: { name: `Toronto Toronto Supply ${i}`, address: { city: 'Toronto' } },
      });
    }
    const found = await app.searchParties(ctx().deps, company.viewer, {
      query: 'toronto',
      limit: 10,
    });
    expect(found).toHaveLength(10);
    expect(new Set(found.map((p) => p.id)).size).toBe(10);
  });

  it('finds a multi-word match that lies beyond the first batch of candidates', async () => {
    const company = await ctx().newCompany();
    const now = ctx().clock.now().toISOString();
    await ctx().deps.store.transaction(async (repos) => {
      for (let i = 0; i < 520; i++) {
        await repos.parties.insert({
          id: `party-${company.scac}-${String(i).padStart(4, '0')}`,
          companyId: company.companyId,
          kind: 'consignee',
          party: {
            name: `Harbour Foods ${i}`,
            address: { city: i === 519 ? 'Zetaville' : 'Halifax' },
          },
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
      }
    });
    const found = await app.searchParties(ctx().deps, company.viewer, { query: 'harbour zeta' });
    expect(found.map((p) => p.party.name)).toEqual(['Harbour Foods 519']);
  });

  it('checks a broker’s shape apart from a shipper’s', async () => {
    const company = await ctx().newCompany();
    const error = await appFailure(
      app.createParty(ctx().deps, company.dispatcher, {
        kind: 'shipper',
        party: { name: 'X', filerCode: 'ABC' },
      }),
    );
    expect(error.kind).toBe('VALIDATION_FAILED');
    expect(error.issues[0]?.path).toBe('/party/filerCode');
  });

  it("bounds a party's texts like the trip document's, located, on create and on replace", async () => {
    const company = await ctx().newCompany();
    // 11,000 words, 66 KB: one statement of their search terms was more than SQLite takes.
    const manyWords = Array.from({ length: 11_000 }, (_, i) => `w${i}`).join(' ');
    const issuesOf = async (promise: Promise<unknown>) => {
      const error = await appFailure(promise);
      expect(error.kind).toBe('VALIDATION_FAILED');
      return error.issues.map((issue) => [issue.code, issue.path, issue.message]);
    };
    const create = (kind: 'shipper' | 'broker', party: object) =>
      app.createParty(ctx().deps, company.dispatcher, { kind, party });

    expect(await issuesOf(create('shipper', { name: manyWords }))).toEqual([
      ['TEXT_TOO_LONG', '/party/name', 'Name has 65,889 characters; at most 256 are accepted.'],
    ]);
    expect(
      await issuesOf(
        create('broker', {
          name: 'n'.repeat(1_000_000),
          filerCode: 'N7B',
          address: { city: 'c'.repeat(257) },
        }),
      ),
    ).toEqual([
      ['TEXT_TOO_LONG', '/party/name', 'Name has 1,000,000 characters; at most 256 are accepted.'],
      [
        'TEXT_TOO_LONG',
        '/party/address/city',
        'City has 257 characters; at most 256 are accepted.',
      ],
    ]);
    expect(await issuesOf(create('shipper', { name: 'A\ud800B' }))).toEqual([
      [
        'TEXT_LONE_SURROGATE',
        '/party/name',
        'Name holds U+D800, half of a UTF-16 surrogate pair without its other half; send the whole character or remove it.',
      ],
    ]);

    // At the bounds, and a whole pair (an emoji), are kept.
    const party = await create('shipper', {
      name: 'n'.repeat(256),
      address: { city: 'Caf\u00e9 \u{1F69A}' },
    });
    expect(party.party.address?.city).toBe('Caf\u00e9 \u{1F69A}');
    expect(
      await issuesOf(
        app.updateParty(ctx().deps, company.dispatcher, {
          partyId: party.id,
          expectedVersion: 1,
          kind: 'shipper',
          party: { name: manyWords, address: { postalCode: '\udc00' } },
        }),
      ),
    ).toEqual([
      ['TEXT_TOO_LONG', '/party/name', 'Name has 65,889 characters; at most 256 are accepted.'],
      [
        'TEXT_LONE_SURROGATE',
        '/party/address/postalCode',
        'Postal code holds U+DC00, half of a UTF-16 surrogate pair without its other half; send the whole character or remove it.',
      ],
    ]);
    expect((await app.getParty(ctx().deps, company.viewer, { partyId: party.id })).version).toBe(1);
  });

  it('writes the search terms of a party of any size within the database’s variable limits', async () => {
    // The use cases bound a party's texts; the repository must not depend on it. 17,000 words
    // of 4 variables each are more than either database takes in one statement. They are in
    // the filer code, which is kept in the JSON only: PostgreSQL's index on the name holds
    // at most 8 KB a row.
    const company = await ctx().newCompany();
    const words = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `w${from + i}`).join(' ');
    const at = ctx().clock.now().toISOString();
    const record = {
      id: 'party-of-many-words',
      companyId: company.companyId,
      version: 1,
      createdAt: at,
      updatedAt: at,
      kind: 'broker' as const,
      party: { name: 'Wordy Brokers', filerCode: words(0, 17_000) },
    };
    await ctx().deps.store.transaction((repos) => repos.parties.insert(record));
    const found = (query: string) =>
      app.searchParties(ctx().deps, company.viewer, { query }).then((p) => p.map((x) => x.id));
    expect(await found('w16999')).toEqual([record.id]);
    const replaced = {
      ...record,
      version: 2,
      party: { ...record.party, filerCode: words(1, 17_001) },
    };
    expect(await ctx().deps.store.transaction((repos) => repos.parties.update(replaced))).toBe(
      true,
    );
    expect(await found('w17000')).toEqual([record.id]);
    expect(await found('w0')).toEqual([]);
  });

  it("bounds a profile's name and data texts, located", async () => {
    const company = await ctx().newCompany();
    const truck = await appFailure(
      app.createProfile(ctx().deps, company.dispatcher, {
        kind: 'truck',
        name: 'Unit \ud83d',
        data: aTruck({ number: '9'.repeat(300) }),
      }),
    );
    expect(truck.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['TEXT_LONE_SURROGATE', '/name'],
      ['TEXT_TOO_LONG', '/data/number'],
    ]);
    const driver = await appFailure(
      app.createProfile(ctx().deps, company.dispatcher, {
        kind: 'driver',
        name: 'Jean',
        data: aDriver({ travelDocuments: [{ type: '5J', number: 'P\udfff', country: 'CA' }] }),
      }),
    );
    expect(driver.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['TEXT_LONE_SURROGATE', '/data/travelDocuments/0/number'],
    ]);
  });

  it('finds profiles by what a dispatcher types, within the company and the kind', async () => {
    const company = await ctx().newCompany();
    const other = await ctx().newCompany();
    const add = (
      c: typeof company,
      input: Parameters<typeof app.createProfile>[2],
    ): ReturnType<typeof app.createProfile> => app.createProfile(ctx().deps, c.dispatcher, input);
    const truck = await add(company, { kind: 'truck', name: 'Unit 101', data: aTruck() });
    const trailer = await add(company, { kind: 'trailer', name: 'Reefer', data: aTrailer() });
    const jean = await add(company, { kind: 'driver', name: 'Jean', data: aDriver() });
    const marie = await add(company, {
      kind: 'passenger',
      name: 'Co-driver',
      data: { firstName: 'Marie', lastName: 'Côté', aceId: 'ACE778899' },
    });
    // The same truck in another company: never found from this one.
    await add(other, { kind: 'truck', name: 'Unit 101', data: aTruck() });
    const search = async (q: string, kind?: 'truck' | 'trailer' | 'driver' | 'passenger') =>
      (await app.listProfiles(ctx().deps, company.viewer, { kind, query: q })).items
        .map((p) => p.id)
        .sort();

    expect(await search('unit 101')).toEqual([truck.id]); // its name
    expect(await search('t-101')).toEqual([truck.id]); // unit number
    expect(await search('ab123')).toEqual([truck.id, jean.id].sort()); // plate; a document
    expect(await search('ab123', 'truck')).toEqual([truck.id]);
    expect(await search('042788')).toEqual([truck.id]); // the end of the VIN
    expect(await search('p4471k')).toEqual([trailer.id]); // trailer plate
    expect(await search('TREMBLAY jean')).toEqual([jean.id]); // names, any order and case
    expect(await search('427055')).toEqual([jean.id]); // FAST card
    expect(await search('T1234-567')).toEqual([jean.id]); // licence number as printed
    expect(await search('cote')).toEqual([marie.id]); // accents folded
    expect(await search('ace7788', 'passenger')).toEqual([marie.id]);
    expect(await search('jean cote')).toEqual([]); // every word must match
    expect(await search('  ')).toEqual([jean.id, marie.id, trailer.id, truck.id].sort());
    // Punctuation is not a word (nor a LIKE wildcard): no filter at all.
    expect(await search('%_')).toEqual(await search(''));
    const everything = await app.listProfiles(ctx().deps, other.viewer, {});
    expect(everything.items.map((p) => p.kind)).toEqual(['truck']);
  });

  it('pages profiles by kind and name, each once, and keeps search in step with edits', async () => {
    const company = await ctx().newCompany();
    const created: string[] = [];
    for (let i = 0; i < 23; i++) {
      const kind = i % 3 === 0 ? 'passenger' : 'driver';
      const name = `Driver ${String(i % 7)}`; // repeated names: the id breaks the tie
      const profile = await app.createProfile(ctx().deps, company.dispatcher, {
        kind,
        name,
        data: { firstName: `First${String(i)}`, lastName: 'Roy' },
      });
      created.push(profile.id);
    }
    const pages = async (input: { kind?: 'driver'; query?: string }) => {
      const seen: { kind: string; name: string; id: string }[] = [];
      let cursor: string | undefined;
      let count = 0;
      do {
        const page = await app.listProfiles(ctx().deps, company.viewer, {
          ...input,
          limit: 5,
          cursor,
        });
        seen.push(...page.items.map((p) => ({ kind: p.kind, name: p.name, id: p.id })));
        cursor = page.nextCursor ?? undefined;
        count++;
      } while (cursor !== undefined);
      return { seen, count };
    };
    const all = await pages({});
    expect(all.count).toBe(5);
    expect(all.seen.map((p) => p.id).sort()).toEqual([...created].sort());
    const order = (p: { kind: string; name: string; id: string }) => [p.kind, p.name, p.id];
    expect(all.seen).toEqual(
      [...all.seen].sort((a, b) => (order(a).join('\u0000') < order(b).join('\u0000') ? -1 : 1)),
    );
    const drivers = await pages({ kind: 'driver', query: 'roy' });
    expect(drivers.seen).toHaveLength(15);
    expect(new Set(drivers.seen.map((p) => p.id)).size).toBe(15);
    expect(drivers.seen.every((p) => p.kind === 'driver')).toBe(true);

    const first = created[0] ?? '';
    await app.updateProfile(ctx().deps, company.dispatcher, {
      profileId: first,
      expectedVersion: 1,
      kind: 'passenger',
      name: 'Renamed',
      data: { firstName: 'Zoé', lastName: 'Gagnon' },
    });
    const find = async (query: string) =>
      (await app.listProfiles(ctx().deps, company.viewer, { query })).items.map((p) => p.id);
    expect(await find('gagnon zoe')).toEqual([first]);
    expect(await find('first0 ')).toEqual([]);
    await app.deleteProfile(ctx().deps, company.dispatcher, {
      profileId: first,
      expectedVersion: 2,
    });
    expect(await find('gagnon')).toEqual([]);

    const bad = await appFailure(
      app.listProfiles(ctx().deps, company.viewer, { cursor: 'not-a-cursor' }),
    );
    expect(bad.issues[0]).toMatchObject({ code: 'PAGE_CURSOR_INVALID', path: '/cursor' });
  });

  it('copies profiles into the trip, so later profile edits do not rewrite it', async () => {
    const company = await ctx().newCompany();
    const truck = await app.createProfile(ctx().deps, company.dispatcher, {
      kind: 'truck',
      name: 'Unit 101',
      data: aTruck(),
    });
    const trailer = await app.createProfile(ctx().deps, company.dispatcher, {
      kind: 'trailer',
      name: 'TR-5501',
      data: aTrailer(),
    });
    const driver = await app.createProfile(ctx().deps, company.dispatcher, {
      kind: 'driver',
      name: 'Jean',
      data: aDriver(),
    });
    const { trip } = await app.createTrip(ctx().deps, company.dispatcher, {});
    const assigned = await app.assignProfiles(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      expectedVersion: 1,
      truckProfileId: truck.id,
      trailerProfileIds: [trailer.id],
      driverProfileIds: [driver.id],
    });
    expect(assigned.trip.document).toMatchObject({
      truck: aTruck(),
      trailers: [aTrailer()],
      drivers: [aDriver()],
    });
    await app.updateProfile(ctx().deps, company.dispatcher, {
      profileId: truck.id,
      expectedVersion: 1,
      kind: 'truck',
      name: 'Unit 101',
      data: aTruck({ vinNumber: 'CHANGED' }),
    });
    const stored = await app.getTrip(ctx().deps, company.viewer, { tripId: trip.id });
    expect(stored.document.truck?.vinNumber).toBe(aTruck().vinNumber);
    const mismatch = await appFailure(
      app.assignProfiles(ctx().deps, company.dispatcher, {
        tripId: trip.id,
        expectedVersion: 2,
        truckProfileId: driver.id,
      }),
    );
    expect(mismatch.issues[0]).toMatchObject({
      code: 'PROFILE_KIND_MISMATCH',
      path: '/truckProfileId/0',
    });
  });

  it('saves a trip as a template and creates trips from it', async () => {
    const company = await ctx().newCompany();
    const { trip } = await app.createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}5000`,
        shipments: [aShipment({ shipmentControlNumber: `${company.scac}T1` })],
      }),
    });
    const template = await app.saveTemplate(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      name: 'Toronto run',
    });
    expect(template.document.tripNumber).toBeUndefined();
    expect(template.document.shipments?.[0]?.shipmentControlNumber).toBeUndefined();
    expect(
      (
        await appFailure(
          app.saveTemplate(ctx().deps, company.dispatcher, {
            tripId: trip.id,
            name: 'Toronto run',
          }),
        )
      ).kind,
    ).toBe('CONFLICT');
    const applied = await app.applyTemplate(ctx().deps, company.dispatcher, {
      templateId: template.id,
      estimatedArrivalDateTime: '2026-12-01 08:00:00',
    });
    const { document } = await exportedTrip(ctx().deps, company.viewer, {
      tripId: applied.trip.id,
    });
    expect(document.estimatedArrivalDateTime).toBe('2026-12-01 08:00:00');
    expect(document.truck).toEqual(aTrip().truck);
    expect(document.shipments?.[0]?.shipmentControlNumber).toMatch(
      new RegExp(`^${company.scac}\\d{10}$`),
    );
    expect((await app.listTemplates(ctx().deps, company.viewer)).map((t) => t.name)).toEqual([
      'Toronto run',
    ]);
  });
});
