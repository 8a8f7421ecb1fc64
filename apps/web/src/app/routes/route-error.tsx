import { useRouteError } from 'react-router';
import { ErrorScreen } from '@/components/error-screen';

export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return <ErrorScreen />;
}
