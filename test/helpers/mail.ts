import { expect } from 'vitest';
import type { ReceivedMail } from './smtp-server';

// Reading a received message as its recipient would: the words of its HTML part, its links, and
// whether its two parts say the same thing.

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&amp;': '&',
};
const decodeEntities = (html: string) =>
  html.replace(/&(?:lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity]!);

/** What a mail client shows of the HTML part: its text, entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  const body = html.replace(/<head>[\s\S]*?<\/head>/i, ' ');
  return decodeEntities(body.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every absolute address in the text part, once each. */
export function textLinks(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}

/** The targets of the HTML part's links, once each. */
export function htmlLinks(html: string): string[] {
  return [
    ...new Set([...html.matchAll(/href="([^"]*)"/g)].map((match) => decodeEntities(match[1]!))),
  ];
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
// The HTML part's only words of its own: the brand line and the words before a written-out link.
const HTML_ONLY_WORDS = words('TeamCal Or open this address Ou ouvrez cette adresse');

/**
 * Both parts carry the same message: every line of the text part (its labels, values and
 * sentences) is in the HTML part, the HTML part says nothing the text part or the subject does
 * not, and both link to the same addresses.
 */
export function expectSameContent(mail: ReceivedMail): void {
  const html = visibleText(mail.html);
  for (const line of mail.text.split('\n')) {
    const content = line.replace(/^(?:- |> )/, '').trim();
    if (content === '--') continue;
    // Spaces as visibleText leaves them (Intl's thin and no-break spaces included).
    for (const piece of content.split(/:(?: |$)/).map((part) => part.replace(/\s+/g, ' ').trim()))
      if (piece) expect(html, `HTML part lacks “${piece}”`).toContain(piece);
  }
  const known = new Set([...words(mail.text), ...words(mail.subject), ...HTML_ONLY_WORDS]);
  expect([...words(html)].filter((word) => !known.has(word))).toEqual([]);
  expect(htmlLinks(mail.html).sort()).toEqual(textLinks(mail.text).sort());
}
