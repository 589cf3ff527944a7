/**
 * The CSV upload as pages mount it: one element, its code fetched on first render
 * (`React.lazy`), so the trips page's initial JavaScript does not grow with it.
 */
import { lazy, Suspense, type ComponentProps } from 'react';

const Panel = lazy(async () => ({
  default: (await import('./components/csv-upload-panel')).CsvUploadPanel,
}));

export function CsvUpload(props: ComponentProps<typeof Panel>) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
