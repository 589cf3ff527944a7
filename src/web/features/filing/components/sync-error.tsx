/**
 * A refused sync in words, with what each issue says (why, and what to wait for). A 422 means the trip has problems CBP would reject (or X12 cannot
 * carry): the user is sent to the trip's problems list beside the form.
 */
import { Alert, Anchor, List, Text } from '@mantine/core';
import { ApiError } from '../../../lib/api-client';

export function SyncError({ error }: { readonly error: Error }) {
  const invalid = error instanceof ApiError && error.status === 422;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Alert color="red" role="alert" title="Nothing was sent to CBP">
      <Text size="sm">{error.message}</Text>
      {issues.length > 0 && (
        <List size="sm" mt="xs">
          {issues.slice(0, 5).map((issue, index) => (
            <List.Item key={index}>{issue.message}</List.Item>
          ))}
        </List>
      )}
      {invalid && (
        <>
          <Text size="sm" mt="xs">
            Fix the trip first:{' '}
            <Anchor href="#trip-problems" c="red.9" underline="always">
              see the problems in this trip
            </Anchor>
            , save it, then sync again.
          </Text>
        </>
      )}
    </Alert>
  );
}
