/**
 * An object URL for a Blob, made and released by the effect that uses it: under StrictMode a
 * component mounts, unmounts and mounts again, and a URL made once (in render or in a query)
 * would be revoked by the first unmount and broken afterwards.
 */
import { useEffect, useState } from 'react';

export function useObjectUrl(blob: Blob | null | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    // Syncing with the browser's object-URL store, which only an effect may do: making the URL
    // in render would leak one per discarded render, and keeping it elsewhere outlives its revoke.
    if (blob == null) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
      setUrl(undefined);
      return undefined;
    }
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
    };
  }, [blob]);
  return url;
}
