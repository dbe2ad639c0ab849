import { useEffect, useRef } from 'react';

/** Whether a key press belongs to a field the agent is typing in, not to the page. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit'].includes(type);
}

/**
 * Single-key shortcuts on the page (j, k, x, /, ?…), ignored while typing, with a modifier
 * held, or when a dialog is open (its own keys come first).
 */
export function useShortcuts(handlers: Record<string, (event: KeyboardEvent) => void>) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]') && event.key !== 'Escape') return;
      const handler = current.current[event.key];
      if (!handler) return;
      handler(event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
