/**
 * Filing alerts as server state: who is e-mailed, the webhook endpoints, the delivery log
 * (docs/alerts.md). Managing them is for admins; the API refuses others (403).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  alertDeliverySchema,
  alertEventTypeSchema,
  alertSettingsSchema,
  createdWebhookSchema,
  webhookSchema,
} from '../../../../api/schemas/alerts.js';
import { api } from '../../../lib/api-client';

export type AlertSettings = z.output<typeof alertSettingsSchema>;
export type AlertEventType = z.output<typeof alertEventTypeSchema>;
export type Webhook = z.output<typeof webhookSchema>;
export type CreatedWebhook = z.output<typeof createdWebhookSchema>;
export type AlertDelivery = z.output<typeof alertDeliverySchema>;

/** Every event, in the order a person reads them: a shipment's life, then the trip's. */
export const ALERT_EVENTS = [
  'shipment.accepted',
  'shipment.rejected',
  'shipment.entry-on-file',
  'shipment.arrived',
  'shipment.released',
  'trip.accepted',
  'trip.rejected',
  'trip.entry-on-file',
  'trip.arrived',
  'trip.released',
] as const satisfies readonly AlertEventType[];

// Every event the service knows is offered: adding one to the API without listing it here
// fails the type check.
type UnlistedEvent = Exclude<AlertEventType, (typeof ALERT_EVENTS)[number]>;
export const everyEventListed: [UnlistedEvent] extends [never] ? true : never = true;

const settingsKey = ['alert-settings'] as const;
const webhooksKey = ['webhooks'] as const;
const deliveriesKey = ['alert-deliveries'] as const;

export function useAlertSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api<AlertSettings>('GET', '/alerts/settings', { signal }),
  });
}

export function useSaveAlertSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      dispatcherEmails: string[];
      emailBrokers: boolean;
      emailDrivers: boolean;
    }) => api<AlertSettings>('PUT', '/alerts/settings', { body }),
    onSuccess: (saved) => {
      client.setQueryData(settingsKey, saved);
    },
  });
}

export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: ({ signal }) => api<{ items: Webhook[] }>('GET', '/webhooks', { signal }),
  });
}

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; events: string[] }) =>
      api<CreatedWebhook>('POST', '/webhooks', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhooksKey }),
  });
}

/** Changes an endpoint's URL, events or active flag (an inactive one is sent no new event). */
export function useUpdateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      url?: string;
      events?: string[];
      active?: boolean;
    }) => api<Webhook>('PATCH', `/webhooks/${encodeURIComponent(id)}`, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<undefined>('DELETE', `/webhooks/${encodeURIComponent(id)}`),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: webhooksKey });
      await client.invalidateQueries({ queryKey: deliveriesKey });
    },
  });
}

export function useAlertDeliveries() {
  return useQuery({
    queryKey: deliveriesKey,
    queryFn: ({ signal }) =>
      api<{ items: AlertDelivery[] }>('GET', '/alerts/deliveries?limit=50', { signal }),
  });
}
