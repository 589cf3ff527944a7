/** A spinner while something loads, or why it could not be loaded, where it will stand. */
import { Center, Loader } from '@mantine/core';
import { ErrorAlert } from './error-alert';

export function LoadState(props: {
  readonly error: Error | null;
  readonly pending: boolean;
  /** "The address book could not be loaded". */
  readonly failedTitle: string;
  /** "Loading the address book". */
  readonly loadingLabel: string;
  /** A whole page's spinner stands in the middle; a list's at its start. */
  readonly centered?: boolean;
}) {
  const loader = <Loader aria-label={props.loadingLabel} />;
  return (
    <>
      {props.pending && (props.centered === true ? <Center>{loader}</Center> : loader)}
      <ErrorAlert title={props.failedTitle} error={props.error} />
    </>
  );
}
