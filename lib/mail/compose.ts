// A message in both parts from one description, so the plain text and the HTML always say the same
// thing. Every value is escaped in the HTML; links are written out in full in the text. The caller
// writes the words in the recipient's language; the frame's own words follow `locale` too.

import { languageOf } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translate';

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: Array<[label: string, value: string]> }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'quote'; text: string };

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** A label's colon: French sets it off with a space ("Lien : …"), as its messages do. */
function colonOf(locale: string): string {
  return languageOf(locale) === 'fr' ? ' :' : ':';
}

function blockText(block: Block, colon: string): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'facts':
      return block.rows.map(([label, value]) => `${label}${colon} ${value}`).join('\n');
    case 'button':
      return `${block.label}${colon}\n${block.url}`;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'quote':
      return block.text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
  }
}

function blockHtml(block: Block, orOpen: string): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case 'facts':
      return (
        '<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">' +
        block.rows
          .map(
            ([label, value]) =>
              `<tr><th scope="row" style="text-align:left;padding:2px 16px 2px 0;color:#475569;font-weight:600">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
          )
          .join('') +
        '</table>'
      );
    case 'button':
      return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(block.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#475569">${escapeHtml(orOpen)} <a href="${escapeHtml(block.url)}" style="color:#1d4ed8;word-break:break-all">${escapeHtml(block.url)}</a></p>`;
    case 'list':
      return `<ul style="margin:0 0 16px;padding-left:20px">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #cbd5e1;color:#334155;white-space:pre-wrap">${escapeHtml(block.text)}</blockquote>`;
  }
}

/** Both parts of a message: a greeting, the blocks, and a footer saying why it was sent. */
export function composeMail(input: {
  /** The recipient's locale ('en-GB', 'fr-FR'): the HTML part's language and its own words. */
  locale: string;
  subject: string;
  greeting: string;
  blocks: Block[];
  footer: string;
}): ComposedMail {
  const colon = colonOf(input.locale);
  const text = [
    input.greeting,
    ...input.blocks.map((block) => blockText(block, colon)),
    '--',
    input.footer,
  ].join('\n\n');
  const orOpen = translatorFor(input.locale, 'mail')('orOpen');
  const html =
    `<!doctype html><html lang="${languageOf(input.locale)}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(input.subject)}</title></head>` +
    '<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">' +
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:24px">' +
    `<p style="margin:0 0 16px;font-weight:700;color:#1d4ed8">TeamCal</p>` +
    `<p style="margin:0 0 16px">${escapeHtml(input.greeting)}</p>` +
    input.blocks.map((block) => blockHtml(block, orOpen)).join('') +
    `<p style="margin:24px 0 0;font-size:13px;color:#64748b">${escapeHtml(input.footer)}</p>` +
    '</div></body></html>';
  return { subject: input.subject, text: `${text}\n`, html };
}
