/**
 * Where a CSV file is dropped or chosen. A native file input behind a labelled "Choose a file"
 * button (keyboard and screen readers reach it like any button) and drag-and-drop handlers on
 * the zone around it: no dependency beyond Mantine's core (ADR 0008).
 */
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useId, useRef, useState, type DragEvent } from 'react';

export function CsvDropZone(props: {
  readonly disabled: boolean;
  readonly onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();
  const allow = (event: DragEvent) => {
    if (props.disabled) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  return (
    <Paper
      withBorder
      p="md"
      data-testid="csv-drop-zone"
      aria-label="Drop a CSV file here"
      role="region"
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-primary-color-filled)' : undefined,
        background: over ? 'var(--mantine-primary-color-light)' : undefined,
      }}
      onDragEnter={allow}
      onDragOver={allow}
      onDragLeave={(event) => {
        // Moving over the zone's own text or button is not leaving it.
        if (
          event.relatedTarget instanceof Node &&
          event.currentTarget.contains(event.relatedTarget)
        ) {
          return;
        }
        setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (!props.disabled && file !== undefined) props.onFile(file);
      }}
    >
      <Stack align="center" gap="xs">
        <Text id={hintId} ta="center">
          Drop a CSV file of shipments here, or
        </Text>
        <Button
          variant="outline"
          disabled={props.disabled}
          aria-describedby={hintId}
          onClick={() => input.current?.click()}
        >
          Choose a file
        </Button>
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          aria-label="CSV file of shipments"
          hidden
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Cleared so that choosing the same (fixed) file again uploads it again.
            event.currentTarget.value = '';
            if (file !== undefined) props.onFile(file);
          }}
        />
      </Stack>
    </Paper>
  );
}
