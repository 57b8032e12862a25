import { useParams } from 'react-router';
import { WorkspaceIde } from '@/features/ide/components/workspace-ide';

export function IdeWorkspaceRoute() {
  const { workspaceId = '' } = useParams();
  return <WorkspaceIde key={workspaceId} workspaceId={workspaceId} />;
}
