/**
 * A refused save: the reason in words and, when someone else saved first, what differs between
 * the two versions and the two ways on — keep mine (saved on top of the current version) or
 * take theirs (the form is reloaded).
 */
import { Alert, Button, Group } from '@mantine/core';
import { isConflict, saveErrorMessage } from '../lib/save-error';
import { VersionDifferencesTable, type VersionComparison } from './version-differences-table';

export function SaveError(props: {
  readonly error: Error;
  /** "trip", "shipment". */
  readonly what: string;
  readonly onOverwrite?: () => void;
  readonly onReload?: () => void;
  readonly busy?: boolean;
  /** Shows what differs from the version saved now, when someone else saved first. */
  readonly compare?: VersionComparison | undefined;
}) {
  const conflict = isConflict(props.error);
  return (
    <Alert color="red" role="alert" title={`The ${props.what} was not saved`}>
      {saveErrorMessage(props.error, props.what)}
      {conflict && props.compare !== undefined && (
        <VersionDifferencesTable comparison={props.compare} />
      )}
      {conflict && (props.onOverwrite !== undefined || props.onReload !== undefined) && (
        <Group mt="sm">
          {props.onOverwrite !== undefined && (
            <Button size="xs" color="red.9" loading={props.busy} onClick={props.onOverwrite}>
              Save mine over theirs
            </Button>
          )}
          {props.onReload !== undefined && (
            <Button size="xs" variant="default" onClick={props.onReload}>
              Load the other version (drops mine)
            </Button>
          )}
        </Group>
      )}
    </Alert>
  );
}
