/**
 * Saved trip templates: what each carries (port, truck, drivers, shipments), a trip started
 * from one, and deleting one. Templates are saved from a trip's row in the trips list.
 * Viewers see the list without the actions.
 */
import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadState } from '../../../components/load-state';
import { ScrollingTable } from '../../../components/scrolling-table';
import type { Session } from '../../../lib/api-types';
import { portName } from '../../../lib/port-time';
import { errorMessage } from '../../../lib/write-refusal';
import { canEdit } from '../../auth/api/session';
import {
  useDeleteTemplate,
  useStartFromTemplate,
  useTemplates,
  type TemplateRecord,
} from '../api/templates';
import { templateDrivers, templateTruck } from '../template-summary';

function DeleteTemplate({ template, onClose }: { template: TemplateRecord; onClose: () => void }) {
  const remove = useDeleteTemplate();
  return (
    <Modal opened onClose={onClose} title={`Delete the template "${template.name}"?`}>
      <Stack>
        {remove.isError && (
          <Alert color="red" role="alert" title="Not deleted">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Text size="sm">Trips already started from it stay as they are.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => {
              remove.mutate(template.id, {
                onSuccess: () => {
                  notifications.show({
                    color: 'green',
                    title: 'Template deleted',
                    message: `"${template.name}" is no longer with the templates.`,
                  });
                  onClose();
                },
              });
            }}
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function TemplatesPage({ session }: { session: Session }) {
  const editor = canEdit(session);
  const templates = useTemplates();
  const start = useStartFromTemplate();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState<TemplateRecord | undefined>(undefined);
  const items = templates.data?.items;

  return (
    <Stack>
      <Title order={1} size="h2">
        Trip templates
      </Title>
      <Paper component="section" withBorder p="md" aria-label="Saved templates">
        <Stack>
          <Text size="sm">
            A template keeps a recurring run: port, truck, trailers, crew and shipments, without
            trip number, ETA or SCNs. Save one from the Actions of a trip in the trips list.
          </Text>
          <LoadState
            error={templates.error}
            pending={templates.isPending}
            failedTitle="The templates could not be loaded"
            loadingLabel="Loading templates"
          />
          <ErrorAlert title="No trip started" error={start.error} />
          {items !== undefined && items.length === 0 && <Text>No template saved yet.</Text>}
          {items !== undefined && items.length > 0 && (
            <ScrollingTable
              label="Templates"
              minWidth={760}
              head={
                <>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Port of arrival</Table.Th>
                  <Table.Th>Truck</Table.Th>
                  <Table.Th>Drivers</Table.Th>
                  <Table.Th ta="right">Shipments</Table.Th>
                  {editor && <Table.Th>Actions</Table.Th>}
                </>
              }
            >
              {items.map((template) => (
                <Table.Tr key={template.id}>
                  <Table.Th scope="row">{template.name}</Table.Th>
                  <Table.Td>{portName(template.document.usPortOfArrival)}</Table.Td>
                  <Table.Td>{templateTruck(template)}</Table.Td>
                  <Table.Td>{templateDrivers(template)}</Table.Td>
                  <Table.Td ta="right">{template.document.shipments?.length ?? 0}</Table.Td>
                  {editor && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          aria-label={`Start a trip from ${template.name}`}
                          loading={start.isPending && start.variables === template.id}
                          onClick={() => {
                            start.mutate(template.id, {
                              onSuccess: ({ trip }) => {
                                void navigate(`/trips/${encodeURIComponent(trip.id)}`);
                              },
                            });
                          }}
                        >
                          Start a trip
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Delete ${template.name}`}
                          onClick={() => {
                            setDeleting(template);
                          }}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </ScrollingTable>
          )}
        </Stack>
      </Paper>
      {deleting !== undefined && (
        <DeleteTemplate
          template={deleting}
          onClose={() => {
            setDeleting(undefined);
          }}
        />
      )}
    </Stack>
  );
}
