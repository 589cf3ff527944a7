/**
 * Which record of a list is open in the add/edit dialog, and which one waits for "Delete?".
 * `editing` is undefined when no dialog is open; its `record` is undefined when adding.
 */
import { useState } from 'react';

export function useRecordEditing<R>() {
  const [editing, setEditing] = useState<{ readonly record: R | undefined } | undefined>();
  const [deleting, setDeleting] = useState<R | undefined>();
  return {
    editing,
    deleting,
    add: () => {
      setEditing({ record: undefined });
    },
    edit: (record: R) => {
      setEditing({ record });
    },
    closeForm: () => {
      setEditing(undefined);
    },
    askDelete: (record: R) => {
      setDeleting(record);
    },
    closeDelete: () => {
      setDeleting(undefined);
    },
  };
}
