/** Query keys of the documents feature. */
export const officeKeys = {
  all: ['office'] as const,
  capabilities: () => [...officeKeys.all, 'capabilities'] as const,
  editorConfig: (fileId: string) => [...officeKeys.all, 'editor-config', fileId] as const,
  unsaved: () => [...officeKeys.all, 'unsaved'] as const,
  failedSaves: (page: number) => [...officeKeys.all, 'failed-saves', page] as const,
  textFile: (fileId: string) => [...officeKeys.all, 'text', fileId] as const,
  versions: (fileId: string) => [...officeKeys.all, 'versions', fileId] as const,
};

/** A path segment, encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
