import { describe, expect, it } from 'vitest';
import { type Macro, type ReplyVariables, renderMacro } from './macro.js';

const returnLabel: Macro = {
  name: 'Return approved: label attached',
  variants: {
    en: {
      subject: 'Your return for order {{order.number}} is approved',
      body:
        'Dear {{customer.name}},\n\nyour return is approved. Please write the code {{case.returnCode}} on the parcel ' +
        'and hand it in by {{deadline}}. You can follow it here: {{trackingLink}}\n\nKind regards,\n{{agent.name}}',
    },
    de: {
      subject: 'Ihre Rücksendung zu Bestellung {{order.number}} ist genehmigt',
      body: 'Hallo {{ customer.name }},\n\nbitte geben Sie das Paket mit dem Code {{case.returnCode}} bis {{deadline}} ab.',
    },
    'zh-CN': {
      body: '{{customer.name}}您好，\n\n您的退货申请（订单 {{order.number}}）已通过。请在 {{deadline}} 前寄出，并在包裹上注明退货码 {{case.returnCode}}。',
    },
  },
};

const variables: ReplyVariables = {
  customer: { name: 'Jana Nováková' },
  order: { number: '#10482' },
  case: { number: 1234, returnCode: '7KQM-3XRT' },
  deadline: '14 June 2024',
  trackingLink: 'https://track.example/DE123456789',
  agent: { name: 'Lukas' },
};

describe('renderMacro', () => {
  it('fills every placeholder in the subject and body', () => {
    expect(renderMacro(returnLabel, 'en-GB', variables)).toEqual({
      language: 'en',
      subject: 'Your return for order #10482 is approved',
      body:
        'Dear Jana Nováková,\n\nyour return is approved. Please write the code 7KQM-3XRT on the parcel ' +
        'and hand it in by 14 June 2024. You can follow it here: https://track.example/DE123456789\n\nKind regards,\nLukas',
      missing: [],
    });
  });

  it('picks the customer’s language and allows spaces inside the braces', () => {
    const rendered = renderMacro(returnLabel, 'de-AT', variables);
    expect(rendered.language).toBe('de');
    expect(rendered.body).toBe(
      'Hallo Jana Nováková,\n\nbitte geben Sie das Paket mit dem Code 7KQM-3XRT bis 14 June 2024 ab.',
    );
  });

  it('has no subject when the variant has none', () => {
    const rendered = renderMacro(returnLabel, 'zh', { ...variables, customer: { name: '王芳' } });
    expect(rendered).toMatchObject({ language: 'zh-CN', subject: null });
    expect(rendered.body.startsWith('王芳您好')).toBe(true);
  });

  it('falls back to English for a language the macro is not written in', () => {
    expect(renderMacro(returnLabel, 'ja', variables).language).toBe('en');
  });

  it('leaves missing values visible as written and lists each once, so the agent fills them in before sending', () => {
    const rendered = renderMacro(returnLabel, 'de', {
      order: { number: '#10482' },
      customer: { name: '   ' },
    });
    expect(rendered.body).toBe(
      'Hallo {{ customer.name }},\n\nbitte geben Sie das Paket mit dem Code {{case.returnCode}} bis {{deadline}} ab.',
    );
    expect(rendered.missing).toEqual(['customer.name', 'case.returnCode', 'deadline']);
  });

  it('renders numbers and any other variable by path, and treats null as missing', () => {
    const macro: Macro = {
      name: 'n',
      variants: { en: { body: 'Case {{case.number}}, {{voucher.code}}, {{order.number}}' } },
    };
    const rendered = renderMacro(macro, 'en', {
      case: { number: 1234 },
      voucher: { code: 'SORRY10' },
      order: { number: null },
    });
    expect(rendered.body).toBe('Case 1234, SORRY10, {{order.number}}');
    expect(rendered.missing).toEqual(['order.number']);
  });

  it('inserts values as plain text, once: no expansion, evaluation, escaping or $ patterns', () => {
    const macro: Macro = { name: 'n', variants: { en: { body: 'Hi {{customer.name}}, {{order.number}}' } } };
    const rendered = renderMacro(macro, 'en', {
      customer: { name: '{{agent.name}} <b>O’Brien & Sons</b>' },
      order: { number: '$& $1 <%= secret %>' },
      agent: { name: 'Lukas' },
    });
    expect(rendered.body).toBe('Hi {{agent.name}} <b>O’Brien & Sons</b>, $& $1 <%= secret %>');
    expect(rendered.missing).toEqual([]);
  });

  it('reads only the variables’ own data, never prototype properties', () => {
    const macro: Macro = {
      name: 'n',
      variants: { en: { body: '{{constructor.name}}{{__proto__}}{{customer.toString}}' } },
    };
    const rendered = renderMacro(macro, 'en', variables);
    expect(rendered.body).toBe('{{constructor.name}}{{__proto__}}{{customer.toString}}');
    expect(rendered.missing).toEqual(['constructor.name', '__proto__', 'customer.toString']);
  });

  it('lists a malformed placeholder whole, and renders objects and booleans as missing', () => {
    const macro: Macro = {
      name: 'n',
      variants: { en: { body: 'Hi {{customer name}} {{customer}} {{vip}} {{}}' } },
    };
    const rendered = renderMacro(macro, 'en', { ...variables, vip: true });
    expect(rendered.body).toBe('Hi {{customer name}} {{customer}} {{vip}} {{}}');
    expect(rendered.missing).toEqual(['{{customer name}}', 'customer', 'vip', '{{}}']);
  });

  it('refuses a macro with no variants', () => {
    expect(() => renderMacro({ name: 'empty', variants: {} }, 'en', variables)).toThrow(RangeError);
  });
});
