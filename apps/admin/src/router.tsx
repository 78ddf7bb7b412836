/** The portal's routes (Vietnamese paths). */
import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { FrameworkDetailPage } from './pages/FrameworkDetailPage.tsx';
import { FrameworksPage } from './pages/FrameworksPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { UnderConstructionPage } from './pages/UnderConstructionPage.tsx';
import { paths } from './paths.ts';


export const router = createBrowserRouter([
  { path: paths.login, element: <LoginPage /> },
  {
    element: (
      <RequireAuth>
        <Layout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      { path: paths.frameworks, element: <FrameworksPage /> },
      // The editor brings CodeMirror: its own chunk, loaded when the route is visited.
      { path: paths.editor, lazy: async () => ({ Component: (await import('./pages/EditorPage.tsx')).EditorPage }) },
      { path: '/bo-tieu-chi/:plugin/:id', element: <FrameworkDetailPage /> },
      { path: paths.campaigns, element: <UnderConstructionPage page="campaigns" /> },
      { path: paths.people, element: <UnderConstructionPage page="people" /> },
      { path: paths.decisions, element: <UnderConstructionPage page="decisions" /> },
      { path: paths.reports, element: <UnderConstructionPage page="reports" /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
