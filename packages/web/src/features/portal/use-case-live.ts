import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { LiveConnection } from '../../ui/live';
import { caseKey, type MessageView } from './portal-api';

export interface LiveChat {
  /** The conversation so far, in seq order, each message once. */
  messages: MessageView[];
  /** Sends a chat message; answers false while there is no connection object yet. */
  send: (body: string) => boolean;
  /** The last refusal of a message the customer sent (a live `error` frame). */
  sendError: string | null;
  /** Sends that got no ack yet. */
  pending: number;
}

/**
 * One live socket for the case page: the conversation (backlog, then new messages), and a
 * refetch of the case whenever it changes (`case` frames carry only status and version).
 */
export function useCaseLive(caseId: string, token: string | undefined): LiveChat {
  const queryClient = useQueryClient();
  const connection = useRef<LiveConnection | null>(null);
  const [bySeq, setBySeq] = useState<Map<number, MessageView>>(() => new Map());
  const [sendError, setSendError] = useState<string | null>(null);
  const [unacked, setUnacked] = useState<Set<string>>(() => new Set());

  useEffect(() => {
    if (!token) return;
    setBySeq(new Map());
    const live = new LiveConnection(token);
    connection.current = live;
    const stop = live.listen((frame) => {
      if (frame.type === 'message' && frame.caseId === caseId) {
        setBySeq((all) =>
          all.has(frame.message.seq) ? all : new Map(all).set(frame.message.seq, frame.message),
        );
      } else if (frame.type === 'case' && frame.caseId === caseId) {
        void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
      } else if (frame.type === 'ack') {
        setUnacked((all) => without(all, frame.clientMessageId));
      } else if (frame.type === 'error' && frame.ref) {
        setUnacked((all) => without(all, frame.ref as string));
        setSendError(frame.detail);
      }
    });
    live.follow(caseId);
    // The socket may open after follow(): LiveConnection subscribes again on open.
    return () => {
      stop();
      live.close();
      if (connection.current === live) connection.current = null;
    };
  }, [caseId, token, queryClient]);

  const send = useCallback(
    (body: string) => {
      const live = connection.current;
      if (!live) return false;
      setSendError(null);
      const id = live.send(caseId, body);
      setUnacked((all) => new Set(all).add(id));
      return true;
    },
    [caseId],
  );

  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  return { messages, send, sendError, pending: unacked.size };
}

function without(set: Set<string>, id: string): Set<string> {
  if (!set.has(id)) return set;
  const next = new Set(set);
  next.delete(id);
  return next;
}
