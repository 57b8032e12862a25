import { Link } from 'react-router';
import { Card } from '@/components/card';
import { FolderIcon, StarIcon } from '@/components/file-icons';
import { useFavorites } from '../api/get-favorites';
import { useRecent } from '../api/get-recent';
import type { FileNode } from '../api/node';
import { useFileActions } from '../hooks/use-file-actions';
import { describeError } from '../utils/describe-error';
import { formatModified } from '../utils/format';
import { filesPaths, formatFolderPath, parentPathOf } from '../utils/paths';
import { NodeThumbnail } from './node-thumbnail';
import { StorageUsage } from './storage-usage';

/** How many recent files and favourites the home page lists. */
const SHOWN = 6;

/**
 * The home page's view of the user's files: storage used, the files changed lately and the favourites, each opened
 * as in the file manager (editor, preview or folder).
 */
export function FilesSummaryCard() {
  const recent = useRecent();
  const favorites = useFavorites();
  const { actions, element } = useFileActions();
  const recentNodes = (recent.data ?? []).slice(0, SHOWN);
  const favoriteNodes = (favorites.data ?? []).slice(0, SHOWN);

  return (
    <Card title="Files" icon={<FolderIcon />} id="home-files">
      <StorageUsage />
      <section className="home-list" aria-labelledby="home-recent-title">
        <h3 className="home-list__title" id="home-recent-title">
          Recently changed
        </h3>
        {recent.isPending ? (
          <p className="home-list__note">Loading…</p>
        ) : recent.isError ? (
          <p className="home-list__note" role="alert">
            {describeError(recent.error, 'load')}
          </p>
        ) : recentNodes.length === 0 ? (
          <p className="home-list__note">Nothing yet. Files you upload or change show up here.</p>
        ) : (
          <NodeLinks
            nodes={recentNodes}
            onOpen={(node) => {
              actions.open(node, recentNodes);
            }}
          />
        )}
      </section>
      {favoriteNodes.length > 0 && (
        <section className="home-list" aria-labelledby="home-favorites-title">
          <h3 className="home-list__title" id="home-favorites-title">
            <StarIcon filled width={14} height={14} /> Favourites
          </h3>
          <NodeLinks
            nodes={favoriteNodes}
            onOpen={(node) => {
              actions.open(node, favoriteNodes);
            }}
          />
        </section>
      )}
      <p className="card__footer home-links">
        <Link to={filesPaths.root}>Open Files</Link>
        <Link to={filesPaths.recent}>All recent files</Link>
      </p>
      {element}
    </Card>
  );
}

function NodeLinks({
  nodes,
  onOpen,
}: {
  nodes: readonly FileNode[];
  onOpen: (node: FileNode) => void;
}) {
  return (
    <ul className="home-list__items">
      {nodes.map((node) => {
        const folder = parentPathOf(node.path, node.name);
        return (
          <li key={node.id} className="home-list__item">
            <NodeThumbnail node={node} size={18} />
            <button
              type="button"
              className="home-list__open"
              onClick={() => {
                onOpen(node);
              }}
            >
              {node.name}
            </button>
            <span className="home-list__meta">
              {folder !== null && (
                <span className="home-list__where">{formatFolderPath(folder)} · </span>
              )}
              <time dateTime={node.modifiedAt}>{formatModified(node.modifiedAt)}</time>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
