/**
 * The CSV upload as pages mount it: one element, its code fetched on first render
 * (`React.lazy`), so the trips page's initial JavaScript does not grow with it. A viewer gets
 * nothing (the API refuses a viewer's upload), not even the chunk.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import { canEdit } from '../auth/api/session';

const Panel = lazy(async () => ({
  default: (await import('./components/csv-upload-panel')).CsvUploadPanel,
}));

export function CsvUpload(props: ComponentProps<typeof Panel>) {
  if (!canEdit(props.session)) return null;
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
