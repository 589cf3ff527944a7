/**
 * A deleted shipment taken out of a cached list of shipment pages (the trip's list, the
 * unassociated list) at once, so the list a dispatcher goes back to does not show it while it
 * is asked for again.
 */
import type { InfiniteData } from '@tanstack/react-query';
import type { Page } from '../../../lib/api-types';

export function withoutShipment<T extends { readonly id: string }>(
  data: InfiniteData<Page<T>> | undefined,
  shipmentId: string,
): InfiniteData<Page<T>> | undefined {
  if (data === undefined) return undefined;
  if (!data.pages.some((page) => page.items.some((item) => item.id === shipmentId))) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((item) => item.id !== shipmentId),
    })),
  };
}
