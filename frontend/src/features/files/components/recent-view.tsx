import { ClockIcon } from '@/components/file-icons';
import { useRecent } from '../api/get-recent';
import { NodeListView } from './node-list-view';

export function RecentView() {
  const recent = useRecent();
  return (
    <NodeListView
      title="Recent"
      description="Files you changed lately, newest first."
      query={recent}
      empty={{
        icon: <ClockIcon width={40} height={40} />,
        title: 'Nothing changed lately',
        text: 'Files you upload or change show up here.',
      }}
    />
  );
}
