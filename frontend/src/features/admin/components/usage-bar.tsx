import { ProgressBar } from '@/components/progress-bar';
import { formatBytes } from '../utils/format';

/** A user's storage: "1.2 GB of 10 GB" over a bar that turns amber at 80 % and red at 95 %. */
export function UsageBar({
  usedBytes,
  quotaBytes,
  username,
}: {
  usedBytes: number;
  quotaBytes: number;
  username: string;
}) {
  const ratio = quotaBytes > 0 ? usedBytes / quotaBytes : usedBytes > 0 ? 1 : 0;
  const tone = ratio >= 0.95 ? 'danger' : ratio >= 0.8 ? 'warning' : 'normal';
  const text = `${formatBytes(usedBytes)} of ${formatBytes(quotaBytes)}`;
  return (
    <div className="admin-usage">
      <ProgressBar
        role="meter"
        size="small"
        value={usedBytes}
        max={Math.max(quotaBytes, 1)}
        tone={tone}
        label={`Storage of ${username}`}
        valueText={text}
      />
      <span className="admin-table__sub">{text}</span>
    </div>
  );
}
