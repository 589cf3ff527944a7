/**
 * What a dispatcher reads when saving an address-book entry or profile was refused. Nothing
 * typed is lost: the form stays open with its values, and the way on is offered as a button.
 */
import { Alert, Text } from '@mantine/core';
import { ApiError } from '../lib/api-client';
import { errorMessage, refusalOf } from '../lib/write-refusal';

export function SaveRefusal({ error, noun }: { error: unknown; noun: string }) {
  switch (refusalOf(error)) {
    case 'changed-by-someone-else':
      return (
        <Alert color="red" role="alert" title={`Someone else changed this ${noun}`}>
          <Text size="sm">
            It was saved by someone else while you were editing. What you typed is still here. Save
            again to replace their version with yours, or cancel to keep theirs.
          </Text>
        </Alert>
      );
    case 'deleted-by-someone-else':
      return (
        <Alert color="red" role="alert" title={`This ${noun} was deleted`}>
          <Text size="sm">
            Someone else deleted it while you were editing. What you typed is still here: save again
            to add it back as a new entry, or cancel.
          </Text>
        </Alert>
      );
    case 'other':
      return (
        <Alert color="red" role="alert" title="Not saved">
          {errorMessage(error)}
        </Alert>
      );
  }
}

export function DeleteRefusal({
  error,
  noun,
  seen = 'after the list was shown; the list now shows their version',
}: {
  error: unknown;
  noun: string;
  /** When the user saw the version they meant to delete, and what shows it now. */
  seen?: string | undefined;
}) {
  switch (refusalOf(error)) {
    case 'changed-by-someone-else':
      return (
        <Alert color="red" role="alert" title="Not deleted">
          Someone else changed this {noun} {seen}. Delete anyway if you still mean to, or keep it.
        </Alert>
      );
    case 'deleted-by-someone-else':
      return (
        <Alert color="red" role="alert" title="Already deleted">
          Someone else deleted this {noun} already.
        </Alert>
      );
    case 'other':
      return (
        <Alert color="red" role="alert" title="Not deleted">
          {errorMessage(error)}
          {/* What to do about it, when the refusal says (a trip CBP holds: cancel it first). */}
          {error instanceof ApiError &&
            error.issues.map((issue) => (
              <Text size="sm" mt={4} key={`${issue.code}${issue.path}`}>
                {issue.message}
              </Text>
            ))}
        </Alert>
      );
  }
}
