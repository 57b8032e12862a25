import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { IconProps } from '@/components/icons';
import type { MenuItem } from '@/components/menu';
import type { FileNode } from './api/node';

/**
 * What other features add to the file manager without the file manager knowing them (routes
 * compose features; features never import each other): more actions in a node's menu, a badge
 * beside a node's name, and more views in the file manager's sidebar.
 */
export interface FileExtensions {
  menuItems?: (node: FileNode) => MenuItem[];
  badge?: (node: FileNode) => ReactNode;
  views?: readonly { to: string; label: string; icon: ComponentType<IconProps> }[];
}

const FileExtensionsContext = createContext<FileExtensions>({});

export const FileExtensionsProvider = FileExtensionsContext.Provider;

export function useFileExtensions(): FileExtensions {
  return useContext(FileExtensionsContext);
}
