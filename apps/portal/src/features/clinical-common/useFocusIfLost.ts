import { useEffect, type RefObject } from 'react';

/**
 * When a change removes the control that had focus (a button that is no longer offered), keyboard and
 * screen reader users would be sent back to the top of the page. This puts them at the new content instead.
 */
export function useFocusIfLost(ref: RefObject<HTMLElement | null>, when = true) {
  useEffect(() => {
    if (!when) return;
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, [ref, when]);
}
