/** A failure in words (the error's own message) under a title; nothing while there is none. */
import { Alert } from '@mantine/core';

export function ErrorAlert(props: { readonly title: string; readonly error: Error | null }) {
  if (props.error === null) return null;
  return (
    <Alert color="red" role="alert" title={props.title}>
      {props.error.message}
    </Alert>
  );
}
