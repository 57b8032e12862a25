import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { ClockIcon, FolderIcon, StarIcon, TrashIcon } from '@/components/file-icons';
import { filesKeys } from '../api/node';
import { useFileExtensions } from '../extensions';
import { uploadQueue } from '../stores/upload-queue';
import { filesPaths } from '../utils/paths';
import { SearchBox } from './search-box';
import { StorageUsage } from './storage-usage';
import { UndoSnackbar } from './undo-snackbar';
import { UploadPanel } from './upload-panel';

const views = [
  { to: filesPaths.root, label: 'All files', icon: FolderIcon, isAllFiles: true },
  { to: filesPaths.recent, label: 'Recent', icon: ClockIcon, isAllFiles: false },
  { to: filesPaths.favorites, label: 'Favourites', icon: StarIcon, isAllFiles: false },
  { to: filesPaths.trash, label: 'Trash', icon: TrashIcon, isAllFiles: false },
] as const;

const otherViews = new Set<string>([
  filesPaths.recent,
  filesPaths.favorites,
  filesPaths.trash,
  '/files/search',
]);

/** The frame of the file manager: its views, search, storage use, uploads and undo. */
export function FilesLayout({ children }: { children: ReactNode }) {
  useRefreshAfterUploads();
  useNoStrayDrops();
  const { pathname } = useLocation();
  const extraViews = useFileExtensions().views ?? [];
  const inExtraView = extraViews.some(
    (view) => pathname === view.to || pathname.startsWith(`${view.to}/`),
  );
  return (
    <div className="files-layout">
      <aside className="files-nav" aria-label="Files">
        <SearchBox />
        <nav aria-label="File views">
          <ul className="files-nav__list">
            {views.map((view) => (
              <li key={view.to}>
                <Link
                  to={view.to}
                  className={
                    isActive(view, pathname, inExtraView)
                      ? 'files-nav__link files-nav__link--active'
                      : 'files-nav__link'
                  }
                  aria-current={isActive(view, pathname, inExtraView) ? 'page' : undefined}
                >
                  <view.icon width={18} height={18} />
                  <span>{view.label}</span>
                </Link>
              </li>
            ))}
            {extraViews.map((view) => {
              const active = pathname === view.to || pathname.startsWith(`${view.to}/`);
              return (
                <li key={view.to}>
                  <Link
                    to={view.to}
                    className={
                      active ? 'files-nav__link files-nav__link--active' : 'files-nav__link'
                    }
                    aria-current={active ? 'page' : undefined}
                  >
                    <view.icon width={18} height={18} />
                    <span>{view.label}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="files-nav__footer">
          <StorageUsage />
        </div>
      </aside>
      <div className="files-main">{children}</div>
      <div className="files-dock">
        <UndoSnackbar />
        <UploadPanel />
      </div>
    </div>
  );
}

/** "All files" stays highlighted in every folder; the other views only on their own page. */
function isActive(view: (typeof views)[number], pathname: string, inExtraView: boolean): boolean {
  return view.isAllFiles ? !otherViews.has(pathname) && !inExtraView : pathname === view.to;
}

/**
 * Files dropped outside a folder's drop zone would make the browser open them in place of the
 * app; on the file manager's pages such a drop does nothing instead.
 */
function useNoStrayDrops() {
  useEffect(() => {
    function ignore(event: DragEvent) {
      if (event.dataTransfer?.types.includes('Files') === true) {
        event.preventDefault();
      }
    }
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);
}

/** Refreshes listings and storage use once a burst of finished uploads settles. */
function useRefreshAfterUploads() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = uploadQueue.onUploaded(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: filesKeys.all });
      }, 250);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [queryClient]);
}
