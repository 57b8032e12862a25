import { useMemo, useState, type ComponentType, type ReactNode } from 'react';
import type { IconProps } from '@/components/icons';
import type { MenuItem } from '@/components/menu';
import { useSharedMarks } from '../api/node-shares';
import { ShareDialog, type ShareTarget } from '../components/share-dialog';
import { ShareIcon, SharedBadge } from '../components/shared-badge';
import { sharingPaths } from '../utils/paths';

/** What the file manager shows of sharing, in the shape of its extension points. */
export interface SharingForFiles {
  menuItems: (node: ShareTarget) => MenuItem[];
  badge: (node: ShareTarget) => ReactNode;
  views: readonly { to: string; label: string; icon: ComponentType<IconProps> }[];
}

const views = [
  { to: sharingPaths.sharedWithMe, label: 'Shared with me', icon: ShareIcon },
] as const;

/**
 * Sharing inside the file manager: a "Share" action on every file and folder opening the share
 * dialog, a mark on shared items, and the "Shared with me" view. Render `element` once.
 */
export function useSharingForFiles(): { extensions: SharingForFiles; element: ReactNode } {
  const [target, setTarget] = useState<ShareTarget | null>(null);
  const marks = useSharedMarks();
  const byNode = useMemo(
    () => new Map((marks.data ?? []).map((mark) => [mark.nodeId, mark])),
    [marks.data],
  );
  const extensions = useMemo<SharingForFiles>(
    () => ({
      menuItems: (node) => [
        {
          label: 'Share',
          icon: ShareIcon,
          onSelect: () => {
            setTarget({ id: node.id, name: node.name, type: node.type });
          },
        },
      ],
      badge: (node) => {
        const mark = byNode.get(node.id);
        return mark === undefined ? null : (
          <SharedBadge name={node.name} withUsers={mark.withUsers} byLink={mark.byLink} />
        );
      },
      views,
    }),
    [byNode],
  );
  const element =
    target === null ? null : (
      <ShareDialog
        node={target}
        onClose={() => {
          setTarget(null);
        }}
      />
    );
  return { extensions, element };
}
