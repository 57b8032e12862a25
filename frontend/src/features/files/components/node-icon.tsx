import {
  ArchiveIcon,
  FileIcon,
  FileTextIcon,
  FilmIcon,
  FolderFilledIcon,
  ImageIcon,
  MusicIcon,
} from '@/components/file-icons';
import type { FileNode } from '../api/node';
import { iconKindOf } from '../utils/file-kind';

/** The icon of a file or folder in lists and panels. */
export function NodeIcon({
  node,
  size = 22,
  className = 'file-name__icon',
}: {
  node: Pick<FileNode, 'type' | 'name' | 'mimeType'>;
  size?: number;
  className?: string;
}) {
  const props = {
    width: size,
    height: size,
    className: `${className} ${className}--${iconKindOf(node)}`,
  };
  switch (iconKindOf(node)) {
    case 'folder':
      return <FolderFilledIcon {...props} />;
    case 'image':
      return <ImageIcon {...props} />;
    case 'video':
      return <FilmIcon {...props} />;
    case 'audio':
      return <MusicIcon {...props} />;
    case 'archive':
      return <ArchiveIcon {...props} />;
    case 'document':
      return <FileTextIcon {...props} />;
    case 'file':
      return <FileIcon {...props} />;
  }
}
