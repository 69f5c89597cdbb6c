"use client";
import { useEffect, useRef, useState } from "react";

export type InboxAction = "approve" | "deny" | "open";

const ACTION_KEYS: Record<string, InboxAction> = { a: "approve", d: "deny" };

/** Keys typed into a field or a dialog are text, not commands. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select, [role=dialog], [role=alertdialog]") !== null);
}

/**
 * j/k move the selection through the rows (and focus the row, so it is visible and read out), a and d act
 * on the selected row, Enter on a focused row opens it. The selection follows focus, so tabbing or
 * clicking into a row selects it too. When the selected request leaves the list, the row that takes
 * its place is selected.
 */
export function useInboxShortcuts<T extends { id: string }>(
  items: readonly T[],
  { enabled, onAction }: { enabled: boolean; onAction: (action: InboxAction, item: T) => void },
) {
  const [selected, setSelected] = useState<{ id: string; index: number } | null>(null);
  const rows = useRef(new Map<string, HTMLElement>());
  const found = selected ? items.findIndex((item) => item.id === selected.id) : -1;
  const index = selected === null || items.length === 0 ? -1 : found >= 0 ? found : Math.min(selected.index, items.length - 1);
  const current = items[index];

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "j" || event.key === "k") {
        const nextIndex = index === -1 ? 0 : Math.max(0, Math.min(items.length - 1, index + (event.key === "j" ? 1 : -1)));
        const next = items[nextIndex];
        if (!next) return;
        event.preventDefault();
        setSelected({ id: next.id, index: nextIndex });
        rows.current.get(next.id)?.focus();
        return;
      }
      if (!current) return;
      const action = event.key === "Enter" ? (event.target === rows.current.get(current.id) ? "open" : undefined) : ACTION_KEYS[event.key];
      if (!action) return;
      event.preventDefault();
      onAction(action, current);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled, items, index, current, onAction]);

  return {
    rowProps: (item: T) => ({
      ref: (element: HTMLElement | null) => {
        if (element) rows.current.set(item.id, element);
        else rows.current.delete(item.id);
      },
      tabIndex: -1,
      "aria-selected": item.id === current?.id,
      onFocus: () => setSelected({ id: item.id, index: items.indexOf(item) }),
    }),
  };
}
