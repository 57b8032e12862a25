import { useCallback, useMemo, useRef, useState } from 'react';

export interface Selection {
  /** The selected ids among the ones currently shown, in list order. */
  selectedIds: string[];
  isSelected: (id: string) => boolean;
  /** Toggles one id; with range, selects everything between the last toggled id and this one. */
  toggle: (id: string, range?: boolean) => void;
  /** Makes this the only selected id. */
  selectOnly: (id: string) => void;
  selectAll: () => void;
  clear: () => void;
  allSelected: boolean;
  someSelected: boolean;
}

/**
 * Multi-selection over an ordered list of ids (checkboxes, shift-click ranges, select all).
 * Ids that leave the list (deleted, moved) simply stop counting.
 */
export function useSelection(ids: readonly string[]): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<string | null>(null);

  const selectedIds = useMemo(() => ids.filter((id) => selected.has(id)), [ids, selected]);

  const toggle = useCallback(
    (id: string, range = false) => {
      const from = anchor.current === null ? -1 : ids.indexOf(anchor.current);
      const to = ids.indexOf(id);
      if (range && from !== -1 && to !== -1) {
        const [start, end] = from < to ? [from, to] : [to, from];
        // A range takes the state the anchor has: shift-click extends a selection (or a clearing).
        const select = selected.has(anchor.current ?? '');
        setSelected((current) => {
          const next = new Set(current);
          for (const rangeId of ids.slice(start, end + 1)) {
            if (select) {
              next.add(rangeId);
            } else {
              next.delete(rangeId);
            }
          }
          return next;
        });
      } else {
        setSelected((current) => {
          const next = new Set(current);
          if (next.has(id)) {
            next.delete(id);
          } else {
            next.add(id);
          }
          return next;
        });
        anchor.current = id;
      }
    },
    [ids, selected],
  );

  const selectOnly = useCallback((id: string) => {
    anchor.current = id;
    setSelected(new Set([id]));
  }, []);

  const selectAll = useCallback(() => {
    setSelected(new Set(ids));
  }, [ids]);

  const clear = useCallback(() => {
    anchor.current = null;
    setSelected(new Set());
  }, []);

  const isSelected = useCallback((id: string) => selected.has(id), [selected]);

  return {
    selectedIds,
    isSelected,
    toggle,
    selectOnly,
    selectAll,
    clear,
    allSelected: ids.length > 0 && selectedIds.length === ids.length,
    someSelected: selectedIds.length > 0,
  };
}
