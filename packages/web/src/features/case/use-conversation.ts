import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../ui/api';
import { LiveConnection } from '../../ui/live';
import { caseKey, type MessageView, messagesKey } from './case-api';

/** Adds messages to a conversation in seq order, each once. */
export function mergeMessages(known: MessageView[], incoming: MessageView[]): MessageView[] {
  const bySeq = new Map(known.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The case's conversation: read once over HTTP, then followed on the live socket from the
 * last seq read, so nothing arrives twice; a `case` frame for this case refetches the case.
 */
export function useConversation(caseId: string) {
  const queryClient = useQueryClient();
  const messages = useQuery({
    queryKey: messagesKey(caseId),
    queryFn: ({ signal }) =>
      api<{ items: MessageView[] }>('GET', `/cases/${caseId}/messages`, {
        query: { limit: 500 },
        signal,
      }).then((page) => page.items),
  });
  const loaded = messages.isSuccess;
  const lastSeq = useRef(0);
  lastSeq.current = messages.data?.at(-1)?.seq ?? 0;

  useEffect(() => {
    if (!loaded) return;
    const live = new LiveConnection();
    const stop = live.listen((frame) => {
      if (frame.caseId !== caseId) return;
      if (frame.type === 'message') {
        queryClient.setQueryData<MessageView[]>(messagesKey(caseId), (known = []) =>
          mergeMessages(known, [frame.message]),
        );
      } else if (frame.type === 'case') {
        void queryClient.invalidateQueries({ queryKey: caseKey(caseId), exact: true });
      }
    });
    live.follow(caseId, lastSeq.current);
    return () => {
      stop();
      live.close();
    };
  }, [caseId, loaded, queryClient]);

  return messages;
}
