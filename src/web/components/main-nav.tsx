/** The signed-in pages, one keyboard stop each; the current one is marked for screen readers. */
import { Button, Group } from '@mantine/core';
import { NavLink, useLocation } from 'react-router';

const PAGES = [
  { to: '/', label: 'Trips' },
  { to: '/address-book', label: 'Address book' },
  { to: '/profiles', label: 'Profiles' },
  { to: '/templates', label: 'Templates' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/company', label: 'Company' },
] as const;

export function MainNav() {
  const { pathname } = useLocation();
  const current = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));
  return (
    <Group component="nav" aria-label="Pages" gap={4} wrap="wrap">
      {PAGES.map((page) => (
        <Button
          key={page.to}
          component={NavLink}
          to={page.to}
          end={page.to === '/'}
          size="compact-md"
          // Filled: white on the darkened primary passes WCAG AA; the light variant does not.
          variant={current(page.to) ? 'filled' : 'subtle'}
        >
          {page.label}
        </Button>
      ))}
    </Group>
  );
}
