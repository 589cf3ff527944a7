/**
 * Routes. `/` is the trips list for a signed-in user and sends anyone else to /sign-in; the
 * server answers every non-API path with index.html, so deep links and reloads work.
 */
import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { createBrowserRouter, Link, Navigate, Outlet, useLocation } from 'react-router';
import { AppLayout } from '../components/app-layout';
import { useSession } from '../features/auth/api/session';
import { SignInPage } from '../features/auth/routes/sign-in-page';
import { TripsPage } from '../features/trips/routes/trips-page';
import { masterDataRoutes } from './master-data-routes';
import { editorRoutes } from './editor-routes';

function SessionGate({ signedIn }: { signedIn: boolean }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center mih="100vh" p="md">
        <Alert color="red" role="alert" title="ACE eManifest cannot start">
          {session.error.message}
        </Alert>
      </Center>
    );
  }
  if (signedIn && session.data === null) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  if (!signedIn && session.data !== null) {
    const from = (location.state as { from?: unknown } | null)?.from;
    return <Navigate to={typeof from === 'string' ? from : '/'} replace />;
  }
  if (!signedIn) return <SignInPage />;
  return <Outlet />;
}

function TripsRoute() {
  const session = useSession().data;
  if (session == null) return null;
  return (
    <AppLayout session={session}>
      <TripsPage session={session} />
    </AppLayout>
  );
}

function NotFound() {
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" component="main">
        <Title order={1}>Page not found</Title>
        <Text>There is no page at this address.</Text>
        <Button component={Link} to="/">
          Go to the trips list
        </Button>
      </Stack>
    </Center>
  );
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SessionGate signedIn={false} /> },
  {
    element: <SessionGate signedIn />,
    children: [
      { index: true, path: '/', element: <TripsRoute /> },
      ...masterDataRoutes,
      ...editorRoutes,
    ],
  },
  { path: '*', element: <NotFound /> },
]);
