export function Spinner({ size = 'normal', label }: { size?: 'small' | 'normal'; label?: string }) {
  return (
    <span
      className={`spinner spinner--${size}`}
      role={label === undefined ? undefined : 'status'}
      aria-label={label}
      aria-hidden={label === undefined ? true : undefined}
    />
  );
}

/** A whole-page wait, e.g. while the session is restored. */
export function PageSpinner({ label }: { label: string }) {
  return (
    <div className="page-spinner">
      <Spinner label={label} />
      <p>{label}</p>
    </div>
  );
}
