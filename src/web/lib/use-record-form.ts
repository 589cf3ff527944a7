/**
 * The state of a form that saves a versioned record (address-book entry, profile): the values
 * checked with the form's schema before sending, and the save that follows (useRecordSave).
 * What it returns besides `form` is what RecordForm (components/record-form) takes.
 */
import { schemaResolver, useForm } from '@mantine/form';
import { useRecordSave, type RecordApi, type Versioned } from './record-writes';

export function useRecordForm<V extends Record<string, unknown>, I, R extends Versioned>(options: {
  readonly initialValues: V;
  readonly schema: Parameters<typeof schemaResolver>[0];
  readonly api: RecordApi<I, R>;
  readonly editing: Versioned | undefined;
  /** The API's input from the checked values. */
  readonly inputOf: (values: V) => I;
  readonly onDone: (saved: R) => void;
}) {
  const form = useForm<V>({
    initialValues: options.initialValues,
    validate: schemaResolver(options.schema, { sync: true }),
  });
  const save = useRecordSave(options.api, options.editing);
  return {
    form,
    saveError: save.error,
    pending: save.pending,
    onSubmit: form.onSubmit((submitted) => {
      save.save(options.inputOf(submitted), options.onDone);
    }),
  };
}
