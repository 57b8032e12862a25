import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from '@/app/routes/app-layout';
import { HomeRoute } from '@/app/routes/home-route';
import { InventoryRoute } from '@/app/routes/inventory-route';
import { LoginRoute } from '@/app/routes/login-route';
import { NotFoundRoute } from '@/app/routes/not-found-route';
import { ProfileRoute } from '@/app/routes/profile-route';
import { RouteError } from '@/app/routes/route-error';
import { PageSpinner } from '@/components/spinner';
import { RequireAuth } from '@/lib/auth/require-auth';
import { registerOfficeIntegration } from '@/features/office/register';

// The file manager offers the document editor, the text editor and new documents through lib/file-openers.
registerOfficeIntegration();

async function filesFolderRoute() {
  return { Component: (await import('@/app/routes/files-folder-route')).FilesFolderRoute };
}

async function filesSharedRoute() {
  return { Component: (await import('@/app/routes/files-shared-route')).FilesSharedRoute };
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      {
        // A public link's page: outside the signed-in layout, no sign-in needed.
        path: '/s/:token',
        hydrateFallbackElement: <PageSpinner label="Opening the link…" />,
        lazy: async () => ({
          Component: (await import('@/app/routes/public-share-route')).PublicShareRoute,
        }),
      },
      {
        // Full page, outside the app frame: the Document Server's editor takes the whole window.
        path: '/documents/edit/:fileId',
        hydrateFallbackElement: <PageSpinner label="Opening the editor…" />,
        lazy: async () => {
          const { DocumentEditorRoute } = await import('@/app/routes/document-editor-route');
          return {
            Component: () => (
              <RequireAuth>
                <DocumentEditorRoute />
              </RequireAuth>
            ),
          };
        },
      },
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
            path: 'documents/text/:fileId',
            lazy: async () => ({
              Component: (await import('@/app/routes/text-editor-route')).TextEditorRoute,
            }),
          },
          {
            // The mail client is loaded when first opened.
            path: 'mail',
            hydrateFallbackElement: <PageSpinner label="Loading mail…" />,
            lazy: async () => ({
              Component: (await import('@/app/routes/mail-route')).MailRoute,
            }),
          },
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
              { path: 'shared', lazy: filesSharedRoute },
              { path: 'shared/:shareId', lazy: filesSharedRoute },
              { path: 'shared/:shareId/:folderId', lazy: filesSharedRoute },
              { path: ':folderId', lazy: filesFolderRoute },
            ],
          },
          {
            // The admin console; non-admins get a 403 page. Its pages load when first opened.
            path: 'admin',
            hydrateFallbackElement: <PageSpinner label="Loading the admin console…" />,
            lazy: async () => ({
              Component: (await import('@/app/routes/admin-layout-route')).AdminLayoutRoute,
            }),
            children: [
              { index: true, element: <Navigate to="/admin/users" replace /> },
              {
                path: 'users',
                lazy: async () => ({
                  Component: (await import('@/app/routes/admin-users-route')).AdminUsersRoute,
                }),
              },
              {
                path: 'sessions',
                lazy: async () => ({
                  Component: (await import('@/app/routes/admin-sessions-route')).AdminSessionsRoute,
                }),
              },
              {
                path: 'audit',
                lazy: async () => ({
                  Component: (await import('@/app/routes/admin-audit-route')).AdminAuditRoute,
                }),
              },
              {
                path: 'settings',
                lazy: async () => ({
                  Component: (await import('@/app/routes/admin-settings-route')).AdminSettingsRoute,
                }),
              },
              {
                path: 'status',
                lazy: async () => ({
                  Component: (await import('@/app/routes/admin-status-route')).AdminStatusRoute,
                }),
              },
              {
                path: 'documents',
                lazy: async () => ({
                  Component: (await import('@/app/routes/admin-documents-route'))
                    .AdminDocumentsRoute,
                }),
              },
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
