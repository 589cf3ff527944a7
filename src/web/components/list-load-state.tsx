/** A list's loading spinner, or why it could not be loaded, above where the list goes. */
import { Loader } from '@mantine/core';
import { ErrorAlert } from './error-alert';

export function ListLoadState(props: {
  readonly error: Error | null;
  readonly pending: boolean;
  /** "The address book could not be loaded". */
  readonly failedTitle: string;
  /** "Loading the address book". */
  readonly loadingLabel: string;
}) {
  return (
    <>
      <ErrorAlert title={props.failedTitle} error={props.error} />
      {props.pending && <Loader aria-label={props.loadingLabel} />}
    </>
  );
}
