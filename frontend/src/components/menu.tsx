import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentType,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import type { IconProps } from '@/components/icons';

export interface MenuItem {
  label: string;
  icon?: ComponentType<IconProps>;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
}

interface Position {
  top: number;
  left: number;
}

const MENU_WIDTH = 220;

/**
 * A button that opens a list of actions (ARIA menu button): arrow keys move between the actions,
 * Enter picks one, Escape closes and returns focus to the button.
 */
export function Menu({
  label,
  children,
  items,
  buttonClassName = 'icon-button',
}: {
  /** The accessible name of the button and its tooltip, e.g. "Actions for report.pdf". */
  label: string;
  /** What the button shows (an icon, or the label again); the label when absent. */
  children?: ReactNode;
  items: MenuItem[];
  buttonClassName?: string;
}) {
  const [position, setPosition] = useState<Position | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const open = position !== null;

  function openMenu() {
    const rect = buttonRef.current?.getBoundingClientRect();
    if (rect === undefined) {
      return;
    }
    const left = Math.max(8, Math.min(rect.right - MENU_WIDTH, window.innerWidth - MENU_WIDTH - 8));
    setPosition({ top: rect.bottom + 4, left });
  }

  function close(returnFocus: boolean) {
    setPosition(null);
    if (returnFocus) {
      buttonRef.current?.focus();
    }
  }

  useLayoutEffect(() => {
    if (!open || menuRef.current === null) {
      return;
    }
    // Flip above the button when the menu would leave the window.
    const menuRect = menuRef.current.getBoundingClientRect();
    const buttonRect = buttonRef.current?.getBoundingClientRect();
    if (buttonRect !== undefined && menuRect.bottom > window.innerHeight - 8) {
      const top = Math.max(8, buttonRect.top - menuRect.height - 4);
      if (top !== position.top) {
        setPosition({ top, left: position.left });
      }
    }
    menuRef.current.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
  }, [open, position]);

  useEffect(() => {
    if (!open) {
      return;
    }
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setPosition(null);
      }
    }
    function onViewportChange() {
      setPosition(null);
    }
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('resize', onViewportChange);
    window.addEventListener('scroll', onViewportChange, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('resize', onViewportChange);
      window.removeEventListener('scroll', onViewportChange, true);
    };
  }, [open]);

  function handleMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const enabled = Array.from(
      menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [],
    );
    const index = enabled.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = enabled[(index + 1) % enabled.length];
        break;
      case 'ArrowUp':
        next = enabled[(index - 1 + enabled.length) % enabled.length];
        break;
      case 'Home':
        next = enabled[0];
        break;
      case 'End':
        next = enabled[enabled.length - 1];
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        return;
      case 'Tab':
        close(false);
        return;
      default:
        // Menu keys must not reach the list behind (Delete, F2…).
        event.stopPropagation();
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    next?.focus();
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          if (open) {
            close(false);
          } else {
            openMenu();
          }
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            openMenu();
          }
        }}
      >
        {children ?? label}
      </button>
      {open &&
        createPortal(
          <div
            ref={menuRef}
            id={menuId}
            className="menu"
            role="menu"
            aria-label={label}
            style={{ top: position.top, left: position.left, width: MENU_WIDTH }}
            onKeyDown={handleMenuKeyDown}
          >
            {items.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger === true ? 'menu__item menu__item--danger' : 'menu__item'}
                disabled={item.disabled}
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}
              >
                {item.icon !== undefined && <item.icon width={18} height={18} />}
                <span>{item.label}</span>
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}
