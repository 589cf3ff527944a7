/**
 * From filing status changes to alert deliveries, inside the transaction that records the
 * changes (ingestResponses): each change to accepted, rejected, entry on file, arrived or
 * released is one event with one id, and each recipient of it one outbox row, so an alert is
 * never lost (rolled back with the change) nor sent twice (one row per event and recipient).
 */
import {
  explainedReasons,
  type ExplainedReason,
} from '../../filing/support/reject-explanations.js';
import type { IdGenerator } from '../../shared/deps.js';
import { driverEmails } from '../../shared/driver-emails.js';
import { isEmail } from '../../shared/input-checks.js';
import { LIST_PAGE } from '../../shared/page-size.js';
import {
  ALERT_STATUSES,
  type AlertEventType,
  type AlertStatus,
  type FilingStatus,
  type NewAlertDelivery,
  type Repositories,
} from '../../shared/ports/index.js';
import { alertMail } from './alert-mail.js';

/** A status change ingestResponses recorded; `scn` is '' for the trip itself. */
export interface StatusChange {
  readonly tripId: string;
  readonly scn: string;
  readonly status: FilingStatus;
  readonly detail: Readonly<Record<string, unknown>>;
}

export type AlertReason = ExplainedReason;

/** The JSON body of a webhook delivery (docs/alerts.md). */
export interface AlertEvent {
  readonly id: string;
  readonly type: AlertEventType;
  readonly occurredAt: string;
  readonly trip: { readonly id: string; readonly tripNumber: string };
  readonly shipment: { readonly id: string | null; readonly scn: string } | null;
  readonly status: AlertStatus;
  /** CBP's reasons with a plain explanation and the fix, for rejects; empty otherwise. */
  readonly reasons: readonly AlertReason[];
}

export interface AlertOptions {
  readonly ids: IdGenerator;
  readonly at: string;
  /** E-mail alerts are queued only when the service can send mail. */
  readonly emailEnabled: boolean;
  readonly publicUrl?: string | undefined;
}

export const isAlertStatus = (status: FilingStatus): status is AlertStatus =>
  (ALERT_STATUSES as readonly string[]).includes(status);

export async function enqueueAlerts(
  repos: Repositories,
  companyId: string,
  changes: readonly StatusChange[],
  options: AlertOptions,
): Promise<number> {
  if (changes.length === 0) return 0;
  const settings = await repos.alerts.settings(companyId);
  const webhooks = (await repos.alerts.webhooks(companyId)).filter((w) => w.active);
  const emailing =
    options.emailEnabled &&
    (settings.dispatcherEmails.length > 0 || settings.emailBrokers || settings.emailDrivers);
  if (webhooks.length === 0 && !emailing) return 0;

  const deliveries: NewAlertDelivery[] = [];
  const trips = new Map<string, Awaited<ReturnType<typeof tripContext>>>();
  for (const change of changes) {
    const status = change.status;
    if (!isAlertStatus(status)) continue;
    let trip = trips.get(change.tripId);
    if (trip === undefined) {
      trip = await tripContext(repos, companyId, change.tripId, {
        brokers: emailing && settings.emailBrokers,
        drivers: emailing && settings.emailDrivers,
      });
      trips.set(change.tripId, trip);
    }
    const shipment = change.scn === '' ? undefined : trip.shipments.get(change.scn);
    const event: AlertEvent = {
      id: options.ids.newId(),
      type: `${change.scn === '' ? 'trip' : 'shipment'}.${status}`,
      occurredAt: options.at,
      trip: { id: change.tripId, tripNumber: trip.tripNumber },
      shipment: change.scn === '' ? null : { id: shipment?.id ?? null, scn: change.scn },
      status,
      reasons: status === 'rejected' ? explainedReasons(change.detail) : [],
    };
    const common = {
      companyId,
      eventId: event.id,
      eventType: event.type,
      tripId: change.tripId,
      createdAt: options.at,
    };
    const body = JSON.stringify(event);
    for (const webhook of webhooks.filter((w) => w.events.includes(event.type))) {
      deliveries.push({
        ...common,
        id: options.ids.newId(),
        channel: 'webhook',
        endpointId: webhook.id,
        recipient: webhook.url,
        payload: body,
      });
    }
    if (!emailing) continue;
    const recipients = new Set(settings.dispatcherEmails.map((e) => e.toLowerCase()));
    const brokerEmail = shipment?.brokerEmail?.trim().toLowerCase();
    if (settings.emailBrokers && brokerEmail !== undefined && isEmail(brokerEmail)) {
      recipients.add(brokerEmail);
    }
    for (const email of trip.driverEmails) recipients.add(email);
    const mail = JSON.stringify(alertMail(event, options.publicUrl));
    for (const to of recipients) {
      deliveries.push({
        ...common,
        id: options.ids.newId(),
        channel: 'email',
        endpointId: null,
        recipient: to,
        payload: mail,
      });
    }
  }
  await repos.alerts.enqueue(deliveries, options.at);
  return deliveries.length;
}

async function tripContext(
  repos: Repositories,
  companyId: string,
  tripId: string,
  emailing: { readonly brokers: boolean; readonly drivers: boolean },
) {
  const brokers = emailing.brokers;
  const record = await repos.trips.findById(companyId, tripId);
  // The trip's drivers, through the driver profiles they match (the trip has no e-mail).
  const drivers = emailing.drivers
    ? (await driverEmails(repos, companyId, record?.document.drivers)).map((d) => d.email)
    : [];
  const records = await repos.shipments.allOfTrip(companyId, tripId);
  // A broker on a shipment without an e-mail: the address book's, found by filer code.
  const book =
    brokers && records.some((r) => r.shipment.broker !== undefined && !r.shipment.broker.email)
      ? await addressBookBrokerEmails(repos, companyId)
      : new Map<string, string>();
  const shipments = new Map<string, { id: string; brokerEmail: string | undefined }>();
  for (const s of records) {
    const scn = s.shipment.shipmentControlNumber;
    const broker = s.shipment.broker;
    const brokerEmail =
      broker?.email ||
      (broker?.filerCode === undefined ? undefined : book.get(broker.filerCode.toUpperCase()));
    if (scn !== undefined) shipments.set(scn, { id: s.id, brokerEmail });
  }
  return { tripNumber: record?.tripNumber ?? '', shipments, driverEmails: drivers };
}

async function addressBookBrokerEmails(
  repos: Repositories,
  companyId: string,
): Promise<Map<string, string>> {
  const emails = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await repos.parties.list(
      companyId,
      { kind: 'broker' },
      { cursor, limit: LIST_PAGE.max },
    );
    for (const record of page.items) {
      if (record.kind !== 'broker') continue;
      const { filerCode, email } = record.party;
      if (filerCode !== undefined && email !== undefined && email !== '') {
        emails.set(filerCode.toUpperCase(), email);
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return emails;
}
