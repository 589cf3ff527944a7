/**
 * "Delete …" on a record's own page (a trip, a shipment): asked first, in the words the feature
 * gives for what deleting keeps; a refusal stays in the dialog (ConfirmDelete: the API's words,
 * Delete anyway after a colleague's save). Once deleted, the page is left without the
 * unsaved-changes question and the user is told. The dialog is mounted only while open, so each
 * opening starts without the last one's refusal.
 */
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDelete } from './confirm-delete';
import type { Versioned } from '../lib/record-writes';
import type { Refusal } from '../lib/write-refusal';

/** The record's delete, bound to the version the page shows (useRecordDelete and its cache). */
export interface PageDelete {
  readonly pending: boolean;
  readonly error: unknown;
  readonly refusal: Refusal | undefined;
  remove(onDone: () => void): void;
}

export interface DeleteOnPageProps {
  /** `trip`, `shipment`: the button reads "Delete trip". */
  readonly noun: string;
  /** What the user knows it by: the trip number, the SCN. */
  readonly name: string;
  /** The record at the version the page shows. */
  readonly record: Versioned;
  /** The feature's hook giving the record's delete (with its cache); used while the dialog is open. */
  readonly useDelete: (record: Versioned) => PageDelete;
  /** The notification once it is deleted. */
  readonly deleted: string;
  /** Where the page goes once it is deleted. */
  readonly leaveTo: string;
  /** Called before leaving the page, so the unsaved-changes question is not asked. */
  readonly beforeLeaving: () => void;
  /** What deleting means: what it keeps, and what to do next. */
  readonly children: ReactNode;
}

export function DeleteOnPage(props: DeleteOnPageProps) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button
        variant="outline"
        color="red"
        onClick={() => {
          setAsking(true);
        }}
      >
        Delete {props.noun}
      </Button>
      {asking && (
        <DeleteDialog
          {...props}
          onClose={() => {
            setAsking(false);
          }}
        />
      )}
    </>
  );
}

function DeleteDialog(props: DeleteOnPageProps & { readonly onClose: () => void }) {
  const remove = props.useDelete(props.record);
  const navigate = useNavigate();
  const Noun = props.noun.charAt(0).toUpperCase() + props.noun.slice(1);
  return (
    <ConfirmDelete
      title={`Delete ${props.noun} ${props.name}?`}
      noun={props.noun}
      pending={remove.pending}
      error={remove.error}
      refusal={remove.refusal}
      seen="after this page was opened"
      onClose={props.onClose}
      onConfirm={() => {
        remove.remove(() => {
          props.beforeLeaving();
          notifications.show({ color: 'green', title: `${Noun} deleted`, message: props.deleted });
          void navigate(props.leaveTo);
        });
      }}
    >
      {props.children}
    </ConfirmDelete>
  );
}
