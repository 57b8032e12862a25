import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from '@/app/routes/app-layout';
import { HomeRoute } from '@/app/routes/home-route';
import { InventoryRoute } from '@/app/routes/inventory-route';
import { LoginRoute } from '@/app/routes/login-route';
import { NotFoundRoute } from '@/app/routes/not-found-route';
import { ProfileRoute } from '@/app/routes/profile-route';
import { RouteError } from '@/app/routes/route-error';
import { PageSpinner } from '@/components/spinner';
import { RequireAuth } from '@/lib/auth/require-auth';

async function filesFolderRoute() {
  return { Component: (await import('@/app/routes/files-folder-route')).FilesFolderRoute };
}

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
          { path: 'inventory', element: <InventoryRoute /> },
          {
            // The IDE (Monaco, xterm.js) is loaded when first opened.
            path: 'ide',
            hydrateFallbackElement: <PageSpinner label="Loading the IDE…" />,
            lazy: async () => ({
              Component: (await import('@/app/routes/ide-route')).IdeRoute,
            }),
          },
          {
            path: 'ide/:workspaceId',
            hydrateFallbackElement: <PageSpinner label="Loading the IDE…" />,
            lazy: async () => ({
              Component: (await import('@/app/routes/ide-workspace-route')).IdeWorkspaceRoute,
            }),
          },
          {
            // The file manager is loaded when first opened, so sign-in stays small.
            path: 'files',
            // Shown while the file manager's code loads on a direct visit.
            hydrateFallbackElement: <PageSpinner label="Loading your files…" />,
            lazy: async () => ({
              Component: (await import('@/app/routes/files-layout-route')).FilesLayoutRoute,
            }),
            children: [
              { index: true, lazy: filesFolderRoute },
              {
                path: 'recent',
                lazy: async () => ({
                  Component: (await import('@/app/routes/files-recent-route')).FilesRecentRoute,
                }),
              },
              {
                path: 'favorites',
                lazy: async () => ({
                  Component: (await import('@/app/routes/files-favorites-route'))
                    .FilesFavoritesRoute,
                }),
              },
              {
                path: 'trash',
                lazy: async () => ({
                  Component: (await import('@/app/routes/files-trash-route')).FilesTrashRoute,
                }),
              },
              {
                path: 'search',
                lazy: async () => ({
                  Component: (await import('@/app/routes/files-search-route')).FilesSearchRoute,
                }),
              },
              { path: ':folderId', lazy: filesFolderRoute },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
