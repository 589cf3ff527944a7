/**
 * Arriving from a problem's link (`/shipments/x#f-consignee-name`): focus that field, or its
 * nearest enclosing one when the problem is about a whole part (focusFieldId, as the problem
 * list on the page itself does).
 */
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { focusFieldId } from './field-id';

export function useFocusFromHash(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    focusFieldId(decodeURIComponent(hash.slice(1)));
  }, [ready, hash]);
}
