import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from '@/app/routes/app-layout';
import { HomeRoute } from '@/app/routes/home-route';
import { LoginRoute } from '@/app/routes/login-route';
import { NotFoundRoute } from '@/app/routes/not-found-route';
import { ProfileRoute } from '@/app/routes/profile-route';
import { RouteError } from '@/app/routes/route-error';
import { RequireAuth } from '@/lib/auth/require-auth';

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'profile', element: <ProfileRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
