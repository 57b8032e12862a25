import { Link } from 'react-router';
import { ChevronRightIcon } from '@/components/file-icons';
import type { FileNode } from '../api/node';
import { filesPaths } from '../utils/paths';

/**
 * Where the folder is, from "All files" down; the current folder is the page's heading.
 * The root's own name (whatever the server calls it) is shown as "All files".
 */
export function Breadcrumbs({ path }: { path: readonly FileNode[] }) {
  return (
    <nav className="breadcrumbs" aria-label="Folder path">
      <ol className="breadcrumbs__list">
        {path.map((node, index) => {
          const isRoot = index === 0;
          const label = isRoot ? 'All files' : node.name;
          const isCurrent = index === path.length - 1;
          return (
            <li key={node.id} className="breadcrumbs__item">
              {index > 0 && (
                <ChevronRightIcon className="breadcrumbs__separator" width={18} height={18} />
              )}
              {isCurrent ? (
                <h1 className="breadcrumbs__current" aria-current="page">
                  {label}
                </h1>
              ) : (
                <Link className="breadcrumbs__link" to={filesPaths.folder(isRoot ? null : node.id)}>
                  {label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
