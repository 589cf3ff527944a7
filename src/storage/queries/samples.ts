/**
 * Sample arguments for every public repository method, from which `npm run sql:generate`
 * records the SQL each method sends (src/storage/queries/*.sql, docs/storage.md "Committed
 * SQL"). Typed against the repository ports, so a changed signature fails to compile here.
 *
 * Each method runs against a fresh, migrated database holding `seedSampleData`, in a
 * transaction rolled back afterwards: every sample sees the same rows whatever ran before.
 * Where a method branches on what it finds, the arguments take the main path: an insert of
 * new values (not a conflict), an update at the stored version, a lookup that finds its row.
 * Where the branches are different queries worth reviewing (list filters, cursors), a method
 * has several named cases.
 */
import type { Repositories } from '../../app/shared/ports/index.js';
import type {
  Company,
  PartyRecord,
  ProfileRecord,
  ShipmentRecord,
  TemplateRecord,
  TripRecord,
} from '../../app/shared/records.js';
import { encodeCursor } from '../cursor.js';

/** The arguments of one call, or several named calls when the branches are worth seeing. */
export type MethodSample<F> = F extends (...args: infer A) => Promise<unknown>
  ? A | { readonly cases: Readonly<Record<string, A>> }
  : never;

export type RepositorySamples = {
  readonly [R in keyof Repositories]: {
    readonly [M in keyof Repositories[R]]: MethodSample<Repositories[R][M]>;
  };
};

const AT = '2026-11-30T12:00:00.000Z';
const LATER = '2026-11-30T13:00:00.000Z';

/** Rows every sample can rely on (ids are fixed so the recorded SQL never varies). */
export const SEED = {
  companyId: '00000000-0000-4000-8000-000000000001',
  userId: '00000000-0000-4000-8000-000000000002',
  tokenId: '00000000-0000-4000-8000-000000000003',
  tripId: '00000000-0000-4000-8000-000000000004',
  shipmentId: '00000000-0000-4000-8000-000000000005',
  shipperId: '00000000-0000-4000-8000-000000000006',
  brokerId: '00000000-0000-4000-8000-000000000007',
  profileId: '00000000-0000-4000-8000-000000000008',
  templateId: '00000000-0000-4000-8000-000000000009',
  invitationId: '00000000-0000-4000-8000-00000000000a',
  driverLinkId: '00000000-0000-4000-8000-00000000000b',
  webhookId: '00000000-0000-4000-8000-00000000000f',
  alertDeliveryId: '00000000-0000-4000-8000-000000000010',
  transmissionId: '00000000-0000-4000-8000-00000000000c',
  archiveId: '00000000-0000-4000-8000-00000000000d',
  /** A second company: no member, no filing identity yet. */
  otherCompanyId: '00000000-0000-4000-8000-00000000000e',
  scac: 'SMPL',
  email: 'admin@smpl.example',
  tripNumber: 'SMPL000001',
  scn: 'SMPL0000000001',
  sessionHash: 'session-hash',
  tokenHash: 'token-hash',
  invitationHash: 'invitation-hash',
  senderId: 'SMPLSENDER',
  controlNumber: 1,
  cursorName: 'sample-transport',
} as const;

/** New ids for the insert samples (the seeded rows keep theirs). */
const NEW = {
  companyId: '00000000-0000-4000-8000-000000000101',
  userId: '00000000-0000-4000-8000-000000000102',
  tokenId: '00000000-0000-4000-8000-000000000103',
  tripId: '00000000-0000-4000-8000-000000000104',
  shipmentId: '00000000-0000-4000-8000-000000000105',
  partyId: '00000000-0000-4000-8000-000000000106',
  profileId: '00000000-0000-4000-8000-000000000108',
  templateId: '00000000-0000-4000-8000-000000000109',
  invitationId: '00000000-0000-4000-8000-00000000010a',
  driverLinkId: '00000000-0000-4000-8000-00000000010b',
  webhookId: '00000000-0000-4000-8000-00000000010f',
  alertDeliveryId: '00000000-0000-4000-8000-000000000110',
  transmissionId: '00000000-0000-4000-8000-00000000010c',
  archiveId: '00000000-0000-4000-8000-00000000010d',
} as const;

const company: Company = {
  id: SEED.companyId,
  name: 'Sample Carrier',
  scac: SEED.scac,
  defaultPortOfArrival: '0901',
  tripNumberPrefix: 'SMPL',
  filingMode: 'test',
  version: 1,
  createdAt: AT,
  updatedAt: AT,
};

const trip: TripRecord = {
  id: SEED.tripId,
  companyId: SEED.companyId,
  tripNumber: SEED.tripNumber,
  status: 'draft',
  document: {
    data: 'ACE_TRIP',
    tripNumber: SEED.tripNumber,
    usPortOfArrival: '0901',
    estimatedArrivalDateTime: '2026-12-01 08:00:00',
    truck: { number: 'T1' },
    drivers: [{ firstName: 'Ada', lastName: 'Driver' }],
    shipments: [],
  },
  version: 1,
  createdAt: AT,
  updatedAt: AT,
};

const shipment: ShipmentRecord = {
  id: SEED.shipmentId,
  companyId: SEED.companyId,
  tripId: SEED.tripId,
  position: 1,
  shipment: {
    type: 'PAPS',
    shipmentControlNumber: SEED.scn,
    shipper: { name: 'Maple Foods' },
    consignee: { name: 'Lake Grocers' },
  },
  version: 1,
  createdAt: AT,
  updatedAt: AT,
};

const shipper: PartyRecord = {
  id: SEED.shipperId,
  companyId: SEED.companyId,
  kind: 'shipper',
  party: { name: 'Maple Foods', address: { city: 'Toronto', postalCode: 'M5V 2T6' } },
  version: 1,
  createdAt: AT,
  updatedAt: AT,
};

const broker: PartyRecord = {
  id: SEED.brokerId,
  companyId: SEED.companyId,
  kind: 'broker',
  party: { name: 'Border Brokers', filerCode: 'BRB', address: { city: 'Buffalo' } },
  version: 1,
  createdAt: AT,
  updatedAt: AT,
};

const profile: ProfileRecord = {
  id: SEED.profileId,
  companyId: SEED.companyId,
  kind: 'truck',
  name: 'T1',
  data: { number: 'T1' },
  version: 1,
  createdAt: AT,
  updatedAt: AT,
};

const template: TemplateRecord = {
  id: SEED.templateId,
  companyId: SEED.companyId,
  name: 'Toronto run',
  document: { data: 'ACE_TRIP', usPortOfArrival: '0901' },
  version: 1,
  createdAt: AT,
  updatedAt: AT,
};

/** The rows the samples read, update and delete; written through the repositories. */
export async function seedSampleData(repos: Repositories): Promise<void> {
  await repos.companies.insert(company);
  await repos.companies.insert({ ...company, id: SEED.otherCompanyId, scac: 'OTHR' });
  await repos.users.insert(
    { id: SEED.userId, email: SEED.email, displayName: 'Admin', createdAt: AT },
    'password-hash',
  );
  await repos.memberships.insert({
    userId: SEED.userId,
    companyId: SEED.companyId,
    role: 'admin',
    createdAt: AT,
  });
  await repos.sessions.insert({
    idHash: SEED.sessionHash,
    userId: SEED.userId,
    companyId: SEED.companyId,
    csrfSecret: 'csrf',
    createdAt: AT,
    expiresAt: LATER,
  });
  await repos.apiTokens.insert(
    {
      id: SEED.tokenId,
      companyId: SEED.companyId,
      name: 'Sample token',
      role: 'dispatcher',
      createdBy: SEED.userId,
      createdAt: AT,
      lastUsedAt: null,
      revokedAt: null,
    },
    SEED.tokenHash,
  );
  await repos.invitations.insert(
    {
      id: SEED.invitationId,
      companyId: SEED.companyId,
      email: 'new@smpl.example',
      role: 'viewer',
      createdAt: AT,
      expiresAt: LATER,
      acceptedAt: null,
    },
    SEED.invitationHash,
  );
  await repos.parties.insert(shipper);
  await repos.parties.insert(broker);
  await repos.profiles.insert(profile);
  await repos.templates.insert(template);
  await repos.trips.insert(trip);
  await repos.shipments.insert([shipment]);
  await repos.scns.register(SEED.companyId, SEED.scn, SEED.shipmentId, AT);
  await repos.audit.append([auditEntry(SEED.tripId)]);
  await repos.driverLinks.insert({
    id: SEED.driverLinkId,
    companyId: SEED.companyId,
    tripId: SEED.tripId,
    createdAt: AT,
    expiresAt: LATER,
    revokedAt: null,
  });
  await repos.filing.senderId(SEED.companyId, SEED.senderId, AT);
  await repos.filing.enqueue([transmission(SEED.transmissionId, SEED.controlNumber)], AT);
  await repos.filing.archive(archived(SEED.archiveId));
  await repos.filing.putStates([filingState]);
  await repos.filing.appendHistory([historyEntry]);
  await repos.filing.setCursor(SEED.cursorName, 'cursor-1');
  await repos.companyLogos.put(companyLogo);
  await repos.alerts.putSettings(alertSettings);
  await repos.alerts.addWebhook(webhook(SEED.webhookId));
  await repos.alerts.enqueue([alertDelivery(SEED.alertDeliveryId)], AT);
}

const companyLogo = {
  companyId: SEED.companyId,
  mediaType: 'image/png',
  width: 1,
  height: 1,
  bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  updatedAt: AT,
} as const;

const alertSettings = {
  companyId: SEED.companyId,
  dispatcherEmails: ['dispatch@smpl.example'],
  emailBrokers: true,
  emailDrivers: false,
  updatedAt: AT,
} as const;

function webhook(id: string) {
  return {
    id,
    companyId: SEED.companyId,
    url: 'https://hooks.smpl.example/emanifest',
    events: ['shipment.released'],
    active: true,
    secret: 'whsec_sample',
    createdAt: AT,
  } as const;
}

function alertDelivery(id: string) {
  return {
    id,
    companyId: SEED.companyId,
    eventId: `event-${id}`,
    eventType: 'shipment.released',
    tripId: SEED.tripId,
    channel: 'webhook',
    endpointId: SEED.webhookId,
    recipient: 'https://hooks.smpl.example/emanifest',
    payload: '{}',
    createdAt: AT,
  } as const;
}

function auditEntry(entityId: string) {
  return {
    companyId: SEED.companyId,
    actorUserId: SEED.userId,
    actorTokenId: null,
    at: AT,
    entityType: 'trip',
    entityId,
    tripId: SEED.tripId,
    action: 'create',
    before: null,
    after: { tripNumber: SEED.tripNumber },
  } as const;
}

function transmission(id: string, controlNumber: number) {
  return {
    id,
    companyId: SEED.companyId,
    tripId: SEED.tripId,
    tripNumber: SEED.tripNumber,
    setId: '309',
    purpose: 'add',
    controlNumber,
    scns: [SEED.scn],
    payload: 'ISA*…~',
    createdAt: AT,
  } as const;
}

function archived(id: string) {
  return {
    id,
    companyId: SEED.companyId,
    tripId: SEED.tripId,
    direction: 'out',
    setId: '309',
    controlNumber: '000000001',
    at: AT,
    text: 'ISA*…~',
    problem: null,
  } as const;
}

const filingState = {
  companyId: SEED.companyId,
  tripId: SEED.tripId,
  scn: '',
  status: 'transmitted',
  accepted: null,
  sent: { action: 'original', snapshot: { tripNumber: SEED.tripNumber } },
  updatedAt: AT,
} as const;

const historyEntry = {
  companyId: SEED.companyId,
  tripId: SEED.tripId,
  scn: '',
  status: 'transmitted',
  at: AT,
  detail: { controlNumber: SEED.controlNumber },
  archiveId: SEED.archiveId,
} as const;

export const SAMPLES: RepositorySamples = {
  companies: {
    insert: [{ ...company, id: NEW.companyId, scac: 'NEWC' }],
    findById: [SEED.companyId],
    findByScac: [SEED.scac],
    listByScac: [20],
    none: [],
    update: [
      SEED.companyId,
      company.version,
      {
        name: 'Renamed',
        defaultPortOfArrival: '0901',
        tripNumberPrefix: 'SMPL',
        filingMode: 'production',
        updatedAt: LATER,
      },
    ],
    reserveTripSequence: [SEED.companyId, 1],
    reserveScnSequence: [SEED.companyId, 3],
    peekScnSequence: [SEED.companyId],
  },
  users: {
    insert: [
      { id: NEW.userId, email: 'new@smpl.example', displayName: 'New', createdAt: AT },
      'password-hash',
    ],
    findById: [SEED.userId],
    findByEmail: [SEED.email],
  },
  memberships: {
    insert: [
      { userId: SEED.userId, companyId: SEED.otherCompanyId, role: 'viewer', createdAt: AT },
    ],
    find: [SEED.userId, SEED.companyId],
    listForCompany: [SEED.companyId],
    listForUser: [SEED.userId],
    setRole: [SEED.userId, SEED.companyId, 'dispatcher'],
    countAdmins: [SEED.companyId],
    remove: [SEED.userId, SEED.companyId],
  },
  invitations: {
    insert: [
      {
        id: NEW.invitationId,
        companyId: SEED.companyId,
        email: 'other@smpl.example',
        role: 'dispatcher',
        createdAt: AT,
        expiresAt: LATER,
        acceptedAt: null,
      },
      'new-invitation-hash',
    ],
    findByTokenHash: [SEED.invitationHash],
    markAccepted: [SEED.invitationId, LATER],
  },
  sessions: {
    insert: [
      {
        idHash: 'new-session-hash',
        userId: SEED.userId,
        companyId: SEED.companyId,
        csrfSecret: 'csrf',
        createdAt: AT,
        expiresAt: LATER,
      },
    ],
    findByHash: [SEED.sessionHash],
    setCompany: [SEED.sessionHash, SEED.companyId],
    delete: [SEED.sessionHash],
    deleteExpired: [LATER],
  },
  apiTokens: {
    insert: [
      {
        id: NEW.tokenId,
        companyId: SEED.companyId,
        name: 'Another token',
        role: 'viewer',
        createdBy: SEED.userId,
        createdAt: AT,
        lastUsedAt: null,
        revokedAt: null,
      },
      'new-token-hash',
    ],
    findByHash: [SEED.tokenHash],
    findById: [SEED.companyId, SEED.tokenId],
    list: [SEED.companyId],
    revoke: [SEED.companyId, SEED.tokenId, LATER],
    touch: [SEED.tokenId, LATER],
  },
  parties: {
    insert: [{ ...shipper, id: NEW.partyId, party: { name: 'Prairie Mills' } }],
    findById: [SEED.companyId, SEED.shipperId],
    update: [{ ...shipper, version: shipper.version + 1, updatedAt: LATER }],
    softDelete: [SEED.companyId, SEED.shipperId, shipper.version, LATER],
    list: {
      cases: {
        'first page': [SEED.companyId, {}, {}],
        'one kind, next page': [
          SEED.companyId,
          { kind: 'shipper' },
          { cursor: encodeCursor(['maple foods', SEED.shipperId]), limit: 10 },
        ],
      },
    },
    search: {
      cases: {
        'one word': [SEED.companyId, 'map', { limit: 10 }],
        'two words of one kind': [SEED.companyId, 'maple tor', { kind: 'shipper', limit: 10 }],
      },
    },
  },
  profiles: {
    insert: [{ ...profile, id: NEW.profileId, name: 'T2', data: { number: 'T2' } }],
    findById: [SEED.companyId, SEED.profileId],
    update: [{ ...profile, version: profile.version + 1, updatedAt: LATER }],
    softDelete: [SEED.companyId, SEED.profileId, profile.version, LATER],
    list: {
      cases: {
        'every kind': [SEED.companyId, {}],
        'one kind': [SEED.companyId, { kind: 'truck' }],
      },
    },
    page: {
      cases: {
        'first page': [SEED.companyId, {}, {}],
        'one kind, two words, next page': [
          SEED.companyId,
          { kind: 'truck', query: 'smpl 4821' },
          { cursor: encodeCursor(['truck', 't1', SEED.profileId]), limit: 10 },
        ],
      },
    },
  },
  templates: {
    insert: [{ ...template, id: NEW.templateId, name: 'Buffalo run' }],
    findById: [SEED.companyId, SEED.templateId],
    list: [SEED.companyId],
    delete: [SEED.companyId, SEED.templateId],
  },
  trips: {
    insert: [{ ...trip, id: NEW.tripId, tripNumber: 'SMPL000002' }],
    findById: [SEED.companyId, SEED.tripId],
    tripNumberUsed: [SEED.companyId, SEED.tripNumber, SEED.tripId],
    update: [{ ...trip, tripNumber: 'SMPL000009', version: trip.version + 1, updatedAt: LATER }],
    setStatus: [SEED.companyId, SEED.tripId, 'filed'],
    softDelete: [SEED.companyId, SEED.tripId, trip.version, LATER],
    list: {
      cases: {
        'first page': [SEED.companyId, {}, {}],
        'every filter, next page': [
          SEED.companyId,
          {
            status: 'draft',
            text: 'smpl',
            port: '0901',
            arrivalFrom: '2026-12-01',
            arrivalTo: '2026-12-02',
          },
          { cursor: encodeCursor([LATER, SEED.tripId]), limit: 10 },
        ],
      },
    },
  },
  shipments: {
    insert: [[{ ...shipment, id: NEW.shipmentId, shipment: { shipmentControlNumber: 'SMPL2' } }]],
    findById: [SEED.companyId, SEED.shipmentId],
    findByScn: [SEED.companyId, SEED.scn],
    update: [{ ...shipment, version: shipment.version + 1, updatedAt: LATER }],
    delete: [SEED.companyId, SEED.shipmentId, shipment.version],
    list: {
      cases: {
        "a trip's first page": [SEED.companyId, { tripId: SEED.tripId }, {}],
        'unassociated, text filter, next page': [
          SEED.companyId,
          { tripId: null, text: 'maple' },
          { cursor: encodeCursor([1, SEED.shipmentId]), limit: 10 },
        ],
      },
    },
    allOfTrip: [SEED.companyId, SEED.tripId],
    allOfTrips: [SEED.companyId, [SEED.tripId]],
    scnsOfTrip: [SEED.companyId, SEED.tripId],
    move: [
      SEED.companyId,
      [{ id: SEED.shipmentId, expectedVersion: 1, tripId: null, position: 7 }],
      LATER,
    ],
    totalsOfTrips: [SEED.companyId, [SEED.tripId]],
    totalsOfList: [SEED.companyId, SEED.tripId],
    recent: [SEED.companyId, 20],
    changedAfter: {
      cases: {
        'the first step': [SEED.companyId, undefined, 500],
        'past a mark': [SEED.companyId, { updatedAt: LATER, shipmentId: SEED.shipmentId }, 500],
      },
    },
    nextPosition: {
      cases: {
        'a trip': [SEED.companyId, SEED.tripId],
        unassociated: [SEED.companyId, null],
      },
    },
    lockList: {
      cases: {
        'a trip': [SEED.companyId, SEED.tripId],
        unassociated: [SEED.companyId, null],
      },
    },
  },
  scns: {
    register: [SEED.companyId, 'SMPL0000000002', SEED.shipmentId, LATER],
    claim: [SEED.companyId, [{ scn: 'SMPL0000000003', shipmentId: SEED.shipmentId }], LATER],
    used: [SEED.companyId, [SEED.scn, 'SMPL0000000004']],
  },
  audit: {
    append: [[auditEntry(SEED.tripId)]],
    listForEntity: [SEED.companyId, 'trip', SEED.tripId],
    listForTrip: [SEED.companyId, SEED.tripId, { afterSeq: 0, limit: 500 }],
  },
  driverLinks: {
    insert: [
      {
        id: NEW.driverLinkId,
        companyId: SEED.companyId,
        tripId: SEED.tripId,
        createdAt: LATER,
        expiresAt: LATER,
        revokedAt: null,
      },
    ],
    findById: [SEED.driverLinkId],
    listForTrip: [SEED.companyId, SEED.tripId],
    revoke: [SEED.companyId, SEED.tripId, SEED.driverLinkId, LATER],
  },
  filing: {
    senderId: {
      cases: {
        'already set': [SEED.companyId, 'FALLBACK', LATER],
        'first use': [SEED.otherCompanyId, 'FALLBACK', LATER],
      },
    },
    companyBySenderId: [SEED.senderId],
    ediIdentity: [SEED.companyId],
    setSenderId: {
      cases: {
        'replace the stored one': [SEED.companyId, 'SMPLCERT01', LATER],
        'before the first filing': [SEED.otherCompanyId, 'OTHERCERT01', LATER],
      },
    },
    reserveControlNumbers: [SEED.companyId, 2],
    enqueue: [[transmission(NEW.transmissionId, 2)], LATER],
    claimDue: [LATER, '2026-11-30T13:05:00.000Z', 10],
    markSent: [SEED.transmissionId, LATER],
    markAttemptFailed: {
      cases: {
        'try again later': [SEED.transmissionId, 'timeout', '2026-11-30T13:10:00.000Z'],
        'give up': [SEED.transmissionId, 'refused', null],
      },
    },
    listTransmissions: [SEED.companyId, SEED.tripId],
    findTransmission: [SEED.companyId, SEED.controlNumber],
    tripIdByNumber: [SEED.companyId, SEED.tripNumber],
    alreadyReceived: {
      cases: {
        "a company's": [SEED.companyId, '000000001', 'ISA*…~'],
        'no company found': [null, '000000001', 'ISA*…~'],
      },
    },
    archive: [archived(NEW.archiveId)],
    listArchive: [SEED.companyId, SEED.tripId],
    findArchived: [SEED.companyId, SEED.archiveId],
    states: [SEED.companyId, SEED.tripId],
    statuses: {
      cases: {
        'every one': [SEED.companyId, SEED.tripId],
        "the trip's own": [SEED.companyId, SEED.tripId, { scn: '' }],
        'in one status': [SEED.companyId, SEED.tripId, { status: 'transmitted' }],
      },
    },
    shipmentStatusPage: {
      cases: {
        'the first page': [SEED.companyId, SEED.tripId, { limit: 50 }],
        'on the trip, past a cursor, in one status': [
          SEED.companyId,
          SEED.tripId,
          { limit: 50, cursor: encodeCursor([0, 1, SEED.shipmentId]), status: 'accepted' },
        ],
        drafts: [SEED.companyId, SEED.tripId, { limit: 50, status: 'draft' }],
        'taken off the trip, past a cursor': [
          SEED.companyId,
          SEED.tripId,
          { limit: 50, cursor: encodeCursor([1, 0, SEED.scn]) },
        ],
      },
    },
    shipmentStatusCounts: [SEED.companyId, SEED.tripId],
    standing: [SEED.companyId, SEED.tripId],
    statusesOfScns: [SEED.companyId, [SEED.scn, 'SMPL0000000002']],
    summariesOfTrips: [SEED.companyId, [SEED.tripId]],
    putStates: [
      [
        { ...filingState, status: 'accepted', accepted: filingState.sent.snapshot, sent: null },
        { ...filingState, scn: SEED.scn, status: 'released' },
      ],
    ],
    changeStates: [
      [
        { ...filingState, status: 'accepted', effect: 'accepted' },
        { ...filingState, scn: SEED.scn, status: 'rejected', effect: 'rejected' },
      ],
    ],
    appendHistory: [[{ ...historyEntry, status: 'accepted', archiveId: null }]],
    historyPage: {
      cases: {
        'the latest': [SEED.companyId, SEED.tripId, { limit: 50 }],
        'before a cursor': [SEED.companyId, SEED.tripId, { limit: 50, cursor: encodeCursor([2]) }],
      },
    },
    historyCount: [SEED.companyId, SEED.tripId],
    changeMark: [SEED.companyId, SEED.tripId],
    historyOf: [SEED.companyId, SEED.tripId, ''],
    cursor: [SEED.cursorName],
    setCursor: [SEED.cursorName, 'cursor-2'],
    moveCursor: {
      cases: {
        'from a cursor': [SEED.cursorName, 'cursor-1', 'cursor-2'],
        'first read': ['new-transport', undefined, 'cursor-1'],
      },
    },
  },
  alerts: {
    settings: {
      cases: {
        set: [SEED.companyId],
        'never set': [SEED.otherCompanyId],
      },
    },
    putSettings: [{ ...alertSettings, emailBrokers: false, emailDrivers: true, updatedAt: LATER }],
    webhooks: [SEED.companyId],
    addWebhook: [webhook(NEW.webhookId)],
    deleteWebhook: [SEED.companyId, SEED.webhookId, LATER],
    updateWebhook: [
      { ...webhook(SEED.webhookId), url: 'https://hooks.smpl.example/v2', active: false },
    ],
    webhookSecrets: [[SEED.webhookId]],
    enqueue: [[alertDelivery(NEW.alertDeliveryId)], LATER],
    claimDue: [LATER, '2026-11-30T13:05:00.000Z', 10],
    markSent: [SEED.alertDeliveryId, LATER],
    markAttemptFailed: {
      cases: {
        'try again later': [SEED.alertDeliveryId, 'timeout', '2026-11-30T13:10:00.000Z'],
        'give up': [SEED.alertDeliveryId, 'refused', null],
      },
    },
    recentDeliveries: [SEED.companyId, 50],
  },
  companyLogos: {
    find: [SEED.companyId],
    put: [{ ...companyLogo, updatedAt: LATER }],
    remove: [SEED.companyId],
  },
  descriptions: {
    mark: [SEED.companyId],
    record: [
      SEED.companyId,
      [
        {
          folded: 'maple syrup, grade a',
          description: 'Maple syrup, grade A',
          packagingUnit: 'CTN',
          weightUnit: 'K',
          usedAt: LATER,
        },
      ],
      { updatedAt: LATER, shipmentId: SEED.shipmentId },
    ],
    search: [SEED.companyId, ['maple', 'syrup'], 8],
  },
};
