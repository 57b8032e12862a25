import { pathQuery, workspacePath } from './workspace';
import { sendAuthorized } from './transport';

/** GET /api/ide/workspaces/{id}/files/download?path=: saves a file, or a folder as .tar. */
export async function downloadPath(id: string, path: string): Promise<void> {
  const response = await sendAuthorized(`${workspacePath(id)}/files/download?${pathQuery(path)}`, {
    method: 'GET',
  });
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name =
    match?.[1] !== undefined ? decodeURIComponent(match[1]) : (path.split('/').pop() ?? 'download');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
