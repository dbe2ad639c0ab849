/**
 * The case events a customer is told about. An approved
 * return is announced when its label is issued, because that event carries the return code.
 */
export const NOTICE_EVENTS = [
  'case.opened',
  'case.review_started',
  'case.label_issued',
  'case.info_requested',
  'case.refunded',
  'case.replacement_shipped',
  'case.solved',
  'sla.breached',
  'case.logistics_exception',
] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

/** The languages notices ship in; others fall back through `chooseLanguage`. */
export const NOTICE_LANGUAGES = ['en', 'zh-CN', 'de', 'fr', 'es', 'pt-BR', 'ja'] as const;

type Text = Record<(typeof NOTICE_LANGUAGES)[number], string>;

// {{…}} are filled by renderMacro: case.number, case.returnCode, deadline, amount,
// reason, surveyLink, expectedBy, trackingLink. Plain words, a clear purpose, and the
// next step the customer takes.
const SUBJECTS: Record<NoticeEvent, Text> = {
  'case.opened': {
    en: 'We received your message',
    'zh-CN': '我们已收到您的留言',
    de: 'Wir haben Ihre Nachricht erhalten',
    fr: 'Nous avons bien reçu votre message',
    es: 'Hemos recibido su mensaje',
    'pt-BR': 'Recebemos sua mensagem',
    ja: 'お問い合わせを受け付けました',
  },
  'case.review_started': {
    en: 'We received your request',
    'zh-CN': '我们已收到您的申请',
    de: 'Wir haben Ihre Anfrage erhalten',
    fr: 'Nous avons bien reçu votre demande',
    es: 'Hemos recibido su solicitud',
    'pt-BR': 'Recebemos sua solicitação',
    ja: 'お申し込みを受け付けました',
  },
  'case.label_issued': {
    en: 'Your return is approved',
    'zh-CN': '您的退货申请已通过',
    de: 'Ihre Rücksendung ist genehmigt',
    fr: 'Votre retour est accepté',
    es: 'Su devolución ha sido aprobada',
    'pt-BR': 'Sua devolução foi aprovada',
    ja: '返品が承認されました',
  },
  'case.info_requested': {
    en: 'We need a little more information',
    'zh-CN': '请补充一些信息',
    de: 'Wir brauchen noch ein paar Angaben',
    fr: 'Il nous manque quelques informations',
    es: 'Necesitamos un poco más de información',
    'pt-BR': 'Precisamos de mais algumas informações',
    ja: '追加情報のお願い',
  },
  'case.refunded': {
    en: 'Your refund is on its way',
    'zh-CN': '您的退款已发出',
    de: 'Ihre Erstattung ist unterwegs',
    fr: 'Votre remboursement est en cours',
    es: 'Su reembolso está en camino',
    'pt-BR': 'Seu reembolso está a caminho',
    ja: '返金を手配しました',
  },
  'case.replacement_shipped': {
    en: 'Your replacement has shipped',
    'zh-CN': '换货商品已发出',
    de: 'Ihr Ersatzartikel ist verschickt',
    fr: 'Votre article de remplacement est expédié',
    es: 'Su artículo de reemplazo ha sido enviado',
    'pt-BR': 'Seu item de troca foi enviado',
    ja: '交換品を発送しました',
  },
  'case.solved': {
    en: 'How did we do?',
    'zh-CN': '请评价我们的服务',
    de: 'Wie zufrieden waren Sie?',
    fr: 'Votre avis compte',
    es: '¿Cómo lo hicimos?',
    'pt-BR': 'Como foi o nosso atendimento?',
    ja: '対応はいかがでしたか',
  },
  'sla.breached': {
    en: 'We are sorry for the wait',
    'zh-CN': '抱歉让您久等了',
    de: 'Entschuldigen Sie die Wartezeit',
    fr: "Désolés pour l'attente",
    es: 'Disculpe la espera',
    'pt-BR': 'Desculpe pela espera',
    ja: 'お待たせして申し訳ございません',
  },
  'case.logistics_exception': {
    en: 'A problem with your delivery',
    'zh-CN': '您的包裹配送出现问题',
    de: 'Ein Problem mit Ihrer Lieferung',
    fr: 'Un problème avec votre livraison',
    es: 'Un problema con su entrega',
    'pt-BR': 'Um problema com a sua entrega',
    ja: 'お荷物の配送に問題が発生しました',
  },
};

const BODIES: Record<NoticeEvent, Text> = {
  'case.opened': {
    en: 'Thank you for writing to us. Your case number is {{case.number}}. We will answer by {{expectedBy}}; you do not need to write again.',
    'zh-CN': '感谢您的来信。您的服务单号是 {{case.number}}。我们将在 {{expectedBy}} 前答复您，无需重复来信。',
    de: 'Danke für Ihre Nachricht. Ihre Vorgangsnummer ist {{case.number}}. Wir antworten bis {{expectedBy}}; Sie müssen nicht erneut schreiben.',
    fr: "Merci pour votre message. Votre numéro de dossier est {{case.number}}. Nous vous répondrons d'ici le {{expectedBy}} ; inutile de nous réécrire.",
    es: 'Gracias por escribirnos. Su número de caso es {{case.number}}. Le responderemos antes del {{expectedBy}}; no necesita volver a escribir.',
    'pt-BR':
      'Obrigado por nos escrever. O número do seu atendimento é {{case.number}}. Responderemos até {{expectedBy}}; não é preciso escrever de novo.',
    ja: 'お問い合わせありがとうございます。受付番号は {{case.number}} です。{{expectedBy}} までにご返信いたします。再度のご連絡は不要です。',
  },
  'case.review_started': {
    en: 'Your request {{case.number}} has arrived. We will tell you as soon as it is decided.',
    'zh-CN': '您的申请 {{case.number}} 已收到，审核结果将第一时间通知您。',
    de: 'Ihre Anfrage {{case.number}} ist eingegangen. Wir melden uns, sobald sie entschieden ist.',
    fr: 'Votre demande {{case.number}} est bien arrivée. Nous vous informerons dès la décision prise.',
    es: 'Su solicitud {{case.number}} ha llegado. Le avisaremos en cuanto se decida.',
    'pt-BR': 'Sua solicitação {{case.number}} chegou. Avisaremos assim que for decidida.',
    ja: 'お申し込み {{case.number}} を受け付けました。結果が出次第お知らせします。',
  },
  'case.label_issued': {
    en: 'Good news: your return {{case.number}} is approved. Your return code is {{case.returnCode}}. Pack the items, write the code on the parcel and send it by {{deadline}}.',
    'zh-CN':
      '好消息：您的退货申请 {{case.number}} 已通过。退货码为 {{case.returnCode}}。请打包商品，在包裹上注明退货码，并于 {{deadline}} 前寄出。',
    de: 'Gute Nachricht: Ihre Rücksendung {{case.number}} ist genehmigt. Ihr Rücksendecode lautet {{case.returnCode}}. Bitte verpacken Sie die Artikel, notieren Sie den Code auf dem Paket und senden Sie es bis {{deadline}}.',
    fr: 'Bonne nouvelle : votre retour {{case.number}} est accepté. Votre code de retour est {{case.returnCode}}. Emballez les articles, notez le code sur le colis et envoyez-le avant le {{deadline}}.',
    es: 'Buenas noticias: su devolución {{case.number}} está aprobada. Su código de devolución es {{case.returnCode}}. Empaquete los artículos, escriba el código en el paquete y envíelo antes del {{deadline}}.',
    'pt-BR':
      'Boa notícia: sua devolução {{case.number}} foi aprovada. Seu código de devolução é {{case.returnCode}}. Embale os itens, escreva o código no pacote e envie até {{deadline}}.',
    ja: '返品 {{case.number}} が承認されました。返品コードは {{case.returnCode}} です。商品を梱包し、荷物にコードを記載して {{deadline}} までにご発送ください。',
  },
  'case.info_requested': {
    en: 'To go on with case {{case.number}} we need: {{reason}} Just reply to this message.',
    'zh-CN': '为继续处理服务单 {{case.number}}，我们需要：{{reason}} 请直接回复本消息。',
    de: 'Um Vorgang {{case.number}} fortzusetzen, brauchen wir: {{reason}} Antworten Sie einfach auf diese Nachricht.',
    fr: 'Pour poursuivre le dossier {{case.number}}, il nous faut : {{reason}} Répondez simplement à ce message.',
    es: 'Para continuar con el caso {{case.number}} necesitamos: {{reason}} Solo responda a este mensaje.',
    'pt-BR':
      'Para continuar o atendimento {{case.number}}, precisamos de: {{reason}} Basta responder a esta mensagem.',
    ja: '受付番号 {{case.number}} の手続きを進めるため、次の情報が必要です：{{reason}} このメッセージにご返信ください。',
  },
  'case.refunded': {
    en: 'We have refunded {{amount}} for case {{case.number}} to your original payment method. Banks usually take 3–5 business days to show it.',
    'zh-CN': '服务单 {{case.number}} 的退款 {{amount}} 已原路退回，银行通常需要 3–5 个工作日到账。',
    de: 'Wir haben {{amount}} für Vorgang {{case.number}} auf Ihr ursprüngliches Zahlungsmittel erstattet. Banken brauchen meist 3–5 Werktage.',
    fr: 'Nous avons remboursé {{amount}} pour le dossier {{case.number}} sur votre moyen de paiement initial. Les banques mettent en général 3 à 5 jours ouvrés.',
    es: 'Hemos reembolsado {{amount}} del caso {{case.number}} a su método de pago original. Los bancos suelen tardar de 3 a 5 días hábiles.',
    'pt-BR':
      'Reembolsamos {{amount}} do atendimento {{case.number}} para o seu meio de pagamento original. Os bancos costumam levar de 3 a 5 dias úteis.',
    ja: '受付番号 {{case.number}} の {{amount}} を元のお支払い方法に返金しました。反映まで通常3〜5営業日かかります。',
  },
  'case.replacement_shipped': {
    en: 'Your replacement for case {{case.number}} is on its way. Track it here: {{trackingLink}}',
    'zh-CN': '服务单 {{case.number}} 的换货商品已发出，物流跟踪：{{trackingLink}}',
    de: 'Ihr Ersatzartikel zu Vorgang {{case.number}} ist unterwegs. Sendungsverfolgung: {{trackingLink}}',
    fr: 'Votre article de remplacement pour le dossier {{case.number}} est en route. Suivi : {{trackingLink}}',
    es: 'Su artículo de reemplazo del caso {{case.number}} está en camino. Seguimiento: {{trackingLink}}',
    'pt-BR':
      'Seu item de troca do atendimento {{case.number}} está a caminho. Rastreamento: {{trackingLink}}',
    ja: '受付番号 {{case.number}} の交換品を発送しました。配送状況：{{trackingLink}}',
  },
  'case.solved': {
    en: 'We consider case {{case.number}} solved. Tell us in one click how we did: {{surveyLink}} — and if anything is still open, just reply.',
    'zh-CN':
      '服务单 {{case.number}} 已处理完毕。请花一秒钟为我们的服务打分：{{surveyLink}}。如仍有问题，请直接回复。',
    de: 'Vorgang {{case.number}} ist aus unserer Sicht gelöst. Sagen Sie uns mit einem Klick, wie zufrieden Sie waren: {{surveyLink}} — und wenn noch etwas offen ist, antworten Sie einfach.',
    fr: "Nous considérons le dossier {{case.number}} comme résolu. Dites-nous en un clic ce que vous en pensez : {{surveyLink}} — et s'il reste une question, répondez simplement.",
    es: 'Consideramos resuelto el caso {{case.number}}. Díganos con un clic qué tal lo hicimos: {{surveyLink}}. Si aún queda algo pendiente, responda a este mensaje.',
    'pt-BR':
      'Consideramos o atendimento {{case.number}} resolvido. Diga em um clique como nos saímos: {{surveyLink}}. Se ainda houver algo pendente, é só responder.',
    ja: '受付番号 {{case.number}} は解決いたしました。ワンクリックで評価をお願いします：{{surveyLink}} ご不明な点があれば、このメッセージにご返信ください。',
  },
  'sla.breached': {
    en: 'We are sorry that case {{case.number}} is taking longer than we promised. A senior colleague has taken it over; you will hear from us by {{expectedBy}}.',
    'zh-CN':
      '很抱歉服务单 {{case.number}} 的处理超出了承诺时间。资深同事已接手，我们将在 {{expectedBy}} 前给您答复。',
    de: 'Es tut uns leid, dass Vorgang {{case.number}} länger dauert als versprochen. Eine erfahrene Kollegin hat ihn übernommen; Sie hören bis {{expectedBy}} von uns.',
    fr: 'Nous sommes désolés que le dossier {{case.number}} prenne plus de temps que promis. Un collègue expérimenté le reprend ; vous aurez de nos nouvelles avant le {{expectedBy}}.',
    es: 'Lamentamos que el caso {{case.number}} tarde más de lo prometido. Un compañero con experiencia se encarga ahora; tendrá noticias nuestras antes del {{expectedBy}}.',
    'pt-BR':
      'Lamentamos que o atendimento {{case.number}} esteja demorando mais do que prometemos. Um colega experiente assumiu; você terá notícias até {{expectedBy}}.',
    ja: '受付番号 {{case.number}} のご対応が予定より遅れており、申し訳ございません。担当を上席者に引き継ぎました。{{expectedBy}} までにご連絡いたします。',
  },
  'case.logistics_exception': {
    en: 'The carrier reported a problem with your parcel, or it is running late. We are already on it with the carrier under case {{case.number}} and will re-ship or compensate if needed. You do not need to do anything; follow it here: {{trackingLink}}',
    'zh-CN':
      '承运商报告您的包裹出现异常或已延误。我们已建立服务单 {{case.number}} 并正在与承运商跟进，必要时将为您补发或赔偿。您无需任何操作，可在此查看进展：{{trackingLink}}',
    de: 'Der Paketdienst meldet ein Problem mit Ihrem Paket oder eine Verspätung. Wir kümmern uns bereits darum (Vorgang {{case.number}}) und senden bei Bedarf neu oder erstatten. Sie müssen nichts tun; den Stand sehen Sie hier: {{trackingLink}}',
    fr: 'Le transporteur signale un problème avec votre colis, ou un retard. Nous nous en occupons déjà (dossier {{case.number}}) et le renverrons ou vous dédommagerons si nécessaire. Vous n’avez rien à faire ; suivez-le ici : {{trackingLink}}',
    es: 'El transportista ha informado de un problema con su paquete o de un retraso. Ya nos estamos ocupando (caso {{case.number}}) y, si hace falta, lo reenviaremos o le compensaremos. No necesita hacer nada; siga el caso aquí: {{trackingLink}}',
    'pt-BR':
      'A transportadora informou um problema com o seu pacote ou um atraso. Já estamos cuidando disso (atendimento {{case.number}}) e, se necessário, reenviaremos ou compensaremos. Você não precisa fazer nada; acompanhe aqui: {{trackingLink}}',
    ja: '配送業者からお荷物の異常または遅延の報告がありました。受付番号 {{case.number}} にて配送業者と対応を進めており、必要に応じて再発送または補償いたします。お客様のお手続きは不要です。進捗はこちら：{{trackingLink}}',
  },
};

/** A notice template as a macro, so it renders like any merchant template. */
export function noticeMacro(event: NoticeEvent) {
  const variants: Record<string, { subject: string; body: string }> = {};
  for (const language of NOTICE_LANGUAGES)
    variants[language] = { subject: SUBJECTS[event][language], body: BODIES[event][language] };
  return { name: `notice:${event}`, variants };
}

export function isNoticeEvent(type: string): type is NoticeEvent {
  return (NOTICE_EVENTS as readonly string[]).includes(type);
}
