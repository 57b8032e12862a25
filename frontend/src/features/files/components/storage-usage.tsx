import { ProgressBar } from '@/components/progress-bar';
import { useUsage } from '../api/get-usage';
import { formatBytes } from '../utils/format';

/** "1.2 GB of 10 GB used", with a bar that warns when the quota is nearly used up. */
export function StorageUsage() {
  const usage = useUsage();
  if (usage.isPending) {
    return <div className="storage-usage storage-usage--loading" aria-hidden="true" />;
  }
  if (usage.isError) {
    return <p className="storage-usage__text">Storage use is not available right now.</p>;
  }
  const { usedBytes, quotaBytes } = usage.data;
  if (quotaBytes === null) {
    return (
      <div className="storage-usage">
        <p className="storage-usage__text">{formatBytes(usedBytes)} used</p>
      </div>
    );
  }
  const ratio = quotaBytes > 0 ? usedBytes / quotaBytes : 1;
  const tone = ratio >= 1 ? 'danger' : ratio >= 0.9 ? 'warning' : 'normal';
  const text = `${formatBytes(usedBytes)} of ${formatBytes(quotaBytes)} used`;
  return (
    <div className="storage-usage">
      <ProgressBar
        role="meter"
        label="Storage used"
        value={usedBytes}
        max={quotaBytes}
        valueText={text}
        tone={tone}
        size="small"
      />
      <p className="storage-usage__text">{text}</p>
    </div>
  );
}
