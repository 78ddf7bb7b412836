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
import { CampaignDetailPage } from './workflow/CampaignDetailPage.tsx';
import { CampaignsPage } from './workflow/CampaignsPage.tsx';
import { DecisionsPage } from './workflow/DecisionsPage.tsx';
import { PeoplePage } from './workflow/PeoplePage.tsx';
import { RegistrationPage } from './workflow/RegistrationPage.tsx';
import { ReviewPage } from './workflow/ReviewPage.tsx';


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
      { path: paths.campaigns, element: <CampaignsPage /> },
      { path: '/dot-danh-gia/:id', element: <CampaignDetailPage /> },
      { path: '/ho-so/:id', element: <RegistrationPage /> },
      { path: paths.review, element: <ReviewPage /> },
      { path: paths.people, element: <PeoplePage /> },
      { path: paths.decisions, element: <DecisionsPage /> },
      { path: paths.reports, element: <UnderConstructionPage page="reports" /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
