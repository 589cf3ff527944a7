/** Arriving from a problem's link (`/shipments/x#f-consignee-name`): focus that field. */
import { useEffect } from 'react';
import { useLocation } from 'react-router';

export function useFocusFromHash(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const element = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (element === null) return;
    element.scrollIntoView({ block: 'center' });
    element.focus();
  }, [ready, hash]);
}
