import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseTokenOf, replySubject, subjectWithToken } from './subject.js';

describe('caseTokenOf', () => {
  it('finds "[#1234]" anywhere in the subject', () => {
    expect(caseTokenOf('Re: Your return for order #10482 [#1234]')).toBe(1234);
    expect(caseTokenOf('[#77] Where is my parcel?')).toBe(77);
    expect(caseTokenOf('AW: Reklamation [#1234] - Schuhe')).toBe(1234);
  });

  it('reads the full-width token a Chinese or Japanese input method types', () => {
    expect(caseTokenOf('回复：退货申请［＃１２３４］')).toBe(1234);
  });

  it('ignores order numbers, bare hashes and malformed tokens', () => {
    for (const subject of ['Order #10482', '[1234]', '[# 1234]', '[#]', '[#12a]', '', null, undefined]) {
      expect(caseTokenOf(subject)).toBeNull();
    }
    expect(caseTokenOf('[#0]')).toBeNull();
  });

  it('takes the first of several tokens', () => {
    expect(caseTokenOf('Re: [#12] Fwd: [#34]')).toBe(12);
  });
});

describe('subjectWithToken', () => {
  it('adds the token at the end', () => {
    expect(subjectWithToken('Your return for order #10482', 1234)).toBe(
      'Your return for order #10482 [#1234]',
    );
    expect(subjectWithToken('  ', 1234)).toBe('[#1234]');
  });

  it('adds it only once', () => {
    expect(subjectWithToken('Re: Your return [#1234]', 1234)).toBe('Re: Your return [#1234]');
    expect(subjectWithToken('Re: [#1234] Your return', 1234)).toBe('Re: [#1234] Your return');
    expect(subjectWithToken('Re: Your return [#1234] [#1234]', 1234)).toBe('Re: Your return [#1234]');
  });

  it('replaces the token of another case, so replies thread onto this one', () => {
    expect(subjectWithToken('Re: Your return [#999]', 1234)).toBe('Re: Your return [#1234]');
  });

  it('always yields a subject whose token is the case', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 10_000_000 }), (subject, n) => {
        const tokened = subjectWithToken(subject, n);
        expect(caseTokenOf(tokened)).toBe(n);
        expect(subjectWithToken(tokened, n)).toBe(tokened);
        expect(tokened.split(`[#${n}]`)).toHaveLength(2);
      }),
    );
  });
});

describe('replySubject', () => {
  it('makes one "Re: " of stacked reply and forward prefixes', () => {
    expect(replySubject('Re: RE: AW: Fwd: 回复: 答复: Where is my parcel?')).toBe('Re: Where is my parcel?');
    expect(replySubject('Where is my parcel?')).toBe('Re: Where is my parcel?');
  });

  it('knows prefixes of the clients our customers use, with counters and full-width colons', () => {
    expect(replySubject('AW: WG: Reklamation')).toBe('Re: Reklamation');
    expect(replySubject('TR: RE : Remboursement')).toBe('Re: Remboursement');
    expect(replySubject('RV: Devolución')).toBe('Re: Devolución');
    expect(replySubject('RES: ENC: Devolução')).toBe('Re: Devolução');
    expect(replySubject('R: I: Reso')).toBe('Re: Reso');
    expect(replySubject('Re[2]: Re^3: Re(4): Exchange')).toBe('Re: Exchange');
    expect(replySubject('回复：转发：退货申请')).toBe('Re: 退货申请');
    expect(replySubject('返信: 転送: 返品について')).toBe('Re: 返品について');
  });

  it('leaves words that only start like a prefix', () => {
    expect(replySubject('Return request for order #10482')).toBe('Re: Return request for order #10482');
    expect(replySubject('Information: wrong size')).toBe('Re: Information: wrong size');
  });

  it('adds the case token when given a case number', () => {
    expect(replySubject('RE: AW: Reklamation [#1234]', 1234)).toBe('Re: Reklamation [#1234]');
    expect(replySubject('Where is my parcel?', 1234)).toBe('Re: Where is my parcel? [#1234]');
    expect(replySubject('', 1234)).toBe('Re: [#1234]');
  });

  it('is idempotent', () => {
    const prefix = fc.constantFrom('Re: ', 'RE: ', 'AW: ', 'Fwd: ', '回复: ', '答复：', 'Re[2]: ', '');
    fc.assert(
      fc.property(fc.array(prefix, { maxLength: 5 }), fc.string(), (prefixes, rest) => {
        const once = replySubject(prefixes.join('') + rest);
        expect(replySubject(once)).toBe(once);
        expect(once.startsWith('Re:')).toBe(true);
      }),
    );
  });
});
