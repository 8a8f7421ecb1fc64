import { Navigate, Outlet, useLocation } from 'react-router';
import { hrefs } from '@/config/paths';
import { useAuth } from '@/features/auth/hooks/use-auth';

export function RequireAuth() {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status !== 'authenticated') {
    return <Navigate to={hrefs.login(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}
