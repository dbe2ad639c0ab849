// What mail clients put above the history they quote. Matched against one line, or two or
// three lines joined, since Gmail wraps long attributions; white space is collapsed first.
const ATTRIBUTIONS: readonly RegExp[] = [
  /^on\b.*\bwrote:$/i, // Gmail, Apple Mail, Thunderbird (and their Japanese settings)
  /^am\b.*\bschrieb\b.*:$/i, // de: "Am 03.06.2024 um 10:12 schrieb Jana <…>:"
  /^op\b.*\bschreef\b.*:$/i, // nl
  /^le\b.*\ba écrit ?:$/i, // fr, with or without the space French puts before a colon
  /^el\b.*\bescribió:$/i, // es
  /^em\b.*\bescreveu:$/i, // pt
  /^il\b.*\bha scritto:$/i, // it: "Il giorno lun 3 giu 2024 alle ore 10:12 … ha scritto:"
  /(写道|寫道) ?[:：]$/, // zh: "… 于2024年6月3日周一 10:12写道：", NetEase "在 … 写道："
  /(のメッセージ|のメール) ?[:：]$/, // ja: Apple Mail, Outlook
  /^\d{4}年\d{1,2}月\d{1,2}日.*<[^<>\s]+@[^<>\s]+> ?[:：]$/, // ja Gmail: "2024年6月3日(月) 10:12 Name <a@b>:"
];

// Every real attribution carries a time or an address; this keeps "On 3 June the courier
// wrote:" in a customer's own text from cutting the rest of it.
const TIME_OR_ADDRESS = /\d{1,2}:\d{2}|@/;

/** True when `lines` (one to three, joined) read as "On …, … wrote:" in some language. */
export function isAttribution(lines: readonly string[]): boolean {
  // Wrapped attributions are one sentence: a line ending a sentence does not start one.
  if (lines.slice(0, -1).some((line) => /[.!?。！？]\s*$/.test(line))) return false;
  const joined = lines.join(' ').replace(/\s+/g, ' ').trim();
  return joined.length <= 300 && TIME_OR_ADDRESS.test(joined) && ATTRIBUTIONS.some((re) => re.test(joined));
}

// Outlook and Foxmail/QQ Mail separators, in the languages they ship in. A forwarded message
// ("---------- Forwarded message ---------") is not here: customers forward evidence.
const SEPARATOR =
  /^-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|mensagem original|messaggio originale|oorspronkelijk bericht|original|原始邮件|原始郵件|元のメッセージ)\s*-{2,}$/i;
const UNDERSCORES = /^_{20,}$/; // Outlook on the web and mobile draw a line of 32

/** A line that starts the quoted history by itself. */
export function isSeparator(line: string): boolean {
  const trimmed = line.trim();
  return SEPARATOR.test(trimmed) || UNDERSCORES.test(trimmed);
}

// Outlook quotes with a header block instead: "From: …" and, a line or few later, "Sent: …".
const FROM_FIELD = /^\*{0,2}(from|von|de|da|van|från|fra|发件人|發件人|寄件者|差出人)\s*\*{0,2}\s*[:：]/i;
const SENT_FIELD =
  /^\*{0,2}(sent|date|gesendet|datum|envoyé|enviado(?: el)?|enviada em|enviado em|inviato|data|verzonden|skickat|sendt|发送时间|發送時間|寄件日期|日期|送信日時)\s*\*{0,2}\s*[:：]/i;

/** True when `lines[at]` opens an Outlook-style header block. */
export function opensHeaderBlock(lines: readonly string[], at: number): boolean {
  if (!FROM_FIELD.test((lines[at] ?? '').trim())) return false;
  return lines.slice(at + 1, at + 5).some((line) => SENT_FIELD.test(line.trim()));
}

const FORWARD =
  /^(-{2,}\s*(forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|mensagem encaminhada|messaggio inoltrato|转发邮件信息|转发的邮件|転送されたメッセージ)\s*-{2,}|begin forwarded message:|anfang der weitergeleiteten nachricht:|début du message réexpédié ?:)$/i;

/** The start of a forwarded message: below it is content the customer chose to send. */
export function isForwardMarker(line: string): boolean {
  return FORWARD.test(line.trim());
}

/** RFC 3676's signature separator, and the same without its trailing space, as many clients send it. */
export function isSignatureSeparator(line: string): boolean {
  return line === '-- ' || line === '--';
}

// Footers phones add under a reply; nobody wants them in the case timeline.
const DEVICE_FOOTER =
  /^(sent from my .{1,30}|get outlook for (ios|android)|von meinem .{1,30} gesendet|envoyé de mon .{1,30}|enviado desde mi .{1,30}|enviado do meu .{1,30}|inviato da .{1,30}|发自我的\s?.{1,30}|iphoneから送信)$/i;

/** "Sent from my iPhone" and its translations. */
export function isDeviceFooter(line: string): boolean {
  return DEVICE_FOOTER.test(line.trim());
}
