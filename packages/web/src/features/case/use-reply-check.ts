import { useEffect, useState } from 'react';
import { api } from '../../ui/api';
import type { ReplyCheck, ReplyFinding } from './case-api';

// Greeting, closing and language are advice: the server sends without asking for them.
const ADVICE = ['missing_greeting', 'missing_closing', 'language_mismatch'];

export const blocks = (f: ReplyFinding) => f.severity === 'block';
export const needsConfirmation = (f: ReplyFinding) => f.severity === 'warn' && !ADVICE.includes(f.kind);

/** The draft checked for forbidden phrases and broken promises, `delayMs` after the last key. */
export function useReplyCheck(
  body: string,
  options: { caseId: string; language: string; enabled: boolean },
  delayMs = 400,
) {
  const [result, setResult] = useState<{ body: string; check: ReplyCheck } | null>(null);
  const { caseId, language, enabled } = options;
  useEffect(() => {
    if (!enabled || body.trim() === '') {
      setResult(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<ReplyCheck>('POST', '/replies/check', {
        body: { body, caseId, language },
        signal: controller.signal,
      })
        .then((check) => setResult({ body, check }))
        .catch(() => {
          // A failed check blocks nothing: the server checks again when the reply is sent.
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [body, caseId, language, enabled, delayMs]);
  // Findings of an older draft still show until the new check answers; their offsets may be stale.
  return result?.check.findings ?? [];
}
