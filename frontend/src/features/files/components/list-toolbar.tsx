import { Button } from '@/components/button';
import { DownloadIcon, MoveIcon, TrashIcon } from '@/components/file-icons';
import { CloseIcon } from '@/components/icons';
import type { FileNode } from '../api/node';
import type { FileActions } from '../hooks/use-file-actions';
import type { Selection } from '../hooks/use-selection';
import { formatBytes, plural } from '../utils/format';

/** Above the list: its size, or — with a selection — what can be done to the selected items. */
export function ListToolbar({
  nodes,
  total,
  selection,
  actions,
}: {
  nodes: readonly FileNode[];
  total: number;
  selection: Selection;
  actions: FileActions;
}) {
  const selected = nodes.filter((n) => selection.isSelected(n.id));
  if (selected.length === 0) {
    const folders = nodes.filter((n) => n.type === 'folder').length;
    const files = nodes.length - folders;
    const bytes = nodes.reduce((sum, n) => sum + (n.type === 'file' ? n.size : 0), 0);
    const parts = [
      folders > 0 ? plural(folders, 'folder') : null,
      files > 0 ? `${plural(files, 'file')} (${formatBytes(bytes)})` : null,
      total > nodes.length ? `showing ${nodes.length} of ${total}` : null,
    ].filter(Boolean);
    return (
      <div className="list-toolbar">
        <p className="list-toolbar__summary">{parts.join(' · ')}</p>
      </div>
    );
  }
  return (
    <div
      className="list-toolbar list-toolbar--selection"
      role="toolbar"
      aria-label="Selected items"
    >
      <p className="list-toolbar__summary" aria-live="polite">
        {plural(selected.length, 'item')} selected
      </p>
      <div className="list-toolbar__actions">
        <Button
          variant="ghost"
          onClick={() => {
            actions.moveOrCopy(selected);
          }}
        >
          <MoveIcon width={18} height={18} />
          Move or copy
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            actions.download(selected);
          }}
        >
          <DownloadIcon width={18} height={18} />
          Download
        </Button>
        <Button
          variant="ghost"
          className="button--danger-text"
          onClick={() => {
            actions.remove(selected);
          }}
        >
          <TrashIcon width={18} height={18} />
          Delete
        </Button>
        <button
          type="button"
          className="icon-button"
          aria-label="Clear selection"
          title="Clear selection"
          onClick={selection.clear}
        >
          <CloseIcon width={18} height={18} />
        </button>
      </div>
    </div>
  );
}
