/** The session guard: pages inside it need a signed-in user; otherwise, to the sign-in page and back. */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/hooks.ts';
import { QueryError, Loading } from '../components/QueryState.tsx';
import { paths } from '../paths.ts';

export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${paths.login}?next=${encodeURIComponent(next)}`} replace />;
  }
  // The server requires TOTP for staff (HOCTAP_REQUIRE_MFA): enrol first, on the own account page.
  if (session.data.user.mfaEnrolmentRequired && location.pathname !== paths.account) return <Navigate to={paths.account} replace />;
  return <>{children}</>;
}
