import { useEffect, useRef } from 'react';
import { Button } from '@/components/button';
import { DescriptionList } from '@/components/description-list';
import { DownloadIcon, EyeIcon, PencilIcon, StarIcon } from '@/components/file-icons';
import { CloseIcon } from '@/components/icons';
import { formatDateTime } from '@/lib/format';
import { useNode } from '../api/get-node';
import type { FileNode } from '../api/node';
import { canPreview, describeType } from '../utils/file-kind';
import { formatBytes } from '../utils/format';
import { NodeIcon } from './node-icon';
import { VersionsList } from './versions-list';

/** A side panel with the facts of a node and, for files, its versions. */
export function DetailsPanel({
  node: initial,
  onClose,
  onPreview,
  onDownload,
  onRename,
  onToggleFavorite,
}: {
  node: FileNode;
  onClose: () => void;
  onPreview: (node: FileNode) => void;
  onDownload: (node: FileNode) => void;
  onRename: (node: FileNode) => void;
  onToggleFavorite: (node: FileNode) => void;
}) {
  const { data } = useNode(initial);
  const node = data;
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    // Focus moves into the panel and goes back to what opened it when it closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panelRef.current?.focus();
    return () => {
      if (opener?.isConnected === true && !opener.closest('[inert]')) {
        opener.focus();
      }
    };
  }, []);

  return (
    <aside
      ref={panelRef}
      className="details-panel"
      aria-label={`Details of ${node.name}`}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          onClose();
        }
      }}
    >
      <header className="details-panel__header">
        <NodeIcon node={node} size={28} className="details-panel__icon" />
        <div className="details-panel__title">
          <h2>{node.name}</h2>
          <p>
            {node.type === 'folder' ? 'Folder' : formatBytes(node.size)} · modified{' '}
            {formatDateTime(node.modifiedAt)}
          </p>
        </div>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          <CloseIcon width={18} height={18} />
        </button>
      </header>
      <div className="details-panel__actions">
        {canPreview(node) && (
          <Button
            variant="secondary"
            onClick={() => {
              onPreview(node);
            }}
          >
            <EyeIcon width={18} height={18} />
            Preview
          </Button>
        )}
        <Button
          variant="secondary"
          onClick={() => {
            onDownload(node);
          }}
        >
          <DownloadIcon width={18} height={18} />
          Download
        </Button>
        <button
          type="button"
          className="icon-button"
          aria-label="Rename"
          title="Rename"
          onClick={() => {
            onRename(node);
          }}
        >
          <PencilIcon width={18} height={18} />
        </button>
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
      </div>
      <section className="details-panel__section" aria-labelledby="details-facts">
        <h3 id="details-facts" className="details-panel__heading">
          Details
        </h3>
        <DescriptionList
          items={[
            { term: 'Type', description: describeType(node) },
            ...(node.type === 'file'
              ? [{ term: 'Size', description: formatBytes(node.size) }]
              : []),
            { term: 'Modified', description: formatDateTime(node.modifiedAt) },
            { term: 'Created', description: formatDateTime(node.createdAt) },
          ]}
        />
      </section>
      {node.type === 'file' && (
        <section className="details-panel__section" aria-labelledby="details-versions">
          <h3 id="details-versions" className="details-panel__heading">
            Versions
          </h3>
          <VersionsList file={node} />
        </section>
      )}
    </aside>
  );
}
