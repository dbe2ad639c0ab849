import type { CaseView, MessageView } from '@afterdesk/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../ui/api';
import { clearCustomerSession, useCustomerSession } from './customer-session';
import { FALLBACK_REASONS } from './return-reasons';

export type { CaseView, MessageView };
export type Decision = NonNullable<CaseView['decision']>;

/** The parts of GET /orders/:id the portal shows. */
export interface OrderLine {
  id: string;
  sku: string;
  title: string;
  attributes: Record<string, string>;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
}
export interface Order {
  id: string;
  number: string;
  status: string;
  placedAt: string;
  deliveredAt: string | null;
  currency: string;
  totalMinor: number;
  lines: OrderLine[];
}
export interface CaseSummary {
  id: string;
  number: number;
  kind: string;
  status: string;
  createdAt: string;
  returnCode: string | null;
}
export interface ReturnReason {
  code: string;
  label: string;
  kinds: string[];
  requiredConditions: string[];
  evidenceRequired: boolean;
  fault?: string;
}
export interface ReturnItemBody {
  orderLineId: string;
  quantity: number;
  reasonCode: string;
  conditions: string[];
  evidenceIds: string[];
}
export interface ReturnBody {
  kind: 'return';
  orderId: string;
  language: string;
  description?: string;
  items: ReturnItemBody[];
}

/** A customer's token is short-lived: once the API refuses it, forget it so the page asks again. */
function forgetRefusedToken(error: unknown) {
  if (error instanceof ApiError && error.status === 401) clearCustomerSession();
}

async function withToken<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    forgetRefusedToken(error);
    throw error;
  }
}

export const caseKey = (caseId: string) => ['portal', 'case', caseId] as const;

export function useOrder(orderId: string) {
  const token = useCustomerSession()?.token;
  return useQuery({
    queryKey: ['portal', 'order', orderId, token],
    queryFn: ({ signal }) => withToken(() => api<Order>('GET', `/orders/${orderId}`, { token, signal })),
    enabled: Boolean(token),
  });
}

export function useOrderCases(orderId: string) {
  const token = useCustomerSession()?.token;
  return useQuery({
    queryKey: ['portal', 'order-cases', orderId, token],
    queryFn: ({ signal }) =>
      withToken(() => api<{ items: CaseSummary[] }>('GET', '/cases', { token, signal, query: { orderId } })),
    enabled: Boolean(token),
  });
}

export function useCase(caseId: string) {
  const token = useCustomerSession()?.token;
  return useQuery({
    queryKey: caseKey(caseId),
    queryFn: ({ signal }) => withToken(() => api<CaseView>('GET', `/cases/${caseId}`, { token, signal })),
    enabled: Boolean(token),
  });
}

/**
 * The shop's reasons in the customer's language. Until the server answers
 * GET /return-reasons, the default catalogue with labels from the portal's texts.
 */
export function useReturnReasons(language: string, fallbackLabel: (code: string) => string) {
  const token = useCustomerSession()?.token;
  const query = useQuery({
    queryKey: ['portal', 'return-reasons', language, token],
    queryFn: ({ signal }) =>
      api<{ items: ReturnReason[] }>('GET', '/return-reasons', { token, signal, query: { language } }),
    enabled: Boolean(token),
    staleTime: 5 * 60_000,
  });
  const reasons: ReturnReason[] =
    query.data?.items ??
    (query.isError ? FALLBACK_REASONS.map((r) => ({ ...r, label: fallbackLabel(r.code) })) : []);
  return {
    reasons: reasons.filter((r) => r.kinds.includes('return')),
    isPending: query.isPending && !query.isError,
  };
}

/** The policy's answer for a draft request, asked again (debounced) whenever the draft changes. */
export function useEligibility(body: ReturnBody | null, delayMs = 400) {
  const token = useCustomerSession()?.token;
  const [debounced, setDebounced] = useState(body);
  const text = JSON.stringify(body);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the text stands for the body
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(body), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  const settled = JSON.stringify(debounced) === text;
  const query = useQuery({
    queryKey: ['portal', 'eligibility', debounced],
    queryFn: ({ signal }) =>
      withToken(() => api<Decision>('POST', '/cases/eligibility', { token, signal, body: debounced })),
    enabled: Boolean(token && debounced),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return { ...query, settled };
}

/** Fetches a protected file (QR code, label) with the customer's token as an object URL. */
export function useProtectedFile(path: string | null) {
  const token = useCustomerSession()?.token;
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!path || !token) return;
    let objectUrl: string | null = null;
    const controller = new AbortController();
    setFailed(false);
    fetch(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        objectUrl = URL.createObjectURL(await response.blob());
        setUrl(objectUrl);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFailed(Boolean(error));
      });
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [path, token]);
  return { url, failed };
}
