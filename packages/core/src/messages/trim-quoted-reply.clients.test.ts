import { describe, expect, it } from 'vitest';
import { trimQuotedReply } from './trim-quoted-reply.js';

// Replies as the mail clients our customers use send them in plain text, one per language.
const samples: [client: string, text: string, reply: string][] = [
  [
    'Gmail, German',
    'Hallo, das Paket ist heute an DHL übergeben worden.\n\nViele Grüße\nJana Nováková\n\n' +
      'Am Mo., 3. Juni 2024 um 10:12 Uhr schrieb Afterdesk Support <\nsupport@shop.example>:\n\n> Hallo Jana,\n> Ihre Rücksendung ist genehmigt.',
    'Hallo, das Paket ist heute an DHL übergeben worden.\n\nViele Grüße\nJana Nováková',
  ],
  [
    'Apple Mail, German',
    'Danke!\n\n> Am 03.06.2024 um 10:12 schrieb Afterdesk Support <support@shop.example>:\n> \n> Hallo Jana,',
    'Danke!',
  ],
  [
    'Outlook, German',
    'Bitte um Rückruf.\n\n-----Ursprüngliche Nachricht-----\nVon: Afterdesk Support <support@shop.example> \n' +
      'Gesendet: Montag, 3. Juni 2024 10:12\nAn: Jonas Weber <j.weber@web.de>\nBetreff: AW: Reklamation [#1234]',
    'Bitte um Rückruf.',
  ],
  [
    'Gmail, French (no-break space before the colon)',
    "Merci, j'ai bien reçu l'étiquette.\n\nLe lun. 3 juin 2024 à 10:12, Afterdesk Support <support@shop.example> a\u202Fécrit\u00A0:\n\n> Bonjour Claire,",
    "Merci, j'ai bien reçu l'étiquette.",
  ],
  [
    'Outlook, French',
    'Toujours rien reçu.\n\nDe : Afterdesk Support <support@shop.example>\nEnvoyé : lundi 3 juin 2024 10:12\nÀ : claire.martin@orange.fr\nObjet : RE: Remboursement',
    'Toujours rien reçu.',
  ],
  [
    'Gmail, Spanish',
    'Perfecto, gracias.\n\nEl lun, 3 jun 2024 a las 10:12, Afterdesk Support (<support@shop.example>) escribió:\n\n> Hola Lucía,',
    'Perfecto, gracias.',
  ],
  [
    'Gmail, Portuguese',
    'Obrigada pela ajuda!\n\nEm seg., 3 de jun. de 2024 às 10:12, Afterdesk Support <support@shop.example> escreveu:\n\n> Olá Ana,',
    'Obrigada pela ajuda!',
  ],
  [
    'Gmail, Italian',
    'Va bene, grazie.\n\nIl giorno lun 3 giu 2024 alle ore 10:12 Afterdesk Support <support@shop.example> ha scritto:\n\n> Gentile Marco,',
    'Va bene, grazie.',
  ],
  [
    'Gmail, Chinese',
    '好的，谢谢，我明天寄出。\n\nAfterdesk Support <support@shop.example> 于2024年6月3日周一 10:12写道：\n\n> 王芳您好，\n> 您的退货申请已通过。',
    '好的，谢谢，我明天寄出。',
  ],
  [
    'QQ Mail (no-break spaces as the client sends them)',
    '退货码已经写在包裹上了。\n\n\n------------------\u00A0原始邮件\u00A0------------------\n发件人: "Afterdesk Support"<support@shop.example>;\n' +
      '发送时间:\u00A02024年6月3日(星期一) 上午10:12\n收件人:\u00A0"王芳"<wangfang@qq.com>;\n主题:\u00A0回复: 退货申请 [#1234]',
    '退货码已经写在包裹上了。',
  ],
  [
    'NetEase 163 Mail',
    '请尽快退款，谢谢。\n\n在 2024-06-03 10:12:00，"Afterdesk Support" <support@shop.example> 写道：\n> 您好，',
    '请尽快退款，谢谢。',
  ],
  [
    'Apple Mail, Chinese',
    '收到，谢谢！\n\n发自我的iPhone\n\n> 2024年6月3日 10:12，Afterdesk Support <support@shop.example> 写道：\n> \n> 王芳您好，',
    '收到，谢谢！',
  ],
  [
    'Gmail, Japanese',
    '承知しました。よろしくお願いします。\n\n2024年6月3日(月) 10:12 Afterdesk Support <support@shop.example>:\n\n> 佐藤様',
    '承知しました。よろしくお願いします。',
  ],
  [
    'Apple Mail, Japanese',
    'ありがとうございます。\n\n2024/06/03 10:12、Afterdesk Support <support@shop.example>のメール：\n\n> 佐藤様',
    'ありがとうございます。',
  ],
  [
    'Outlook, Japanese',
    '返品の件、確認お願いします。\n\n差出人: Afterdesk Support <support@shop.example>\n送信日時: 2024年6月3日 10:12\n宛先: sato@example.jp\n件名: RE: 返品 [#1234]',
    '返品の件、確認お願いします。',
  ],
  [
    'Thunderbird, Japanese',
    '了解です。\n\nOn 2024/06/03 10:12, Afterdesk Support wrote:\n> 佐藤様',
    '了解です。',
  ],
];

describe('trimQuotedReply across mail clients and languages', () => {
  it.each(samples)('%s', (_client, text, reply) => {
    const trimmed = trimQuotedReply(text);
    expect(trimmed.reply).toBe(reply);
    expect(trimmed.quoted).not.toBeNull();
  });
});
