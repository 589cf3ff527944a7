/**
 * A trips-list row's own actions: copy the trip (next trip number, new SCNs; the copy appears
 * at the top of the list) and save it as a template for recurring runs.
 */
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useCopyTrip, useSaveAsTemplate } from '../api/templates';

interface Trip {
  readonly id: string;
  readonly tripNumber: string;
}

function SaveAsTemplate({ trip, onClose }: { trip: Trip; onClose: () => void }) {
  const save = useSaveAsTemplate();
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Modal opened onClose={onClose} title={`Save trip ${trip.tripNumber} as a template`}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') {
            setMissing(true);
            return;
          }
          save.mutate(
            { tripId: trip.id, name: name.trim() },
            {
              onSuccess: (template) => {
                notifications.show({
                  color: 'green',
                  title: 'Template saved',
                  message: `"${template.name}" is with the templates. Trip number, ETA and SCNs are left out.`,
                });
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          {save.isError && (
            <Alert color="red" role="alert" title="Template not saved">
              {save.error.message}
            </Alert>
          )}
          <TextInput
            label="Template name"
            description="e.g. Toronto to Buffalo, Tuesdays"
            required
            data-autofocus
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? 'Give the template a name you will recognise.' : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save template
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function TripRowActions({ trip }: { trip: Trip }) {
  const copy = useCopyTrip();
  const [saving, setSaving] = useState(false);
  // Two plain buttons rather than a menu: one Tab stop each, and nothing hidden behind a click.
  // One above the other, so the trips table fits a laptop's screen without scrolling sideways.
  return (
    <>
      <Stack gap={4} align="stretch">
        <Button
          size="xs"
          variant="default"
          loading={copy.isPending}
          aria-label={`Copy trip ${trip.tripNumber}`}
          onClick={() => {
            copy.mutate(trip.id, {
              onSuccess: ({ trip: copied }) => {
                notifications.show({
                  color: 'green',
                  title: 'Trip copied',
                  message: `Trip ${copied.tripNumber} is a copy of ${trip.tripNumber}, with new SCNs.`,
                });
              },
              onError: (error) => {
                notifications.show({
                  color: 'red',
                  title: 'Trip not copied',
                  message: error.message,
                });
              },
            });
          }}
        >
          Copy trip
        </Button>
        <Button
          size="xs"
          variant="default"
          aria-label={`Save as template: trip ${trip.tripNumber}`}
          onClick={() => {
            setSaving(true);
          }}
        >
          Save as template
        </Button>
      </Stack>
      {saving && (
        <SaveAsTemplate
          trip={trip}
          onClose={() => {
            setSaving(false);
          }}
        />
      )}
    </>
  );
}
