import { PageHeader } from '@/components/page-header';
import { WorkspaceList } from '@/features/ide/components/workspace-list';

export function IdeRoute() {
  return (
    <>
      <PageHeader
        title="IDE"
        description="Your development workspaces: an editor and terminals in your browser."
      />
      <WorkspaceList />
    </>
  );
}
