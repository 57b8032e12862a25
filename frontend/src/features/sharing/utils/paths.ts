/** The SPA addresses of sharing. */
export const sharingPaths = {
  sharedWithMe: '/files/shared',
  sharedFolder: (shareId: string, folderId = 'root') =>
    folderId === 'root'
      ? `/files/shared/${encodeURIComponent(shareId)}`
      : `/files/shared/${encodeURIComponent(shareId)}/${encodeURIComponent(folderId)}`,
  publicLink: (token: string) => `/s/${encodeURIComponent(token)}`,
} as const;
