// RFC 5545 §3.1 line folding, byte for byte the same as ical-generator's `foldLines` (which only
// `ICalCalendar.toString()` applies: `ICalEvent.toString()` returns unfolded lines). Ours exists
// for speed: ical-generator encodes every character with a new TextEncoder, which is most of the
// ~150 µs per event of a whole-calendar toString(); here short ASCII lines are left as they are
// and the others are measured arithmetically.

// ical-generator starts a new line once a line would exceed 74 octets.
const MAX_OCTETS = 74;

/** UTF-8 size of one UTF-16 code unit that is not the start of a surrogate pair. */
function unitOctets(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  // Other BMP characters take 3 octets, and so does a lone surrogate: TextEncoder writes U+FFFD.
  return 3;
}

function foldLine(line: string): string {
  let result = '';
  let segmentStart = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const at = i;
    const code = line.charCodeAt(i);
    let size: number;
    if (code >= 0xd800 && code <= 0xdbff) {
      // Like ical-generator, a high surrogate always takes the next unit with it, paired or not.
      const next = i + 1 < line.length ? line.charCodeAt(++i) : -1;
      if (next === -1) size = 3;
      else if (next >= 0xdc00 && next <= 0xdfff) size = 4;
      else size = 3 + unitOctets(next);
    } else {
      size = unitOctets(code);
    }
    octets += size;
    if (octets > MAX_OCTETS) {
      result += line.slice(segmentStart, at) + '\r\n ';
      segmentStart = at;
      octets = size;
    }
  }
  return segmentStart === 0 ? line : result + line.slice(segmentStart);
}

/** Whether a line may exceed 74 octets: lines of up to 24 UTF-16 units (≤ 72 octets) never do. */
function mayNeedFolding(text: string, start: number, end: number): boolean {
  if (end - start <= 24) return false;
  if (end - start > MAX_OCTETS) return true;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** Folds every CRLF-separated line of `text` to at most 75 octets (continuations included). */
export function foldLines(text: string): string {
  // Walks the lines in place and copies only around the ones that fold: most lines are short.
  let result = '';
  let copied = 0;
  let start = 0;
  for (;;) {
    const found = text.indexOf('\r\n', start);
    const end = found === -1 ? text.length : found;
    if (mayNeedFolding(text, start, end)) {
      result += text.slice(copied, start) + foldLine(text.slice(start, end));
      copied = end;
    }
    if (found === -1) break;
    start = found + 2;
  }
  return copied === 0 ? text : result + text.slice(copied);
}
