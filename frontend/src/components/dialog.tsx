import {
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import { CloseIcon } from '@/components/icons';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** The buttons at the bottom, e.g. Cancel and the confirming action. */
  footer?: ReactNode;
  onClose: () => void;
  /** While false, Escape and the backdrop do not close the dialog (e.g. while saving). */
  dismissable?: boolean;
  /** Focused when the dialog opens; else its first field, else its first button. */
  initialFocus?: RefObject<HTMLElement | null>;
  size?: 'normal' | 'wide';
  className?: string;
}

/**
 * A modal dialog: focus moves in, Tab stays inside, the page behind is inert, Escape closes it,
 * and focus returns to what opened it. (jsdom has no <dialog>.showModal, so this is an ARIA dialog.)
 */
export function Dialog({
  title,
  description,
  children,
  footer,
  onClose,
  dismissable = true,
  initialFocus,
  size = 'normal',
  className,
}: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  const dismissableRef = useRef(dismissable);

  useEffect(() => {
    onCloseRef.current = onClose;
    dismissableRef.current = dismissable;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Everything behind the dialog leaves the tab order and the accessibility tree meanwhile.
    const backdrop = backdropRef.current;
    const behind = Array.from(document.body.children).filter(
      (element) => element !== backdrop && !element.hasAttribute('inert'),
    );
    for (const element of behind) {
      element.setAttribute('inert', '');
    }
    const panel = panelRef.current;
    const target =
      initialFocus?.current ??
      panel?.querySelector<HTMLElement>(
        '.dialog__body input:not([disabled]), .dialog__body textarea:not([disabled])',
      ) ??
      panel?.querySelector<HTMLElement>('.dialog__footer button:not([disabled])') ??
      panel?.querySelector<HTMLElement>(FOCUSABLE) ??
      panel;
    target?.focus();
    return () => {
      for (const element of behind) {
        element.removeAttribute('inert');
      }
      if (opener?.isConnected === true) {
        opener.focus();
      }
    };
    // Only on open: the initial focus must not jump while the dialog is in use.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (dismissableRef.current) {
        onCloseRef.current();
      }
      return;
    }
    if (event.key !== 'Tab' || panelRef.current === null) {
      return;
    }
    const focusable = Array.from(panelRef.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (first === undefined || last === undefined) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div
      ref={backdropRef}
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && dismissableRef.current) {
          onCloseRef.current();
        }
      }}
    >
      <div
        ref={panelRef}
        className={['dialog', `dialog--${size}`, className].filter(Boolean).join(' ')}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description === undefined ? undefined : descriptionId}
        tabIndex={-1}
        onKeyDown={handleKeyDown}
      >
        <header className="dialog__header">
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          <button
            type="button"
            className="icon-button"
            aria-label="Close"
            onClick={onClose}
            disabled={!dismissable}
          >
            <CloseIcon width={18} height={18} />
          </button>
        </header>
        {description !== undefined && (
          <div className="dialog__description" id={descriptionId}>
            {description}
          </div>
        )}
        {children !== undefined && <div className="dialog__body">{children}</div>}
        {footer !== undefined && <footer className="dialog__footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}
