/** Query keys of the documents feature. */
export const officeKeys = {
  all: ['office'] as const,
  capabilities: () => [...officeKeys.all, 'capabilities'] as const,
  editorConfig: (fileId: string, shareId: string | null = null) =>
    [...officeKeys.all, 'editor-config', fileId, shareId] as const,
  editing: (folderId: string, shareId: string | null) =>
    [...officeKeys.all, 'editing', folderId, shareId] as const,
  sharePermission: (shareId: string) => [...officeKeys.all, 'share-permission', shareId] as const,
  unsaved: () => [...officeKeys.all, 'unsaved'] as const,
  failedSaves: (page: number) => [...officeKeys.all, 'failed-saves', page] as const,
  textFile: (fileId: string, shareId: string | null = null) =>
    [...officeKeys.all, 'text', fileId, shareId] as const,
  versions: (fileId: string) => [...officeKeys.all, 'versions', fileId] as const,
};

/** A path segment, encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
