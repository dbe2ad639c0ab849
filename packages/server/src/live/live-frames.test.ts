import { describe, expect, it } from 'vitest';
import { parseClientFrame } from './live-frames.js';

const caseId = '00000000-0000-4000-8000-000000000001';
const send = (text: string) => JSON.stringify({ type: 'send', caseId, clientMessageId: 'c-1', body: text });

describe('reading a client frame', () => {
  it('accepts a chat message to a case', () => {
    const read = parseClientFrame(send('Where is my parcel?'));
    expect(read.ok).toBe(true);
  });

  it('answers text that is not JSON with a bad_frame error', () => {
    const read = parseClientFrame('{"type":');
    expect(read).toMatchObject({ ok: false, error: { code: 'bad_frame' } });
  });

  it('refuses a message holding a NUL character or a lone surrogate, which no database can store', () => {
    for (const text of ['a\u0000b', 'x\udfff', '\ud800']) {
      const read = parseClientFrame(send(text));
      expect(read).toMatchObject({ ok: false, error: { code: 'bad_frame' } });
    }
  });

  it('keeps emoji, whose surrogates come in pairs', () => {
    expect(parseClientFrame(send('Thanks 😀')).ok).toBe(true);
  });
});
