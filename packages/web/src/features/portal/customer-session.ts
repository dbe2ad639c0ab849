import { useSyncExternalStore } from 'react';

/** What POST /auth/customer-token answered: a short-lived token reaching only this customer's orders and cases. */
export interface CustomerSession {
  token: string;
  expiresAt: string;
  customerId: string;
}

const SESSION_KEY = 'afterdesk.customer';
const TENANT_KEY = 'afterdesk.tenant';
const listeners = new Set<() => void>();
// useSyncExternalStore compares snapshots by identity: keep the parsed object while the text is the same.
let cached: { text: string | null; session: CustomerSession | null } = { text: null, session: null };

function read(): CustomerSession | null {
  let text: string | null = null;
  try {
    text = sessionStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
  if (text !== cached.text) {
    let session: CustomerSession | null = null;
    try {
      session = text ? (JSON.parse(text) as CustomerSession) : null;
    } catch {
      session = null;
    }
    cached = { text, session };
  }
  const session = cached.session;
  return session && new Date(session.expiresAt).getTime() > Date.now() ? session : null;
}

function notify() {
  for (const listener of listeners) listener();
}

/** Keeps the token for this tab only (sessionStorage): a shared computer forgets it with the tab. */
export function saveCustomerSession(session: CustomerSession): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  notify();
}

export function clearCustomerSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
  notify();
}

export function getCustomerSession(): CustomerSession | null {
  return read();
}

/** The customer's session, or null when there is none or it expired; re-renders when it changes. */
export function useCustomerSession(): CustomerSession | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    () => null,
  );
}

/**
 * The shop (tenant) whose orders the customer looks up. A shop links to the portal with
 * `?tenant=<id>` (kept for the tab), or the page that serves the portal names it in
 * `<meta name="afterdesk-tenant" content="…">`.
 */
export function shopTenantId(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('tenant');
  if (fromUrl) {
    try {
      sessionStorage.setItem(TENANT_KEY, fromUrl);
    } catch {
      // Storage refused (private mode): the URL still names the shop for this page.
    }
    return fromUrl;
  }
  try {
    const kept = sessionStorage.getItem(TENANT_KEY);
    if (kept) return kept;
  } catch {
    // As above.
  }
  return document.querySelector<HTMLMetaElement>('meta[name="afterdesk-tenant"]')?.content || null;
}
