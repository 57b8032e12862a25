import { CloudIcon } from '@/components/icons';

/** The product mark and name. */
export function Logo({ size = 'normal' }: { size?: 'normal' | 'large' }) {
  return (
    <span className={`logo logo--${size}`}>
      <span className="logo__mark">
        <CloudIcon width={size === 'large' ? 28 : 20} height={size === 'large' ? 28 : 20} />
      </span>
      <span className="logo__name">Cloud Workspace</span>
    </span>
  );
}
