/**
 * The editors' routes: trip editor, shipment page, commodity page. Loaded on demand
 * (React.lazy), so the trips list a dispatcher opens first stays small.
 */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { SignedInPage } from './signed-in-page';

const TripEditorPage = lazy(async () => ({
  default: (await import('../features/trip-editor/routes/trip-editor-page')).TripEditorPage,
}));
const ShipmentPage = lazy(async () => ({
  default: (await import('../features/shipments/routes/shipment-page')).ShipmentPage,
}));
const CommodityPage = lazy(async () => ({
  default: (await import('../features/shipments/routes/commodity-page')).CommodityPage,
}));

export const editorRoutes: RouteObject[] = [
  { path: '/trips/:id', element: <SignedInPage page={TripEditorPage} /> },
  { path: '/shipments/new', element: <SignedInPage page={ShipmentPage} /> },
  { path: '/shipments/:id', element: <SignedInPage page={ShipmentPage} /> },
  { path: '/shipments/:id/commodities/:index', element: <SignedInPage page={CommodityPage} /> },
];
