/**
 * Saving and deleting a versioned record (address-book party, profile) the way a dispatcher
 * expects: the version edited goes in If-Match; when someone else saved in between, the form
 * keeps what was typed and the next Save writes over the newer version on purpose; when someone
 * else deleted it, the next Save adds it back as a new record.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { refusalOf } from './write-refusal';

export interface Versioned {
  readonly id: string;
  readonly version: number;
}

export interface RecordApi<I, R extends Versioned> {
  /** The query key prefix of the lists that show these records. */
  readonly listKey: string;
  readonly create: (input: I) => Promise<R>;
  readonly replace: (target: Versioned, input: I) => Promise<R>;
  readonly remove: (target: Versioned) => Promise<void>;
  readonly latest: (id: string) => Promise<R>;
}

export function useRecordSave<I, R extends Versioned>(
  recordApi: RecordApi<I, R>,
  editing: Versioned | undefined,
) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: async ({
      input,
      after,
    }: {
      input: I;
      after: ReturnType<typeof refusalOf> | 'none';
    }) => {
      if (editing === undefined || after === 'deleted-by-someone-else') {
        return recordApi.create(input);
      }
      const version =
        after === 'changed-by-someone-else'
          ? (await recordApi.latest(editing.id)).version
          : editing.version;
      return recordApi.replace({ id: editing.id, version }, input);
    },
    onSettled: () => client.invalidateQueries({ queryKey: [recordApi.listKey] }),
  });
  return {
    error: mutation.error,
    pending: mutation.isPending,
    save(input: I, onSaved: (record: R) => void) {
      const after = mutation.isError ? refusalOf(mutation.error) : 'none';
      mutation.mutate({ input, after }, { onSuccess: onSaved });
    },
  };
}

/**
 * Delete of the version the list showed. After "someone else changed it" the dialog says so,
 * and confirming again deletes the version that is there now; after "someone else deleted it"
 * there is nothing left to do.
 */
/** What deleting needs of a record API: the list to refresh, the delete, the version now. */
export type RecordDeletes<R extends Versioned> = Pick<
  RecordApi<never, R>,
  'listKey' | 'remove' | 'latest'
>;

export function useRecordDelete<R extends Versioned>(recordApi: RecordDeletes<R>) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: async ({ target, anyway }: { target: Versioned; anyway: boolean }) => {
      const version = anyway ? (await recordApi.latest(target.id)).version : target.version;
      await recordApi.remove({ id: target.id, version });
    },
    onSettled: () => client.invalidateQueries({ queryKey: [recordApi.listKey] }),
  });
  const refusal = mutation.isError ? refusalOf(mutation.error) : undefined;
  return {
    error: mutation.error,
    pending: mutation.isPending,
    refusal,
    remove(target: Versioned, onDone: () => void) {
      mutation.mutate(
        { target, anyway: refusal === 'changed-by-someone-else' },
        { onSuccess: onDone },
      );
    },
  };
}
