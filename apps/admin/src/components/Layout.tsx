/**
 * The app shell: header with the burger (below 48em), the language switch and the user menu;
 * the navigation; the page. The navigation collapses into the burger on small screens.
 */
import { AppShell, Burger, Button, Group, NavLink as MantineNavLink, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { setApiLanguage } from '../api/client.ts';
import { useLogout, useSession } from '../api/hooks.ts';
import { paths } from '../paths.ts';
// The registers' menu entry and texts (its own namespace, added to the translations on import).
import '../registers/messages.ts';

const NAV = [
  { to: paths.dashboard, key: 'nav.dashboard', end: true },
  { to: paths.frameworks, key: 'nav.frameworks', end: false },
  { to: paths.campaigns, key: 'nav.campaigns', end: false },
  { to: paths.review, key: 'nav.review', end: false },
  { to: paths.people, key: 'nav.people', end: false },
  { to: paths.groups, key: 'nav.groups', end: false },
  { to: paths.decisions, key: 'nav.decisions', end: false },
  { to: paths.reports, key: 'nav.reports', end: false },
  { to: paths.registers, key: 'nav.registers', end: false },
  { to: paths.users, key: 'nav.users', end: false, admin: true },
  { to: paths.account, key: 'nav.account', end: false },
] as const;

/** Roles that administer accounts (the "Người dùng" page). */
const ADMIN_ROLES = ['platform-admin', 'province-admin'];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  useEffect(() => setApiLanguage(i18n.language), [i18n.language]);
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(v) => void i18n.changeLanguage(v)}
      data={[
        { value: 'vi', label: <span lang="vi" title={t('app.languageVi')}>VI</span> },
        { value: 'en', label: <span lang="en" title={t('app.languageEn')}>EN</span> },
      ]}
    />
  );
}

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  useEffect(() => close(), [location.pathname, close]);
  const user = session.data?.user;

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'sm', sm: 'md' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('app.closeNav') : t('app.openNav')}
              aria-expanded={opened}
              aria-controls="main-nav"
            />
            <NavLink to={paths.dashboard} style={{ textDecoration: 'none', color: 'inherit' }}>
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" width={28} height={28} alt="" />
                <Stack gap={0}>
                  <Text fw={700} lh={1.1}>
                    {t('app.name')}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.1} visibleFrom="xs">
                    {t('app.subtitle')}
                  </Text>
                </Stack>
              </Group>
            </NavLink>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            {user && (
              <Text size="sm" visibleFrom="md" title={user.email}>
                <VisuallyHidden>{t('app.signedInAs', { name: '' })}</VisuallyHidden>
                {user.name}
              </Text>
            )}
            <Button
              size="xs"
              variant="default"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate(paths.login) })}
            >
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" id="main-nav" aria-label={t('app.mainNav')} component="nav">
        {NAV.filter((n) => !('admin' in n) || user?.roles.some((r) => ADMIN_ROLES.includes(r))).map((n) => (
          <MantineNavLink
            key={n.to}
            component={NavLink}
            to={n.to}
            end={n.end}
            label={t(n.key)}
            active={n.end ? location.pathname === n.to : location.pathname.startsWith(n.to)}
            variant="filled"
            style={{ borderRadius: 4 }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
