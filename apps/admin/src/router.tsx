/** The portal's routes (Vietnamese paths). */
import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { paths } from './paths.ts';


/**
 * Every page but sign-in and "not found" is its own chunk, loaded when visited: the entry stays small
 * (recharts, CodeMirror and the criteria engine load only with the pages that use them).
 */
export const router = createBrowserRouter([
  { path: paths.login, element: <LoginPage />, errorElement: <ErrorPage /> },
  // The public list of recognised subjects: no sign-in.
  { path: paths.publicList, errorElement: <ErrorPage />, lazy: async () => ({ Component: (await import('./pages/PublicListPage.tsx')).PublicListPage }) },
  // Setting a password with an administrator's one-time link: no sign-in, its own chunk.
  { path: paths.resetPassword, errorElement: <ErrorPage />, lazy: async () => ({ Component: (await import('./accounts/ResetPasswordPage.tsx')).ResetPasswordPage }) },
  {
    element: (
      <RequireAuth>
        <Layout />
      </RequireAuth>
    ),
    errorElement: <ErrorPage />,
    children: [
      {
        // A page that fails keeps the portal's menu around its error message.
        errorElement: <ErrorPage />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/DashboardPage.tsx')).DashboardPage }) },
          { path: paths.frameworks, lazy: async () => ({ Component: (await import('./pages/FrameworksPage.tsx')).FrameworksPage }) },
          { path: paths.versions, lazy: async () => ({ Component: (await import('./pages/PublishedVersionsPage.tsx')).PublishedVersionsPage }) },
          // The editor brings CodeMirror: its own chunk, loaded when the route is visited.
          { path: paths.editor, lazy: async () => ({ Component: (await import('./pages/EditorPage.tsx')).EditorPage }) },
          { path: '/bo-tieu-chi/:plugin/:id', lazy: async () => ({ Component: (await import('./pages/FrameworkDetailPage.tsx')).FrameworkDetailPage }) },
          { path: paths.campaigns, lazy: async () => ({ Component: (await import('./workflow/CampaignsPage.tsx')).CampaignsPage }) },
          { path: '/dot-danh-gia/:id', lazy: async () => ({ Component: (await import('./workflow/CampaignDetailPage.tsx')).CampaignDetailPage }) },
          { path: '/ho-so/:id', lazy: async () => ({ Component: (await import('./workflow/RegistrationPage.tsx')).RegistrationPage }) },
          { path: paths.review, lazy: async () => ({ Component: (await import('./workflow/ReviewPage.tsx')).ReviewPage }) },
          { path: paths.people, lazy: async () => ({ Component: (await import('./workflow/PeoplePage.tsx')).PeoplePage }) },
          // Households, clans, communities and units: their own chunk, loaded when visited.
          { path: paths.groups, lazy: async () => ({ Component: (await import('./groups/GroupsPage.tsx')).GroupsPage }) },
          { path: `${paths.groups}/:kind`, lazy: async () => ({ Component: (await import('./groups/GroupsPage.tsx')).GroupsPage }) },
          { path: `${paths.groups}/:kind/:id`, lazy: async () => ({ Component: (await import('./groups/GroupDetailPage.tsx')).GroupDetailPage }) },
          { path: paths.decisions, lazy: async () => ({ Component: (await import('./workflow/DecisionsPage.tsx')).DecisionsPage }) },
          { path: paths.reports, lazy: async () => ({ Component: (await import('./workflow/ReportsPage.tsx')).ReportsPage }) },
          { path: paths.registers, lazy: async () => ({ Component: (await import('./registers/RegistersPage.tsx')).RegistersPage }) },
          // Accounts: user administration and the own account (the QR code library loads only here).
          { path: paths.users, lazy: async () => ({ Component: (await import('./accounts/UsersPage.tsx')).UsersPage }) },
          { path: paths.account, lazy: async () => ({ Component: (await import('./accounts/AccountPage.tsx')).AccountPage }) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
