/**
 * Filing alerts (docs/alerts.md): the dispatchers e-mailed when CBP accepts, rejects or
 * releases, the webhook endpoints (a new one's secret shown once), and the recent deliveries.
 * Admins change them; others see who is e-mailed.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadState } from '../../../components/load-state';
import { ScrollingTable } from '../../../components/scrolling-table';
import type { Session } from '../../../lib/api-types';
import { problemsAt } from '../../../lib/problems-at';
import {
  ALERT_EVENTS,
  useAlertDeliveries,
  useAlertSettings,
  useCreateWebhook,
  useDeleteWebhook,
  useSaveAlertSettings,
  useUpdateWebhook,
  useWebhooks,
  type AlertSettings,
  type CreatedWebhook,
  type Webhook,
} from '../api/alerts';

function EmailSettings({ settings, admin }: { settings: AlertSettings; admin: boolean }) {
  const save = useSaveAlertSettings();
  const [emails, setEmails] = useState(settings.dispatcherEmails.join('\n'));
  const [brokers, setBrokers] = useState(settings.emailBrokers);
  const [drivers, setDrivers] = useState(settings.emailDrivers);
  const emailError = problemsAt(save.error, '/dispatcherEmails');
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="alert-email-title">
      <Stack>
        <Title order={2} size="h3" id="alert-email-title">
          E-mail
        </Title>
        {!settings.emailEnabled && (
          <Alert title="This service sends no e-mail">
            Its operator has not set SMTP_URL and MAIL_FROM: no e-mail alert is sent. Webhooks still
            are.
          </Alert>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(
              {
                dispatcherEmails: emails
                  .split(/[\n,;]/)
                  .map((e) => e.trim())
                  .filter((e) => e !== ''),
                emailBrokers: brokers,
                emailDrivers: drivers,
              },
              {
                onSuccess: () => {
                  notifications.show({
                    color: 'green',
                    title: 'E-mail alerts saved',
                    message: 'The addresses are e-mailed from the next event on.',
                  });
                },
              },
            );
          }}
        >
          <Stack>
            <Textarea
              label="Dispatchers to e-mail"
              description="One address a line. Each is e-mailed when CBP accepts, rejects, puts on file, records the arrival of or releases a trip or shipment."
              autosize
              minRows={3}
              value={emails}
              readOnly={!admin}
              error={emailError}
              onChange={(event) => {
                setEmails(event.currentTarget.value);
              }}
            />
            <Checkbox
              label="Also e-mail the shipment's broker (the broker's e-mail on the shipment)"
              checked={brokers}
              disabled={!admin}
              onChange={(event) => {
                setBrokers(event.currentTarget.checked);
              }}
            />
            <Checkbox
              label="Also e-mail the trip's drivers (the e-mail on the driver profile each matches)"
              description="A driver matches the driver profile with the same FAST card number, else the only one with the same first and last name."
              checked={drivers}
              disabled={!admin}
              onChange={(event) => {
                setDrivers(event.currentTarget.checked);
              }}
            />
            {emailError === undefined && <ErrorAlert title="Not saved" error={save.error} />}
            {admin && (
              <Group>
                <Button type="submit" loading={save.isPending}>
                  Save e-mail alerts
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function NewWebhook({ onCreated }: { onCreated: (created: CreatedWebhook) => void }) {
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['shipment.rejected', 'shipment.released']);
  return (
    <form
      aria-label="Add a webhook"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { url, events },
          {
            onSuccess: (created) => {
              setUrl('');
              onCreated(created);
            },
          },
        );
      }}
    >
      <Stack>
        <TextInput
          label="Endpoint URL"
          placeholder="https://tms.example.com/hooks/emanifest"
          value={url}
          error={problemsAt(create.error, '/url')}
          onChange={(event) => {
            setUrl(event.currentTarget.value);
          }}
        />
        <Checkbox.Group
          label="Events"
          value={events}
          onChange={setEvents}
          error={problemsAt(create.error, '/events')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            {ALERT_EVENTS.map((type) => (
              <Checkbox key={type} value={type} label={type} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {problemsAt(create.error, '') === undefined && (
          <ErrorAlert title="Not added" error={create.error} />
        )}
        <Group>
          <Button type="submit" loading={create.isPending}>
            Add webhook
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The events an endpoint receives, changed in a dialog (PATCH /webhooks/{id}). */
function EditWebhookEvents({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const update = useUpdateWebhook();
  const [events, setEvents] = useState<string[]>([...webhook.events]);
  const eventsError = problemsAt(update.error, '/events');
  return (
    <Modal opened onClose={onClose} title={`Events sent to ${webhook.url}`}>
      <form
        aria-label="Change the webhook's events"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ id: webhook.id, events }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <Checkbox.Group label="Events" value={events} onChange={setEvents} error={eventsError}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {ALERT_EVENTS.map((type) => (
                <Checkbox key={type} value={type} label={type} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {eventsError === undefined && <ErrorAlert title="Not changed" error={update.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save events
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Webhooks() {
  const webhooks = useWebhooks();
  const remove = useDeleteWebhook();
  const update = useUpdateWebhook();
  const [created, setCreated] = useState<CreatedWebhook | undefined>(undefined);
  const [editing, setEditing] = useState<Webhook | undefined>(undefined);
  const items = webhooks.data?.items;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="webhooks-title">
      <Stack>
        <Title order={2} size="h3" id="webhooks-title">
          Webhooks
        </Title>
        <Text size="sm">
          Each event is POSTed as JSON, signed with the endpoint&apos;s secret in the
          Emanifest-Signature header, and retried until the endpoint answers 2xx (docs/alerts.md).
        </Text>
        {created !== undefined && (
          <Alert title="Webhook added: copy its secret now" role="status">
            <Stack gap="xs">
              <Text size="sm">
                The secret verifies the signature of each request to {created.webhook.url}. It is
                not shown again.
              </Text>
              <Code block aria-label="Webhook secret">
                {created.secret}
              </Code>
            </Stack>
          </Alert>
        )}
        <LoadState
          error={webhooks.error}
          pending={webhooks.isPending}
          failedTitle="The webhooks could not be loaded"
          loadingLabel="Loading webhooks"
        />
        <ErrorAlert title="Not deleted" error={remove.error} />
        <ErrorAlert title="Not changed" error={update.error} />
        {items !== undefined && items.length === 0 && <Text>No webhook yet.</Text>}
        {items !== undefined && items.length > 0 && (
          <ScrollingTable
            label="Webhooks"
            minWidth={720}
            head={
              <>
                <Table.Th>URL</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>Secret</Table.Th>
                <Table.Th>Active</Table.Th>
                <Table.Th>Actions</Table.Th>
              </>
            }
          >
            {items.map((webhook) => (
              <Table.Tr key={webhook.id}>
                <Table.Th scope="row">{webhook.url}</Table.Th>
                <Table.Td>{webhook.events.join(', ')}</Table.Td>
                <Table.Td>
                  <Code>{webhook.secretHint}</Code>
                </Table.Td>
                <Table.Td>
                  {/* Paused: the endpoint is sent no new event until it is switched on again. */}
                  <Switch
                    aria-label={`Send events to ${webhook.url}`}
                    checked={webhook.active}
                    disabled={update.isPending && update.variables.id === webhook.id}
                    onChange={(event) => {
                      update.mutate({ id: webhook.id, active: event.currentTarget.checked });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Change the events of the webhook ${webhook.url}`}
                      onClick={() => {
                        setEditing(webhook);
                      }}
                    >
                      Events
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Delete the webhook ${webhook.url}`}
                      loading={remove.isPending && remove.variables === webhook.id}
                      onClick={() => {
                        remove.mutate(webhook.id);
                      }}
                    >
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </ScrollingTable>
        )}
        {editing !== undefined && (
          <EditWebhookEvents
            webhook={editing}
            onClose={() => {
              setEditing(undefined);
            }}
          />
        )}
        <NewWebhook onCreated={setCreated} />
      </Stack>
    </Paper>
  );
}

const STATE_COLOR = { pending: 'gray', sent: 'green', failed: 'red' } as const;

function DeliveryLog() {
  const deliveries = useAlertDeliveries();
  const items = deliveries.data?.items;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="deliveries-title">
      <Stack>
        <Title order={2} size="h3" id="deliveries-title">
          Recent deliveries
        </Title>
        <LoadState
          error={deliveries.error}
          pending={deliveries.isPending}
          failedTitle="The deliveries could not be loaded"
          loadingLabel="Loading deliveries"
        />
        {items !== undefined && items.length === 0 && <Text>No alert sent yet.</Text>}
        {items !== undefined && items.length > 0 && (
          <ScrollingTable
            label="Recent deliveries"
            minWidth={860}
            head={
              <>
                <Table.Th>Queued</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th ta="right">Attempts</Table.Th>
                <Table.Th>Last error</Table.Th>
              </>
            }
          >
            {items.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>{delivery.createdAt.replace('T', ' ').slice(0, 19)} UTC</Table.Td>
                <Table.Td>{delivery.eventType}</Table.Td>
                <Table.Th scope="row">
                  {delivery.channel === 'email' ? 'E-mail ' : 'Webhook '}
                  {delivery.recipient}
                </Table.Th>
                <Table.Td>
                  <Badge color={STATE_COLOR[delivery.state]} variant="light">
                    {delivery.state}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{delivery.attempts}</Table.Td>
                <Table.Td>{delivery.lastError ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </ScrollingTable>
        )}
      </Stack>
    </Paper>
  );
}

export function AlertsPage({ session }: { session: Session }) {
  const admin = session.role === 'admin';
  const settings = useAlertSettings();
  return (
    <Stack>
      <Title order={1} size="h2">
        Filing alerts
      </Title>
      <LoadState
        error={settings.error}
        pending={settings.isPending}
        failedTitle="The alert settings could not be loaded"
        loadingLabel="Loading alert settings"
      />
      {settings.data !== undefined && (
        // A new key after each save: the form starts again from what the server kept.
        <EmailSettings
          key={settings.data.updatedAt ?? 'never'}
          settings={settings.data}
          admin={admin}
        />
      )}
      {admin ? (
        <>
          <Webhooks />
          <DeliveryLog />
        </>
      ) : (
        <Text size="sm">Only an admin of the company changes alerts and sees webhooks.</Text>
      )}
    </Stack>
  );
}
