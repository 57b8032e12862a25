import type { ReactNode } from 'react';
import { AlertIcon, CheckIcon, InfoIcon } from '@/components/icons';

type AlertKind = 'error' | 'success' | 'info';

const icons = { error: AlertIcon, success: CheckIcon, info: InfoIcon } as const;

/** An inline message inside a page or form. Errors are announced immediately. */
export function Alert({
  kind,
  title,
  children,
}: {
  kind: AlertKind;
  title?: string | undefined;
  children?: ReactNode;
}) {
  const Icon = icons[kind];
  return (
    <div className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <Icon className="alert__icon" />
      <div className="alert__body">
        {title !== undefined && <p className="alert__title">{title}</p>}
        {children !== undefined && <div className="alert__text">{children}</div>}
      </div>
    </div>
  );
}
