/**
 * "Start from a template" on the trips page: choose one of the company's templates and a new
 * draft trip is made from it (next trip number, new SCNs), then opened in the trip editor.
 */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useStartFromTemplate, useTemplates } from '../api/templates';
import { templateSummary } from '../template-summary';

function TemplateChooser({ onClose }: { onClose: () => void }) {
  const templates = useTemplates();
  const start = useStartFromTemplate();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const picked = templates.data?.items.find((template) => template.id === chosen);
  const choices = (templates.data?.items ?? []).map((template) => ({
    value: template.id,
    label: template.name,
  }));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen === null) {
          setMissing(true);
          return;
        }
        start.mutate(chosen, {
          onSuccess: ({ trip }) => {
            onClose();
            void navigate(`/trips/${encodeURIComponent(trip.id)}`);
          },
        });
      }}
    >
      <Stack>
        <ErrorAlert title="The templates could not be loaded" error={templates.error} />
        <ErrorAlert title="No trip started" error={start.error} />
        {templates.data?.items.length === 0 ? (
          <Text>
            There is no template yet. Save a trip as a template from the Actions of its row in the
            trips list.
          </Text>
        ) : (
          <Select
            label="Template"
            placeholder={templates.isPending ? 'Loading…' : 'Choose a template'}
            data={choices}
            value={chosen}
            searchable
            data-autofocus
            onChange={(value) => {
              setChosen(value);
              setMissing(false);
            }}
            error={missing ? 'Choose the template to start from.' : undefined}
            description={
              picked === undefined
                ? 'A new draft trip with the next trip number and new SCNs; its ETA is set in the trip editor.'
                : templateSummary(picked)
            }
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={start.isPending} disabled={choices.length === 0}>
            Start trip
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function StartFromTemplate() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="outline"
        onClick={() => {
          setOpen(true);
        }}
      >
        Start from a template
      </Button>
      {open && (
        <Modal
          opened
          title="Start a trip from a template"
          onClose={() => {
            setOpen(false);
          }}
        >
          <TemplateChooser
            onClose={() => {
              setOpen(false);
            }}
          />
        </Modal>
      )}
    </>
  );
}
