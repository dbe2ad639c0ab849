import type { KnowledgeArticleInput } from '@afterdesk/contract';

// The demo shop's help articles, written for it and in line with its set-up: the default
// policy (no-reason returns within 7 days of delivery, customer pays the return label for
// a change of mind) and the markets in demo-stores.ts (carriers, transit days, free
// shipping thresholds). Returns, shipping and refunds exist in all seven languages the
// self-service answers are tried in; the other topics in English, German and Chinese.

const article = (
  language: string,
  intents: string[],
  title: string,
  body: string,
): KnowledgeArticleInput => ({ language, intents, title, body, published: true });

const RETURNS = ['return_policy', 'return_request'];
const SHIPPING = ['shipping_info', 'delivery_late'];
const REFUNDS = ['refund_status', 'refund_request'];

/** Eight topics: returns, shipping, refunds, tracking, address changes, sizes, exchanges, damage. */
export const DEMO_KNOWLEDGE: readonly KnowledgeArticleInput[] = [
  // --- returns ---
  article(
    'en',
    RETURNS,
    'Our return policy',
    'You can send an item back within 7 days of delivery without giving a reason, as long as it is unused, in its original packaging and with all accessories. Start the return in the portal with your order number and e-mail address; you get a return code to put in the parcel. For a change of mind the return label is on you (EUR 6.95, USD 7.95, GBP 5.95, CNY 15); if the item is faulty, damaged or not what you ordered, we pay for the return.',
  ),
  article(
    'de',
    RETURNS,
    'Rückgabe und Rücksendung',
    'Sie können einen Artikel innerhalb von 7 Tagen nach Zustellung ohne Angabe von Gründen zurückgeben oder zurücksenden, sofern er unbenutzt, originalverpackt und vollständig ist. Starten Sie die Rücksendung im Kundenportal mit Bestellnummer und E-Mail-Adresse; Sie erhalten einen Rücksendecode für das Paket. Bei Nichtgefallen tragen Sie die Rücksendekosten von 6,95 €; ist der Artikel defekt, beschädigt oder falsch, übernehmen wir sie.',
  ),
  article(
    'zh-CN',
    RETURNS,
    '退货政策（七天无理由退货）',
    '签收后7天内，商品未使用、包装完好、配件齐全，即可申请七天无理由退货。请在售后服务页面输入订单号和邮箱提交退货申请，系统会生成退货码，请放入包裹中寄回。无理由退货的运费由您承担（15元）；如商品存在质量问题、运输破损或发错货，退货运费由我们承担。',
  ),
  article(
    'es',
    RETURNS,
    'Política de devoluciones',
    'Puede devolver un artículo en un plazo de 7 días desde la entrega sin dar ningún motivo, siempre que no se haya usado y esté en su embalaje original con todos sus accesorios. Inicie la devolución en el portal con su número de pedido y su correo electrónico; recibirá un código de devolución para incluir en el paquete. Si simplemente cambió de opinión, el envío de la devolución corre por su cuenta (7,95 USD); si el artículo llegó defectuoso, dañado o equivocado, lo pagamos nosotros.',
  ),
  article(
    'fr',
    RETURNS,
    'Politique de retour',
    'Vous pouvez retourner un article dans les 7 jours suivant la livraison sans donner de motif, à condition qu’il soit neuf, dans son emballage d’origine et complet. Lancez le retour depuis le portail avec votre numéro de commande et votre adresse e-mail ; vous recevrez un code de retour à glisser dans le colis. Pour un simple changement d’avis, les frais de retour sont à votre charge (6,95 €) ; si l’article est défectueux, abîmé ou ne correspond pas à votre commande, nous les prenons en charge.',
  ),
  article(
    'pt-BR',
    RETURNS,
    'Política de devolução',
    'Você pode devolver um produto em até 7 dias após o recebimento, sem precisar explicar o motivo, desde que esteja sem uso, na embalagem original e com todos os acessórios. Inicie a devolução no portal com o número do pedido e o seu e-mail; você receberá um código de devolução para colocar no pacote. Em caso de arrependimento, o frete de devolução é por sua conta; se o produto veio com defeito, danificado ou errado, nós pagamos o frete.',
  ),
  article(
    'ja',
    RETURNS,
    '返品について',
    '商品到着後7日以内で、未使用・元の箱入り・付属品がすべて揃っている場合は、理由を問わず返品を承ります。ポータルで注文番号とメールアドレスを入力して返品をお申し込みください。返品コードが発行されますので、荷物に同封してください。お客様のご都合による返品の送料はお客様のご負担となります。不良品・破損・誤配送の場合は当店が送料を負担いたします。',
  ),

  // --- shipping ---
  article(
    'en',
    SHIPPING,
    'Shipping times and costs',
    'Orders leave our warehouse within 1 business day. Delivery then takes 1 to 3 business days in Germany and the UK (DHL, UPS, Royal Mail), 2 to 5 business days in the US (UPS, USPS) and 1 to 2 days in China (SF Express). Shipping is free from EUR 50, USD 75 or GBP 40; below that it costs EUR 4.90, USD 6.99 or GBP 3.99.',
  ),
  article(
    'de',
    SHIPPING,
    'Lieferzeiten und Versandkosten',
    'Bestellungen verlassen unser Lager innerhalb von 1 Werktag. Die Zustellung mit DHL oder UPS dauert danach 1 bis 3 Werktage. Ab 50 € Bestellwert ist der Versand kostenlos, darunter kostet er 4,90 €.',
  ),
  article(
    'zh-CN',
    SHIPPING,
    '发货与配送时间',
    '订单在付款后1个工作日内发货，使用顺丰快递，一般1到2天送到。订单满99元包邮，不满99元收取运费10元。',
  ),
  article(
    'es',
    SHIPPING,
    'Plazos y costes de envío',
    'Los pedidos salen de nuestro almacén en 1 día hábil. La entrega en Estados Unidos con UPS o USPS tarda de 2 a 5 días hábiles. El envío es gratis a partir de 75 USD; por debajo cuesta 6,99 USD.',
  ),
  article(
    'fr',
    SHIPPING,
    'Délais et frais de livraison',
    'Les commandes quittent notre entrepôt sous 1 jour ouvré. La livraison par DHL ou UPS prend ensuite 1 à 3 jours ouvrés. La livraison est offerte dès 50 € d’achat ; en dessous, elle coûte 4,90 €.',
  ),
  article(
    'pt-BR',
    SHIPPING,
    'Prazos e custos de entrega',
    'Os pedidos saem do nosso armazém em até 1 dia útil. A entrega internacional leva de 5 a 10 dias úteis, conforme a região. O frete é grátis para pedidos acima de 50 €.',
  ),
  article(
    'ja',
    SHIPPING,
    '配送日数と送料',
    'ご注文から1営業日以内に倉庫から発送いたします。お届けまでの日数は地域により異なり、通常5〜10営業日です。50ユーロ以上のご注文で送料無料となります。',
  ),

  // --- refunds ---
  article(
    'en',
    REFUNDS,
    'When will I get my refund?',
    'We refund as soon as your return has arrived and passed a quick check, usually within 3 business days of receiving it. The money goes back to the payment method you used (card, PayPal or Alipay). Your bank may need another 3 to 5 business days to show it. For a change-of-mind return the return shipping cost is deducted from the refund.',
  ),
  article(
    'de',
    REFUNDS,
    'Rückerstattung: wann bekomme ich mein Geld zurück?',
    'Wir erstatten, sobald Ihre Rücksendung bei uns eingegangen und geprüft ist, in der Regel innerhalb von 3 Werktagen nach Eingang. Die Rückerstattung erfolgt auf das ursprüngliche Zahlungsmittel (Karte oder PayPal). Bis der Betrag auf Ihrem Konto erscheint, kann Ihre Bank weitere 3 bis 5 Werktage brauchen.',
  ),
  article(
    'zh-CN',
    REFUNDS,
    '退款多久到账？',
    '我们收到退货并检查无误后，一般在3个工作日内原路退款（支付宝或银行卡）。支付宝通常即时到账，银行卡可能还需要3到5个工作日。无理由退货的退货运费将从退款中扣除。',
  ),
  article(
    'es',
    REFUNDS,
    '¿Cuándo recibiré mi reembolso?',
    'Hacemos el reembolso en cuanto recibimos y revisamos su devolución, normalmente en 3 días hábiles. El dinero vuelve al mismo método de pago que usó (tarjeta o PayPal). Su banco puede tardar de 3 a 5 días hábiles más en mostrarlo.',
  ),
  article(
    'fr',
    REFUNDS,
    'Quand serai-je remboursé ?',
    'Nous vous remboursons dès réception et contrôle de votre retour, en général sous 3 jours ouvrés. Le remboursement est effectué sur le moyen de paiement utilisé (carte ou PayPal). Votre banque peut mettre 3 à 5 jours ouvrés de plus pour l’afficher.',
  ),
  article(
    'pt-BR',
    REFUNDS,
    'Quando recebo meu reembolso?',
    'Fazemos o reembolso assim que a devolução chega e é conferida, normalmente em até 3 dias úteis. O valor volta para a forma de pagamento original (cartão ou PayPal). O banco pode levar mais 3 a 5 dias úteis para mostrar o estorno.',
  ),
  article(
    'ja',
    REFUNDS,
    '返金はいつになりますか',
    '返品商品の到着と確認後、通常3営業日以内にご購入時のお支払い方法へ返金いたします。カード会社によっては、反映までにさらに3〜5営業日かかる場合があります。',
  ),

  // --- tracking ---
  article(
    'en',
    ['track_order'],
    'How to track your order',
    'When your parcel leaves our warehouse we e-mail you the carrier and a tracking number. Follow the link in that e-mail, or open your order in the portal, to see where your package is.',
  ),
  article(
    'de',
    ['track_order'],
    'Sendungsverfolgung',
    'Sobald Ihr Paket unser Lager verlässt, senden wir Ihnen den Versanddienstleister und die Sendungsnummer per E-Mail. Über den Link oder Ihre Bestellung im Kundenportal sehen Sie, wo Ihr Paket gerade ist.',
  ),
  article(
    'zh-CN',
    ['track_order'],
    '如何查询物流',
    '包裹发出后，我们会通过邮件发送顺丰快递单号。您可以点击邮件中的链接，或在售后服务页面打开订单，查看包裹的物流信息。',
  ),

  // --- address changes ---
  article(
    'en',
    ['change_order'],
    'Changing your delivery address',
    'We can change the delivery address until your order leaves the warehouse, usually within 1 business day of ordering. Write to us with your order number and the new address as soon as possible. Once the parcel is on its way, ask the carrier to redirect it with the tracking number.',
  ),
  article(
    'de',
    ['change_order'],
    'Lieferadresse ändern',
    'Die Lieferadresse können wir ändern, solange die Bestellung das Lager noch nicht verlassen hat, meist innerhalb von 1 Werktag nach der Bestellung. Schreiben Sie uns bitte sofort mit Bestellnummer und neuer Adresse. Ist das Paket schon unterwegs, können Sie es mit der Sendungsnummer beim Versanddienstleister umleiten.',
  ),
  article(
    'zh-CN',
    ['change_order'],
    '修改收货地址',
    '订单发货前可以修改收货地址，通常在下单后1个工作日内。请尽快联系客服，提供订单号和新的收货地址。包裹发出后，请凭快递单号联系顺丰修改派送地址。',
  ),

  // --- sizes ---
  article(
    'en',
    ['exchange_request'],
    'Finding your size',
    'Our shoes follow EU sizes 38 to 45; in the US store the sizes are US 7 to 12 and in the UK store UK 5 to 11. If you are between two sizes, take the larger one. Each product page has a size table with the foot length in centimetres. A pair that does not fit can be exchanged for another size within 7 days of delivery if it is unworn.',
  ),
  article(
    'de',
    ['exchange_request'],
    'Die richtige Größe finden',
    'Unsere Schuhe gibt es in den Größen 38 bis 45. Liegen Sie zwischen zwei Größen, nehmen Sie die größere. Auf jeder Produktseite finden Sie eine Größentabelle mit der Fußlänge in Zentimetern. Passt ein Paar nicht, können Sie es innerhalb von 7 Tagen nach Zustellung ungetragen gegen eine andere Größe umtauschen.',
  ),
  article(
    'zh-CN',
    ['exchange_request'],
    '尺码选择指南',
    '我们的鞋子尺码为38到44码。如果介于两个尺码之间，建议选择大一码。每个商品页面都有尺码表，标注了脚长（厘米）。尺码不合适的商品，签收后7天内未穿着可以申请换码。',
  ),

  // --- exchanges ---
  article(
    'en',
    ['exchange_request'],
    'Exchanging an item',
    'To exchange an item for another size or colour, start an exchange in the portal within 7 days of delivery and choose the item you want instead. We send the new item once the original is on its way back. An exchange for a more expensive item is not possible; return the item and place a new order instead.',
  ),
  article(
    'de',
    ['exchange_request'],
    'Umtausch',
    'Für einen Umtausch in eine andere Größe oder Farbe starten Sie innerhalb von 7 Tagen nach Zustellung einen Umtausch im Kundenportal und wählen den gewünschten Artikel. Wir senden den neuen Artikel, sobald der alte auf dem Rückweg ist. Ein Umtausch gegen einen teureren Artikel ist nicht möglich; senden Sie den Artikel dann zurück und bestellen Sie neu.',
  ),
  article(
    'zh-CN',
    ['exchange_request'],
    '如何换货',
    '如需更换尺码或颜色，请在签收后7天内在售后服务页面申请换货，并选择想要更换的商品。原商品寄回后，我们会发出新商品。不支持换成价格更高的商品，如有需要请退货后重新下单。',
  ),

  // --- damage and wrong items ---
  article(
    'en',
    ['product_defect', 'delivery_problem', 'wrong_item'],
    'Damaged, faulty or wrong item',
    'We are sorry! Start a return or exchange in the portal, choose the reason (faulty, damaged in transit or wrong item) and add a photo of the item and the parcel. We pay the return shipping and, once approved, send a replacement or refund the item in full, shipping included.',
  ),
  article(
    'de',
    ['product_defect', 'delivery_problem', 'wrong_item'],
    'Beschädigter, defekter oder falscher Artikel',
    'Das tut uns leid! Starten Sie im Kundenportal eine Rücksendung oder einen Umtausch, wählen Sie den Grund (defekt, beim Transport beschädigt oder falscher Artikel) und fügen Sie ein Foto von Artikel und Paket bei. Wir übernehmen die Rücksendekosten und senden Ihnen Ersatz oder erstatten den vollen Betrag samt Versand.',
  ),
  article(
    'zh-CN',
    ['product_defect', 'delivery_problem', 'wrong_item'],
    '商品破损、质量问题或发错货',
    '非常抱歉！请在售后服务页面申请退货或换货，选择原因（质量问题、运输破损或发错货），并上传商品和包裹的照片。退货运费由我们承担，审核通过后我们会补发商品或全额退款（含运费）。',
  ),
];
