import { formatMinor } from '../money/index.js';
import type { NOTICE_LANGUAGES } from '../notifications/index.js';
import type { Condition } from '../policies/index.js';

/** One of the languages self-service answers are written in: the notices' languages. */
export type SelfServiceLanguage = (typeof NOTICE_LANGUAGES)[number];

type Text = Readonly<Record<SelfServiceLanguage, string>>;

// {placeholders} are filled once, as plain text, by `fill` in self-service.ts. Dates, amounts
// and day counts arrive already formatted for the language ("7 Tage", "6,95 €"), so each
// sentence is built to take the nominative form a formatter gives. Plain words, no promises
// the data does not back, and the next step when there is one.
export const TEXTS = {
  greeting: {
    en: 'Hello,',
    'zh-CN': '您好！',
    de: 'Guten Tag,',
    fr: 'Bonjour,',
    es: 'Hola:',
    'pt-BR': 'Olá!',
    ja: 'お問い合わせありがとうございます。',
  },
  greetingNamed: {
    en: 'Hello {name},',
    'zh-CN': '{name}，您好！',
    de: 'Hallo {name},',
    fr: 'Bonjour {name},',
    es: 'Hola, {name}:',
    'pt-BR': 'Olá, {name}!',
    ja: '{name}様\nお問い合わせありがとうございます。',
  },
  closing: {
    en: 'If this does not answer your question, just reply to this message and a person from our team will take over.',
    'zh-CN': '如果以上内容没有解决您的问题，请直接回复本消息，我们的客服人员会为您跟进。',
    de: 'Falls das Ihre Frage nicht beantwortet, antworten Sie einfach auf diese Nachricht – dann übernimmt eine Person aus unserem Team.',
    fr: 'Si cela ne répond pas à votre question, répondez simplement à ce message : une personne de notre équipe prendra le relais.',
    es: 'Si esto no responde a su pregunta, responda a este mensaje y una persona de nuestro equipo se encargará.',
    'pt-BR':
      'Se isso não responder à sua pergunta, é só responder a esta mensagem e uma pessoa da nossa equipe vai assumir.',
    ja: 'ご不明な点が解決しない場合は、このメッセージにご返信ください。担当者が対応いたします。',
  },
  subjectOrder: {
    en: 'Your order {order}',
    'zh-CN': '您的订单 {order}',
    de: 'Ihre Bestellung {order}',
    fr: 'Votre commande {order}',
    es: 'Su pedido {order}',
    'pt-BR': 'Seu pedido {order}',
    ja: 'ご注文 {order} について',
  },
  subjectRefund: {
    en: 'Your refund',
    'zh-CN': '您的退款',
    de: 'Ihre Erstattung',
    fr: 'Votre remboursement',
    es: 'Su reembolso',
    'pt-BR': 'Seu reembolso',
    ja: '返金について',
  },
  subjectReturn: {
    en: 'Your return {case}',
    'zh-CN': '您的退货 {case}',
    de: 'Ihre Rücksendung {case}',
    fr: 'Votre retour {case}',
    es: 'Su devolución {case}',
    'pt-BR': 'Sua devolução {case}',
    ja: '返品 {case} について',
  },
  subjectPolicy: {
    en: 'Our return policy',
    'zh-CN': '我们的退货政策',
    de: 'Unsere Rückgaberegeln',
    fr: 'Notre politique de retour',
    es: 'Nuestra política de devoluciones',
    'pt-BR': 'Nossa política de devolução',
    ja: '返品ポリシーについて',
  },
  delivered: {
    en: 'Your order {order} was delivered by {carrier} on {date}.',
    'zh-CN': '您的订单 {order} 已于 {date} 由 {carrier} 送达。',
    de: 'Ihre Bestellung {order} wurde am {date} von {carrier} zugestellt.',
    fr: 'Votre commande {order} a été livrée par {carrier} le {date}.',
    es: 'Su pedido {order} fue entregado por {carrier} el {date}.',
    'pt-BR': 'Seu pedido {order} foi entregue por {carrier} em {date}.',
    ja: 'ご注文 {order} は {date} に {carrier} によりお届け済みです。',
  },
  shipped: {
    en: 'Your order {order} was shipped with {carrier} on {date}.',
    'zh-CN': '您的订单 {order} 已于 {date} 通过 {carrier} 发出。',
    de: 'Ihre Bestellung {order} wurde am {date} mit {carrier} verschickt.',
    fr: 'Votre commande {order} a été expédiée avec {carrier} le {date}.',
    es: 'Su pedido {order} se envió con {carrier} el {date}.',
    'pt-BR': 'Seu pedido {order} foi enviado pela transportadora {carrier} em {date}.',
    ja: 'ご注文 {order} は {date} に {carrier} にて発送いたしました。',
  },
  trackingNumber: {
    en: 'Tracking number: {tracking}',
    'zh-CN': '运单号：{tracking}',
    de: 'Sendungsnummer: {tracking}',
    fr: 'Numéro de suivi : {tracking}',
    es: 'Número de seguimiento: {tracking}',
    'pt-BR': 'Código de rastreamento: {tracking}',
    ja: '追跡番号：{tracking}',
  },
  trackingLink: {
    en: 'Follow it here: {url}',
    'zh-CN': '物流跟踪：{url}',
    de: 'Sendungsverfolgung: {url}',
    fr: 'Suivi : {url}',
    es: 'Seguimiento: {url}',
    'pt-BR': 'Rastreamento: {url}',
    ja: '配送状況：{url}',
  },
  expected: {
    en: 'It is expected to arrive on {date}.',
    'zh-CN': '预计 {date} 送达。',
    de: 'Die Zustellung ist für den {date} angekündigt.',
    fr: 'La livraison est prévue le {date}.',
    es: 'La entrega está prevista para el {date}.',
    'pt-BR': 'A entrega está prevista para {date}.',
    ja: '{date} にお届け予定です。',
  },
  lateBy: {
    en: 'It was expected on {date}, so it is {days} later than planned. We are sorry for the wait.',
    'zh-CN': '原预计 {date} 送达，目前已延误 {days}，抱歉让您久等了。',
    de: 'Sie war für den {date} angekündigt und ist damit {days} später als geplant. Entschuldigen Sie die Wartezeit.',
    fr: 'Elle était attendue le {date} et a donc {days} de retard. Toutes nos excuses pour l’attente.',
    es: 'Estaba previsto para el {date}, así que lleva {days} de retraso. Disculpe la espera.',
    'pt-BR': 'A previsão era {date}, então ele está {days} atrasado. Desculpe pela espera.',
    ja: '{date} のお届け予定から {days} 遅れております。お待たせして申し訳ございません。',
  },
  lateToday: {
    en: 'It was expected earlier today and is running a little late. We are sorry for the wait.',
    'zh-CN': '原预计今天早些时候送达，目前稍有延误，抱歉让您久等了。',
    de: 'Sie war für heute früher angekündigt und verspätet sich etwas. Entschuldigen Sie die Wartezeit.',
    fr: 'Elle était attendue plus tôt aujourd’hui et a un peu de retard. Toutes nos excuses pour l’attente.',
    es: 'Estaba previsto para hoy más temprano y lleva un poco de retraso. Disculpe la espera.',
    'pt-BR': 'A previsão era para hoje mais cedo e ele está um pouco atrasado. Desculpe pela espera.',
    ja: '本日のお届け予定より少し遅れております。お待たせして申し訳ございません。',
  },
  notShipped: {
    en: 'Your order {order}, placed on {date}, has not shipped yet. We will send you the tracking details as soon as it leaves our warehouse.',
    'zh-CN': '您于 {date} 下的订单 {order} 尚未发货。发货后我们会第一时间将物流信息发送给您。',
    de: 'Ihre Bestellung {order} vom {date} ist noch nicht verschickt. Sobald sie unser Lager verlässt, senden wir Ihnen die Sendungsdaten.',
    fr: 'Votre commande {order}, passée le {date}, n’est pas encore expédiée. Nous vous enverrons le suivi dès qu’elle quittera notre entrepôt.',
    es: 'Su pedido {order}, realizado el {date}, aún no se ha enviado. Le mandaremos los datos de seguimiento en cuanto salga de nuestro almacén.',
    'pt-BR':
      'Seu pedido {order}, feito em {date}, ainda não foi enviado. Mandaremos os dados de rastreamento assim que ele sair do nosso estoque.',
    ja: 'ご注文 {order}（{date} ご注文）はまだ発送されておりません。発送次第、追跡情報をお送りいたします。',
  },
  refundPaid: {
    en: 'We refunded {amount} for case {case} to your original payment method on {date}. Banks usually take 3–5 business days to show it.',
    'zh-CN': '服务单 {case} 的退款 {amount} 已于 {date} 原路退回，银行通常需要 3–5 个工作日到账。',
    de: 'Wir haben am {date} {amount} für Vorgang {case} auf Ihr ursprüngliches Zahlungsmittel erstattet. Banken brauchen meist 3–5 Werktage, bis der Betrag sichtbar ist.',
    fr: 'Nous avons remboursé {amount} pour le dossier {case} sur votre moyen de paiement initial le {date}. Les banques mettent en général 3 à 5 jours ouvrés à l’afficher.',
    es: 'El {date} reembolsamos {amount} del caso {case} a su método de pago original. Los bancos suelen tardar de 3 a 5 días hábiles en mostrarlo.',
    'pt-BR':
      'Em {date} reembolsamos {amount} do atendimento {case} para o seu meio de pagamento original. Os bancos costumam levar de 3 a 5 dias úteis para mostrar o valor.',
    ja: '{date} に受付番号 {case} の {amount} を元のお支払い方法に返金いたしました。反映まで通常3〜5営業日かかります。',
  },
  refundPending: {
    en: 'Your refund of {amount} for case {case} is being processed and will go back to your original payment method.',
    'zh-CN': '服务单 {case} 的退款 {amount} 正在处理中，将原路退回您的支付账户。',
    de: 'Ihre Erstattung über {amount} für Vorgang {case} wird bearbeitet und geht auf Ihr ursprüngliches Zahlungsmittel zurück.',
    fr: 'Votre remboursement de {amount} pour le dossier {case} est en cours et sera versé sur votre moyen de paiement initial.',
    es: 'Su reembolso de {amount} del caso {case} se está procesando y se abonará en su método de pago original.',
    'pt-BR':
      'Seu reembolso de {amount} do atendimento {case} está em processamento e voltará para o seu meio de pagamento original.',
    ja: '受付番号 {case} の返金 {amount} は現在手続き中で、元のお支払い方法に返金されます。',
  },
  refundExpected: {
    en: 'You should see it by {date}.',
    'zh-CN': '预计 {date} 前到账。',
    de: 'Der Betrag sollte bis zum {date} bei Ihnen sein.',
    fr: 'Vous devriez le recevoir d’ici le {date}.',
    es: 'Debería verlo a más tardar el {date}.',
    'pt-BR': 'Você deve recebê-lo até {date}.',
    ja: '{date} までに反映される見込みです。',
  },
  returnReviewing: {
    en: 'We are reviewing your return {case} and will tell you as soon as it is decided.',
    'zh-CN': '我们正在审核您的退货申请 {case}，结果出来后会第一时间通知您。',
    de: 'Wir prüfen Ihre Rücksendung {case} und melden uns, sobald sie entschieden ist.',
    fr: 'Nous examinons votre retour {case} et vous informerons dès la décision prise.',
    es: 'Estamos revisando su devolución {case} y le avisaremos en cuanto se decida.',
    'pt-BR': 'Estamos analisando sua devolução {case} e avisaremos assim que for decidida.',
    ja: '返品 {case} を確認中です。結果が出次第お知らせいたします。',
  },
  returnNeedsInfo: {
    en: 'Your return {case} is waiting for some information from you; please reply with what we asked for.',
    'zh-CN': '您的退货申请 {case} 正在等待您补充资料，请回复我们所需的信息。',
    de: 'Für Ihre Rücksendung {case} brauchen wir noch Angaben von Ihnen; bitte antworten Sie mit den erbetenen Informationen.',
    fr: 'Pour votre retour {case}, il nous manque des informations ; merci de répondre avec ce que nous avons demandé.',
    es: 'Su devolución {case} está pendiente de información suya; responda con lo que le pedimos, por favor.',
    'pt-BR': 'Sua devolução {case} está aguardando informações suas; responda com o que pedimos, por favor.',
    ja: '返品 {case} について、お客様からの追加情報をお待ちしております。ご依頼した内容をご返信ください。',
  },
  returnWaitingParcel: {
    en: 'Your return {case} is approved and we are waiting for your parcel.',
    'zh-CN': '您的退货申请 {case} 已通过，我们正在等待您寄回包裹。',
    de: 'Ihre Rücksendung {case} ist genehmigt; wir warten auf Ihr Paket.',
    fr: 'Votre retour {case} est accepté ; nous attendons votre colis.',
    es: 'Su devolución {case} está aprobada y estamos esperando su paquete.',
    'pt-BR': 'Sua devolução {case} foi aprovada e estamos aguardando seu pacote.',
    ja: '返品 {case} は承認済みで、お荷物の到着をお待ちしております。',
  },
  returnOnWayBack: {
    en: 'Your parcel for return {case} is on its way back to us.',
    'zh-CN': '退货 {case} 的包裹正在寄回途中。',
    de: 'Ihr Paket zur Rücksendung {case} ist auf dem Weg zu uns.',
    fr: 'Votre colis pour le retour {case} est en route vers nous.',
    es: 'Su paquete de la devolución {case} está en camino hacia nosotros.',
    'pt-BR': 'Seu pacote da devolução {case} está a caminho de nós.',
    ja: '返品 {case} のお荷物は弊社へ配送中です。',
  },
  returnInspecting: {
    en: 'We have received your parcel for return {case} and are inspecting it.',
    'zh-CN': '我们已收到退货 {case} 的包裹，正在进行质检。',
    de: 'Ihr Paket zur Rücksendung {case} ist bei uns angekommen und wird geprüft.',
    fr: 'Nous avons reçu votre colis pour le retour {case} et le contrôlons.',
    es: 'Hemos recibido su paquete de la devolución {case} y lo estamos revisando.',
    'pt-BR': 'Recebemos seu pacote da devolução {case} e estamos fazendo a inspeção.',
    ja: '返品 {case} のお荷物を受け取り、現在検品中です。',
  },
  returnPassed: {
    en: 'Your return {case} passed inspection; we are preparing your refund.',
    'zh-CN': '退货 {case} 已通过质检，我们正在为您办理退款。',
    de: 'Ihre Rücksendung {case} hat die Prüfung bestanden; wir bereiten Ihre Erstattung vor.',
    fr: 'Votre retour {case} a passé le contrôle ; nous préparons votre remboursement.',
    es: 'Su devolución {case} superó la revisión; estamos preparando su reembolso.',
    'pt-BR': 'Sua devolução {case} passou na inspeção; estamos preparando seu reembolso.',
    ja: '返品 {case} は検品を通過しました。返金の手続きを進めております。',
  },
  returnCode: {
    en: 'Your return code is {code}.',
    'zh-CN': '您的退货码为 {code}。',
    de: 'Ihr Rücksendecode lautet {code}.',
    fr: 'Votre code de retour est {code}.',
    es: 'Su código de devolución es {code}.',
    'pt-BR': 'Seu código de devolução é {code}.',
    ja: '返品コードは {code} です。',
  },
  window: {
    en: 'You can return items within {days} of delivery.',
    'zh-CN': '商品签收后 {days}内可申请退货。',
    de: 'Ihre Rückgabefrist beträgt {days} ab Zustellung.',
    fr: 'Vous pouvez retourner un article dans un délai de {days} après la livraison.',
    es: 'Puede devolver artículos en un plazo de {days} desde la entrega.',
    'pt-BR': 'Você pode devolver itens em até {days} após a entrega.',
    ja: '商品到着後 {days}以内であれば返品いただけます。',
  },
  categoryWindows: {
    en: 'Some categories have their own window: {list}.',
    'zh-CN': '部分品类的退货期限不同：{list}。',
    de: 'Für einige Kategorien gilt eine eigene Frist: {list}.',
    fr: 'Certaines catégories ont leur propre délai : {list}.',
    es: 'Algunas categorías tienen su propio plazo: {list}.',
    'pt-BR': 'Algumas categorias têm prazo próprio: {list}.',
    ja: '一部のカテゴリは返品期限が異なります：{list}。',
  },
  nonReturnable: {
    en: 'These cannot be returned: {list}.',
    'zh-CN': '以下商品不支持退货：{list}。',
    de: 'Nicht zurückgeben können Sie: {list}.',
    fr: 'Ne peuvent pas être retournés : {list}.',
    es: 'No se pueden devolver: {list}.',
    'pt-BR': 'Não podem ser devolvidos: {list}.',
    ja: '次の商品は返品いただけません：{list}。',
  },
  noReason: {
    en: 'You can return an item without giving a reason if it is {list}.',
    'zh-CN': '无理由退货需满足：{list}。',
    de: 'Ohne Angabe von Gründen nehmen wir Artikel zurück, die {list} sind.',
    fr: 'Vous pouvez retourner un article sans motif s’il est {list}.',
    es: 'Puede devolver un artículo sin dar motivo si está {list}.',
    'pt-BR': 'Você pode devolver um item sem informar o motivo se ele estiver {list}.',
    ja: '理由を問わない返品は、商品が次の状態である場合に承ります：{list}。',
  },
  noReasonFree: {
    en: 'You can return an item without giving a reason.',
    'zh-CN': '支持无理由退货。',
    de: 'Sie können Artikel ohne Angabe von Gründen zurückgeben.',
    fr: 'Vous pouvez retourner un article sans donner de motif.',
    es: 'Puede devolver un artículo sin dar motivo.',
    'pt-BR': 'Você pode devolver um item sem informar o motivo.',
    ja: '理由を問わず返品いただけます。',
  },
  shippingFree: {
    en: 'Return shipping is free.',
    'zh-CN': '退货运费由我们承担。',
    de: 'Die Rücksendung ist für Sie kostenlos.',
    fr: 'Le retour est gratuit pour vous.',
    es: 'El envío de la devolución es gratuito.',
    'pt-BR': 'O frete de devolução é grátis.',
    ja: '返品送料は無料です。',
  },
  shippingFaultyFree: {
    en: 'If the item is faulty or we made a mistake, we pay the return shipping.',
    'zh-CN': '如商品存在质量问题或因我们的失误，退货运费由我们承担。',
    de: 'Ist der Artikel mangelhaft oder liegt ein Fehler bei uns, tragen wir die Rücksendekosten.',
    fr: 'Si l’article est défectueux ou si l’erreur vient de nous, les frais de retour sont à notre charge.',
    es: 'Si el artículo es defectuoso o el error es nuestro, pagamos el envío de la devolución.',
    'pt-BR': 'Se o item tiver defeito ou o erro for nosso, pagamos o frete de devolução.',
    ja: '商品に不良がある場合や弊社の誤りによる場合、返品送料は弊社が負担いたします。',
  },
  shippingOtherFee: {
    en: 'Otherwise, return shipping costs {fee}.',
    'zh-CN': '其他情况下，退货运费为 {fee}。',
    de: 'Andernfalls kostet die Rücksendung {fee}.',
    fr: 'Sinon, le retour coûte {fee}.',
    es: 'En otros casos, el envío de la devolución cuesta {fee}.',
    'pt-BR': 'Nos demais casos, o frete de devolução custa {fee}.',
    ja: 'それ以外の場合、返品送料は {fee} です。',
  },
  shippingOtherFeeDeducted: {
    en: 'Otherwise, return shipping costs {fee}, which we deduct from your refund.',
    'zh-CN': '其他情况下，退货运费为 {fee}，将从退款中扣除。',
    de: 'Andernfalls kostet die Rücksendung {fee}; wir ziehen den Betrag von Ihrer Erstattung ab.',
    fr: 'Sinon, le retour coûte {fee}, déduits de votre remboursement.',
    es: 'En otros casos, el envío de la devolución cuesta {fee}, que descontamos de su reembolso.',
    'pt-BR': 'Nos demais casos, o frete de devolução custa {fee}, descontado do seu reembolso.',
    ja: 'それ以外の場合、返品送料 {fee} を返金額から差し引かせていただきます。',
  },
  shippingOtherPays: {
    en: 'Otherwise, you pay the return shipping.',
    'zh-CN': '其他情况下，退货运费由您承担。',
    de: 'Andernfalls tragen Sie die Rücksendekosten.',
    fr: 'Sinon, les frais de retour sont à votre charge.',
    es: 'En otros casos, el envío de la devolución corre por su cuenta.',
    'pt-BR': 'Nos demais casos, o frete de devolução fica por sua conta.',
    ja: 'それ以外の場合、返品送料はお客様のご負担となります。',
  },
  shipBack: {
    en: 'Once your return is approved, please send it back within {days}.',
    'zh-CN': '退货申请通过后，请在 {days}内寄回。',
    de: 'Nach der Genehmigung haben Sie {days} Zeit, das Paket abzuschicken.',
    fr: 'Une fois le retour accepté, merci de le renvoyer dans un délai de {days}.',
    es: 'Una vez aprobada la devolución, envíela en un plazo de {days}.',
    'pt-BR': 'Depois que a devolução for aprovada, envie o item em até {days}.',
    ja: '返品承認後、{days}以内にご発送ください。',
  },
  articlePointer: {
    en: 'You will find more in our article “{title}”.',
    'zh-CN': '更多信息请参阅我们的文章《{title}》。',
    de: 'Mehr dazu finden Sie in unserem Artikel „{title}“.',
    fr: 'Vous trouverez plus de détails dans notre article « {title} ».',
    es: 'Encontrará más información en nuestro artículo «{title}».',
    'pt-BR': 'Você encontra mais detalhes no nosso artigo “{title}”.',
    ja: '詳しくは記事「{title}」をご覧ください。',
  },
} as const satisfies Record<string, Text>;

/** A key of {@link TEXTS}. */
export type TextKey = keyof typeof TEXTS;

// Read as "the item is …" in each language's noReason sentence.
export const CONDITION_WORDS: Readonly<Record<Condition, Text>> = {
  unused: {
    en: 'unused',
    'zh-CN': '未使用',
    de: 'unbenutzt',
    fr: 'non utilisé',
    es: 'sin usar',
    'pt-BR': 'sem uso',
    ja: '未使用',
  },
  unwashed: {
    en: 'unwashed',
    'zh-CN': '未洗涤',
    de: 'ungewaschen',
    fr: 'non lavé',
    es: 'sin lavar',
    'pt-BR': 'sem lavar',
    ja: '未洗濯',
  },
  unworn: {
    en: 'unworn',
    'zh-CN': '未穿着',
    de: 'ungetragen',
    fr: 'non porté',
    es: 'sin estrenar',
    'pt-BR': 'sem ter sido vestido',
    ja: '未着用',
  },
  unopened: {
    en: 'unopened',
    'zh-CN': '未拆封',
    de: 'ungeöffnet',
    fr: 'non ouvert',
    es: 'sin abrir',
    'pt-BR': 'lacrado',
    ja: '未開封',
  },
  original_packaging: {
    en: 'in its original packaging',
    'zh-CN': '原包装完好',
    de: 'originalverpackt',
    fr: 'dans son emballage d’origine',
    es: 'en su embalaje original',
    'pt-BR': 'na embalagem original',
    ja: '元の梱包のまま',
  },
  accessories_complete: {
    en: 'complete with all accessories',
    'zh-CN': '配件齐全',
    de: 'vollständig mit allem Zubehör',
    fr: 'complet avec tous ses accessoires',
    es: 'completo con todos sus accesorios',
    'pt-BR': 'completo com todos os acessórios',
    ja: '付属品がすべてそろった状態',
  },
  resalable: {
    en: 'in a resalable condition',
    'zh-CN': '不影响二次销售',
    de: 'wiederverkaufsfähig',
    fr: 'en état d’être revendu',
    es: 'en condiciones de reventa',
    'pt-BR': 'em condições de revenda',
    ja: '再販可能な状態',
  },
};

/** Sentences in one language, with dates in the store's zone. */
export interface Writer {
  lang: SelfServiceLanguage;
  /** A valid IANA zone: the store's, or UTC when the store's does not exist. */
  zone: string;
  /** The text of `key` in this language, its {placeholders} filled. */
  say(key: TextKey, values?: Readonly<Record<string, string>>): string;
  /** Sentences run together; Chinese and Japanese without spaces. */
  sentences(parts: readonly string[]): string;
  date(ms: number): string;
  /** "3 days", "3 Tage", "3天": Intl knows each language's plural forms. */
  days(count: number): string;
  list(items: readonly string[]): string;
  /** null for an amount or currency code that cannot be shown. */
  money(amountMinor: number, currency: string): string | null;
}

/** A writer for one answer; a zone Intl does not know falls back to UTC rather than throw. */
export function writer(lang: SelfServiceLanguage, timeZone: string): Writer {
  const zone = validZone(timeZone);
  const dates = cached(
    `date|${lang}|${zone}`,
    () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: zone }),
  );
  const days = cached(
    `days|${lang}`,
    () => new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' }),
  );
  const lists = cached(`list|${lang}`, () => new Intl.ListFormat(lang, { type: 'conjunction' }));
  const spaced = lang !== 'zh-CN' && lang !== 'ja';
  return {
    lang,
    zone,
    say: (key, values = {}) => fill(TEXTS[key][lang], values),
    sentences: (parts) => parts.filter((p) => p !== '').join(spaced ? ' ' : ''),
    date: (ms) => dates.format(new Date(ms)),
    days: (count) => days.format(count),
    list: (items) => lists.format(items),
    money: (amountMinor, currency) =>
      Number.isSafeInteger(amountMinor) && amountMinor >= 0 && /^[A-Z]{3}$/.test(currency)
        ? formatMinor(amountMinor, currency, lang)
        : null,
  };
}

// One pass, so a value that itself contains "{x}" is never expanded.
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_token, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`self-service template needs {${key}}: ${template}`);
    return value;
  });
}

// Building an Intl formatter costs far more than using one (~0.1 ms against ~1 µs), and a
// store answers in few languages and one zone, so formatters are kept. Not state a caller sees.
const formatters = new Map<string, unknown>();
function cached<T>(key: string, build: () => T): T {
  if (!formatters.has(key)) {
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(key, build());
  }
  return formatters.get(key) as T;
}

function validZone(zone: string): string {
  try {
    return cached(`day|${zone}`, () => dayParts(zone)).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

const dayParts = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Epoch milliseconds of an ISO time, or null when it does not parse. */
export function parseTime(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string') return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** YYYY-MM-DD in the zone: for agents' summaries and calendar-day arithmetic. */
export function isoDay(ms: number, zone: string): string {
  const parts = cached(`day|${zone}`, () => dayParts(zone)).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The calendar day in the zone as a day count: lateness is read in calendar days, not hours. */
export function dayNumber(ms: number, zone: string): number {
  const [year, month, day] = isoDay(ms, zone).split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / 86_400_000;
}
