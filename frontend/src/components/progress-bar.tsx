/** A horizontal bar for work under way (role progressbar) or a level such as storage (meter). */
export function ProgressBar({
  value,
  max = 100,
  label,
  valueText,
  role = 'progressbar',
  tone = 'normal',
  size = 'normal',
}: {
  value: number;
  max?: number;
  label: string;
  valueText?: string;
  role?: 'progressbar' | 'meter';
  tone?: 'normal' | 'success' | 'warning' | 'danger' | 'muted';
  size?: 'normal' | 'small';
}) {
  const ratio = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      className={`progress progress--${tone} progress--${size}`}
      role={role}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(max, Math.max(0, value))}
      aria-valuetext={valueText}
    >
      <div className="progress__fill" style={{ width: `${(ratio * 100).toFixed(2)}%` }} />
    </div>
  );
}
