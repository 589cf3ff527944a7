/**
 * The address book, profiles, templates, alerts and company settings pages: each loaded on
 * first visit (React.lazy), so the sign-in and trips pages do not carry their code (the initial
 * JavaScript budget is 350 KB gzip, docs/web-app.md).
 */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { SignedInPage } from './signed-in-page';

const AddressBookPage = lazy(async () => ({
  default: (await import('../features/address-book/routes/address-book-page')).AddressBookPage,
}));
const ProfilesPage = lazy(async () => ({
  default: (await import('../features/profiles/routes/profiles-page')).ProfilesPage,
}));
const CompanyPage = lazy(async () => ({
  default: (await import('../features/company/routes/company-page')).CompanyPage,
}));
const TemplatesPage = lazy(async () => ({
  default: (await import('../features/templates/routes/templates-page')).TemplatesPage,
}));

const AlertsPage = lazy(async () => ({
  default: (await import('../features/alerts/routes/alerts-page')).AlertsPage,
}));

/** Children of the signed-in gate in router.tsx. */
export const masterDataRoutes: RouteObject[] = [
  { path: '/address-book', element: <SignedInPage page={AddressBookPage} /> },
  { path: '/profiles/:kind?', element: <SignedInPage page={ProfilesPage} /> },
  { path: '/templates', element: <SignedInPage page={TemplatesPage} /> },
  { path: '/alerts', element: <SignedInPage page={AlertsPage} /> },
  { path: '/company', element: <SignedInPage page={CompanyPage} /> },
];
