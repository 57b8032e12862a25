import { RecentView } from '@/features/files/components/recent-view';

/** /files/recent */
export function FilesRecentRoute() {
  return <RecentView />;
}
