/**
 * Bulk upload of shipments from a CSV file (docs/csv-template.md) into a trip or the
 * unassociated list: drop or choose the file, watch the server's progress, then read the report
 * (counts and every problem by row and column) and download the rows that failed, fixed and
 * uploaded again. Cancel stops an upload under way (the wrong file dropped): the server rolls
 * it back, so nothing is stored. Dispatchers and admins only: the API refuses a viewer's upload
 * anyway.
 */
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Session } from '../../../lib/api-types';
import { useObjectUrl } from '../../../lib/use-object-url';
import { canEdit } from '../../auth/api/session';
import {
  failedRowsFileName,
  isCancelled,
  progressPercent,
  useCsvUpload,
  type CsvImportReport,
  type CsvProgress,
} from '../api/upload-csv';
import { CsvDropZone } from './csv-drop-zone';
import { CsvIssueTable } from './csv-issue-table';

const count = new Intl.NumberFormat('en-US');

function progressText(progress: CsvProgress | undefined, fileSize: number): string {
  if (progress === undefined) return 'Sending the file…';
  if (progress.phase === 'reading') {
    return `Reading the file: ${count.format(progress.bytes)} of ${count.format(fileSize)} bytes, ${count.format(progress.shipments)} shipments so far`;
  }
  if (progress.phase === 'checking') {
    return `Checking ${count.format(progress.shipments)} shipments with the rule engine`;
  }
  return `Storing: ${count.format(progress.stored)} of ${count.format(progress.shipments)} shipments`;
}

/** The failed rows as a download link's address, released when the report goes. */
function useFileUrl(csv: string | null | undefined): string | undefined {
  const blob = useMemo(() => (csv == null ? null : new Blob([csv], { type: 'text/csv' })), [csv]);
  return useObjectUrl(blob);
}

function Outcome(props: { readonly report: CsvImportReport; readonly fileName: string }) {
  const { report } = props;
  const failedUrl = useFileUrl(report.failedRowsCsv);
  const title =
    report.outcome === 'imported'
      ? 'Imported'
      : report.outcome === 'partial'
        ? 'Partly imported: the valid shipments are stored'
        : 'Nothing was imported';
  const color =
    report.outcome === 'imported' ? 'green' : report.outcome === 'partial' ? 'yellow' : 'red';
  return (
    <Stack gap="sm">
      <Alert
        color={color}
        title={title}
        role="status"
        // Shade 9 of green and yellow is below WCAG AA (4.5:1) on their own tint: the words
        // stay in the text colour, the outcome's colour marks the box.
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        {report.outcome === 'rejected' && report.mode === 'all-or-nothing'
          ? 'One error anywhere stores nothing. Fix the rows below and upload the file again, or tick "Import only the valid shipments".'
          : `${props.fileName}: ${count.format(report.rowCount)} rows, ${count.format(report.shipmentCount)} shipments.`}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }} role="group" aria-label="Import counts">
        {(
          [
            ['Created', report.created],
            ['Unchanged', report.unchanged],
            ['Failed shipments', report.failed],
            // A row placed in no shipment (an SCN mixing typed and AUTOFILL) fails alone.
            ['Rows with errors', report.failedRowCount],
          ] as const
        ).map(([label, value]) => (
          <div key={label}>
            <Text size="sm">{label}</Text>
            <Text fw={700} size="xl">
              {count.format(value)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {failedUrl !== undefined && (
        <Group>
          <Button
            component="a"
            href={failedUrl}
            download={failedRowsFileName(props.fileName)}
            variant="outline"
          >
            Download failed rows
          </Button>
          <Text size="sm">
            {report.outcome === 'rejected' && report.mode === 'all-or-nothing'
              ? 'The rows with errors, with an Errors column. Nothing was stored: correct them in your file and upload the whole file again, or the valid shipments would be left out.'
              : 'The rows not imported, with an Errors column: fix them and upload that file.'}
          </Text>
        </Group>
      )}
      {report.issues.length > 0 && <CsvIssueTable issues={report.issues} />}
    </Stack>
  );
}

export function CsvUploadPanel(props: {
  readonly session: Session;
  /** The trip the shipments go into; without one they are unassociated. */
  readonly tripId?: string | undefined;
}) {
  const upload = useCsvUpload(props.tripId ?? null);
  const [partial, setPartial] = useState(false);
  const [file, setFile] = useState<{ name: string; size: number } | undefined>();
  const [progress, setProgress] = useState<CsvProgress | undefined>();
  const uploading = useRef<AbortController | undefined>(undefined);
  const titleId = useId();
  // Leaving the page ends the upload: no one would see its report.
  useEffect(
    () => () => {
      uploading.current?.abort();
    },
    [],
  );
  if (!canEdit(props.session)) return null;

  const start = (chosen: File) => {
    setFile({ name: chosen.name, size: chosen.size });
    setProgress(undefined);
    const controller = new AbortController();
    uploading.current = controller;
    upload.mutate({
      file: chosen,
      mode: partial ? 'partial' : 'all-or-nothing',
      onProgress: setProgress,
      signal: controller.signal,
    });
  };

  return (
    <Paper component="section" withBorder p="md" mb="lg" aria-labelledby={titleId}>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id={titleId}>
            {props.tripId === undefined
              ? 'Upload shipments without a trip from a CSV file'
              : 'Upload shipments from a CSV file'}
          </Title>
          <Group gap="md">
            <Anchor href="/api/v1/csv/template" download="shipments-template.csv">
              Download the template
            </Anchor>
            {props.tripId !== undefined && (
              // The trip's shipments as the template: edit and upload back (unchanged rows are
              // skipped, docs/csv-template.md). The server names the file after the trip.
              <Anchor href={`/api/v1/trips/${props.tripId}/shipments.csv`} download>
                Download this trip&apos;s shipments as CSV
              </Anchor>
            )}
          </Group>
        </Group>
        <CsvDropZone disabled={upload.isPending} onFile={start} />
        <Checkbox
          label="Import only the valid shipments"
          description="Unticked, one error anywhere imports nothing; ticked, the shipments without errors are stored and the others reported."
          checked={partial}
          disabled={upload.isPending}
          onChange={(event) => {
            setPartial(event.currentTarget.checked);
          }}
        />
        {upload.isPending && file !== undefined && (
          <Stack gap={4}>
            <Group gap="sm" wrap="nowrap">
              <Progress
                value={progressPercent(progress, file.size)}
                aria-label={`Uploading ${file.name}`}
                animated
                style={{ flex: 1 }}
              />
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  uploading.current?.abort();
                }}
              >
                Cancel
              </Button>
            </Group>
            <Text size="sm" aria-live="polite">
              {progressText(progress, file.size)}
            </Text>
          </Stack>
        )}
        {upload.isError && isCancelled(upload.error) && (
          <Alert color="gray" role="status" title="Cancelled">
            Upload cancelled; nothing was stored.
          </Alert>
        )}
        {upload.isError && !isCancelled(upload.error) && (
          <Alert color="red" role="alert" title="The file was not imported">
            {upload.error.message}
          </Alert>
        )}
        {upload.isSuccess && file !== undefined && (
          <Outcome report={upload.data} fileName={file.name} />
        )}
      </Stack>
    </Paper>
  );
}
