import {
  isAttribution,
  isDeviceFooter,
  isForwardMarker,
  isSeparator,
  isSignatureSeparator,
  opensHeaderBlock,
} from './quote-markers.js';

/** A reply split into what the customer wrote now and what was cut below it. */
export interface TrimmedReply {
  /** The new text, trimmed, with `\n` line breaks. */
  reply: string;
  /** Everything cut (signature, device footer, quoted history), or null when nothing was. */
  quoted: string | null;
}

const MAX_ATTRIBUTION_LINES = 3;

/**
 * Cuts the quoted history from a plain-text e-mail reply so the case timeline shows only
 * what is new: at the first attribution ("On … wrote:", "Am … schrieb …:", "Le … a
 * écrit :", "El … escribió:", "Em … escreveu:", "Il giorno … ha scritto:", "… 写道：",
 * "…のメッセージ:", wrapped over up to three lines), Outlook's and QQ Mail's separators and
 * "From:/Sent:" header blocks, a "-- " signature, or a trailing run of "> " lines; a phone
 * footer ("Sent from my iPhone") just above the cut goes too.
 *
 * Top-posting is assumed: text below the cut is never kept, and inline answers between
 * quoted lines are left as they are. Forwarded messages are kept, since customers forward
 * evidence. When nothing is above the cut, the text comes back untouched with `quoted` null:
 * a reply is never emptied.
 */
export function trimQuotedReply(text: string): TrimmedReply {
  const lines = text.split(/\r\n|\r|\n/);
  // Nothing at or below a forwarded message is cut: it is what the customer wanted us to see.
  const limit = lines.findIndex(isForwardMarker);
  const scanned = limit === -1 ? lines : lines.slice(0, limit);
  const quote = limit === -1 ? trailingQuote(lines) : null;
  let cut = Math.min(firstMarker(scanned) ?? lines.length, quote ?? lines.length);
  let end = lastNonBlank(lines, cut);
  if (end !== null && isDeviceFooter(lines[end] ?? '') && lastNonBlank(lines, end) !== null) cut = end;
  end = lastNonBlank(lines, cut);
  if (cut >= lines.length || end === null) return { reply: text, quoted: null };
  return {
    reply: lines.slice(0, cut).join('\n').trim(),
    quoted: lines.slice(cut).join('\n').trim(),
  };
}

function firstMarker(lines: readonly string[]): number | null {
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at] ?? '';
    if (isSignatureSeparator(line) || isSeparator(line) || opensHeaderBlock(lines, at)) return at;
    if (line.trim() === '' || line.trimStart().startsWith('>')) continue;
    for (let span = 1; span <= MAX_ATTRIBUTION_LINES && at + span <= lines.length; span++) {
      const joined = lines.slice(at, at + span);
      if (joined.some((l) => l.trim() === '')) break;
      if (isAttribution(joined)) return at;
    }
  }
  return null;
}

// A block of "> " lines at the very end; with the line introducing it when that line ends
// in a colon and names an address ("Jana <jana@example.com> kirjoitti:"), whatever the language.
function trailingQuote(lines: readonly string[]): number | null {
  let start: number | null = null;
  for (let at = lines.length - 1; at >= 0; at--) {
    const line = (lines[at] ?? '').trim();
    if (line.startsWith('>')) start = at;
    else if (line !== '') break;
  }
  if (start === null) return null;
  const above = lastNonBlank(lines, start);
  const intro = above === null ? '' : (lines[above] ?? '').trim();
  return above !== null && /@.*[:：]$/.test(intro) ? above : start;
}

function lastNonBlank(lines: readonly string[], before: number): number | null {
  for (let at = before - 1; at >= 0; at--) if ((lines[at] ?? '').trim() !== '') return at;
  return null;
}
