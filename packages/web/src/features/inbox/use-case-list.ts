import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../ui/api';
import { LiveConnection } from '../../ui/live';
import type { CasePage } from '../case';
import { type InboxFilters, listQuery } from './inbox-filters';

export const PAGE_SIZE = 50;
export const casesKey = ['cases', 'inbox'] as const;

/** The inbox's cases, page by page ("load more" follows the cursor). */
export function useCaseList(filters: InboxFilters) {
  const query = listQuery(filters);
  return useInfiniteQuery({
    queryKey: [...casesKey, query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<CasePage>('GET', '/cases', { query: { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * Follows every case update of the tenant and reloads the list, at most once per `throttleMs`:
 * a burst of updates (a bulk approval, an import) costs one reload, not one per case.
 */
export function useLiveCaseList(throttleMs = 2000) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const live = new LiveConnection();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      timer = undefined;
      void queryClient.invalidateQueries({ queryKey: casesKey });
    };
    const stop = live.listen((frame) => {
      if (frame.type !== 'case' || timer) return;
      timer = setTimeout(reload, throttleMs);
    });
    live.followTenant();
    return () => {
      stop();
      clearTimeout(timer);
      live.close();
    };
  }, [queryClient, throttleMs]);
}
