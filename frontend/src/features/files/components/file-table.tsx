import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { ArrowDownIcon, ArrowUpIcon, MoreIcon, StarIcon } from '@/components/file-icons';
import { Menu, type MenuItem } from '@/components/menu';
import { formatDateTime } from '@/lib/format';
import type { FileNode, FolderSort, SortField } from '../api/node';
import type { Selection } from '../hooks/use-selection';
import { useFileExtensions } from '../extensions';
import { NodeThumbnail } from './node-thumbnail';
import { formatBytes, formatModified } from '../utils/format';
import { filesPaths, formatFolderPath, parentPathOf } from '../utils/paths';

export type KeyAction = 'delete' | 'rename';

interface FileTableProps {
  nodes: readonly FileNode[];
  /** The accessible name of the table, e.g. "Files in Projects". */
  label: string;
  sort?: { value: FolderSort; onChange: (sort: FolderSort) => void } | undefined;
  selection?: Selection | undefined;
  /** Adds a column with the folder each node is in (search, recent, favourites). */
  showLocation?: boolean;
  /** Opens a file (preview or download); folders are links. */
  onOpenFile: (node: FileNode) => void;
  onToggleFavorite: (node: FileNode) => void;
  menuFor: (node: FileNode) => MenuItem[];
  /** Delete and F2 on the selection (or the focused row when nothing is selected). */
  onKeyAction?: (action: KeyAction, nodes: FileNode[]) => void;
}

function formatLocation(node: FileNode): string {
  const parent = parentPathOf(node.path, node.name);
  return parent === null ? 'Show folder' : formatFolderPath(parent);
}

const defaultOrder: Record<SortField, FolderSort['order']> = {
  name: 'asc',
  size: 'desc',
  modified: 'desc',
};

/** The list of a folder: sortable columns, selection, a menu per row, keyboard shortcuts. */
export function FileTable({
  nodes,
  label,
  sort,
  selection,
  showLocation = false,
  onOpenFile,
  onToggleFavorite,
  menuFor,
  onKeyAction,
}: FileTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const { badge } = useFileExtensions();

  function nodeOfEvent(target: EventTarget): FileNode | undefined {
    const row = (target as HTMLElement).closest<HTMLElement>('tr[data-id]');
    return row === null ? undefined : nodes.find((n) => n.id === row.dataset.id);
  }

  function focusRow(index: number) {
    const rows = bodyRef.current?.querySelectorAll<HTMLElement>('tr[data-id] .file-name__link');
    rows?.[Math.max(0, Math.min(index, rows.length - 1))]?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (target instanceof HTMLInputElement && target.type !== 'checkbox') {
      return;
    }
    const focused = nodeOfEvent(target);
    const selected = selection === undefined ? [] : nodes.filter((n) => selection.isSelected(n.id));
    const targets = selected.length > 0 ? selected : focused === undefined ? [] : [focused];
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (focused === undefined) {
          return;
        }
        event.preventDefault();
        const index = nodes.indexOf(focused);
        focusRow(event.key === 'ArrowDown' ? index + 1 : index - 1);
        return;
      }
      case 'Delete':
        if (targets.length > 0 && onKeyAction !== undefined) {
          event.preventDefault();
          onKeyAction('delete', targets);
        }
        return;
      case 'F2': {
        const one = selected.length === 1 ? selected : focused === undefined ? [] : [focused];
        if (one.length === 1 && onKeyAction !== undefined) {
          event.preventDefault();
          onKeyAction('rename', one);
        }
        return;
      }
      case 'a':
      case 'A':
        if ((event.ctrlKey || event.metaKey) && selection !== undefined) {
          event.preventDefault();
          selection.selectAll();
        }
        return;
      case 'Escape':
        if (selection?.someSelected === true) {
          event.preventDefault();
          selection.clear();
        }
        return;
      default:
        return;
    }
  }

  function handleRowClick(event: MouseEvent<HTMLTableRowElement>, node: FileNode) {
    if (selection === undefined) {
      return;
    }
    // Clicks on the row's controls do their own thing.
    if ((event.target as HTMLElement).closest('a, button, input, label') !== null) {
      return;
    }
    if (event.shiftKey || event.ctrlKey || event.metaKey) {
      selection.toggle(node.id, event.shiftKey);
    } else {
      selection.selectOnly(node.id);
    }
  }

  function header(field: SortField, text: string, className: string) {
    if (sort === undefined) {
      return (
        <th scope="col" className={className}>
          {text}
        </th>
      );
    }
    const active = sort.value.field === field;
    const Arrow = sort.value.order === 'asc' ? ArrowUpIcon : ArrowDownIcon;
    return (
      <th
        scope="col"
        className={className}
        aria-sort={active ? (sort.value.order === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button
          type="button"
          className={active ? 'sort-button sort-button--active' : 'sort-button'}
          onClick={() => {
            sort.onChange(
              active
                ? { field, order: sort.value.order === 'asc' ? 'desc' : 'asc' }
                : { field, order: defaultOrder[field] },
            );
          }}
        >
          {text}
          {active && <Arrow width={14} height={14} />}
        </button>
      </th>
    );
  }

  return (
    // The keys act on the focused row or the selection; the controls inside stay reachable by Tab.
    <div className="file-table-wrapper" onKeyDown={handleKeyDown}>
      <table className="file-table" aria-label={label}>
        <thead>
          <tr>
            {selection !== undefined && (
              <th scope="col" className="file-table__check">
                <input
                  type="checkbox"
                  aria-label="Select all"
                  checked={selection.allSelected}
                  ref={(input) => {
                    if (input !== null) {
                      input.indeterminate = selection.someSelected && !selection.allSelected;
                    }
                  }}
                  onChange={() => {
                    if (selection.allSelected) {
                      selection.clear();
                    } else {
                      selection.selectAll();
                    }
                  }}
                  disabled={nodes.length === 0}
                />
              </th>
            )}
            {header('name', 'Name', 'file-table__name')}
            {showLocation && (
              <th scope="col" className="file-table__location">
                Location
              </th>
            )}
            {header('size', 'Size', 'file-table__size')}
            {header('modified', 'Modified', 'file-table__modified')}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {nodes.map((node) => {
            const selected = selection?.isSelected(node.id) ?? false;
            return (
              <tr
                key={node.id}
                data-id={node.id}
                className={selected ? 'file-row file-row--selected' : 'file-row'}
                onClick={(event) => {
                  handleRowClick(event, node);
                }}
              >
                {selection !== undefined && (
                  <td className="file-table__check">
                    <input
                      type="checkbox"
                      aria-label={`Select ${node.name}`}
                      checked={selected}
                      onChange={(event) => {
                        const native = event.nativeEvent as Partial<globalThis.MouseEvent>;
                        selection.toggle(node.id, native.shiftKey === true);
                      }}
                    />
                  </td>
                )}
                <td className="file-table__name">
                  <div className="file-name">
                    <NodeThumbnail node={node} />
                    {node.type === 'folder' ? (
                      <Link className="file-name__link" to={filesPaths.folder(node.id)}>
                        {node.name}
                      </Link>
                    ) : (
                      <button
                        type="button"
                        className="file-name__link"
                        onClick={() => {
                          onOpenFile(node);
                        }}
                      >
                        {node.name}
                      </button>
                    )}
                    {badge?.(node)}
                    <span className="file-name__actions">
                      <button
                        type="button"
                        className={node.favorite ? 'icon-button star star--on' : 'icon-button star'}
                        aria-pressed={node.favorite}
                        aria-label={`Favourite ${node.name}`}
                        title={node.favorite ? 'Remove from favourites' : 'Add to favourites'}
                        onClick={() => {
                          onToggleFavorite(node);
                        }}
                      >
                        <StarIcon filled={node.favorite} width={18} height={18} />
                      </button>
                      <Menu label={`Actions for ${node.name}`} items={menuFor(node)}>
                        <MoreIcon width={18} height={18} />
                      </Menu>
                    </span>
                  </div>
                </td>
                {showLocation && (
                  <td className="file-table__location">
                    <Link to={filesPaths.folder(node.parentId)} className="file-location">
                      {formatLocation(node)}
                    </Link>
                  </td>
                )}
                <td className="file-table__size">
                  {node.type === 'folder' && node.size === 0 ? '—' : formatBytes(node.size)}
                </td>
                <td className="file-table__modified">
                  <time dateTime={node.modifiedAt} title={formatDateTime(node.modifiedAt)}>
                    {formatModified(node.modifiedAt)}
                  </time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
