/**
 * The editors' routes: trip editor, shipment page, commodity page. Loaded on demand
 * (React.lazy), so the trips list a dispatcher opens first stays small.
 */
import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { AppLayout } from '../components/app-layout';
import { useSession } from '../features/auth/api/session';
import type { Session } from '../lib/api-types';

const TripEditorPage = lazy(async () => ({
  default: (await import('../features/trip-editor/routes/trip-editor-page')).TripEditorPage,
}));
const ShipmentPage = lazy(async () => ({
  default: (await import('../features/shipments/routes/shipment-page')).ShipmentPage,
}));
const CommodityPage = lazy(async () => ({
  default: (await import('../features/shipments/routes/commodity-page')).CommodityPage,
}));

function Signed({ page: Page }: { readonly page: ComponentType<{ session: Session }> }) {
  const session = useSession().data;
  if (session == null) return null;
  return (
    <AppLayout session={session}>
      <Suspense
        fallback={
          <Center>
            <Loader aria-label="Loading the page" />
          </Center>
        }
      >
        <Page session={session} />
      </Suspense>
    </AppLayout>
  );
}

export const editorRoutes: RouteObject[] = [
  { path: '/trips/:id', element: <Signed page={TripEditorPage} /> },
  { path: '/shipments/new', element: <Signed page={ShipmentPage} /> },
  { path: '/shipments/:id', element: <Signed page={ShipmentPage} /> },
  { path: '/shipments/:id/commodities/:index', element: <Signed page={CommodityPage} /> },
];
