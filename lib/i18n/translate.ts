// Translating outside a page: mails and feeds (written for someone not in front of a browser), and
// the messages the data-access layer and the zod schemas give, which are English until the form
// action that shows them translates them into the reader's language.

import { createTranslator } from 'next-intl';
import { languageOf, storedLocale } from '@/lib/i18n/locales';
import { catalogues, type Messages } from '@/lib/i18n/messages';

export type MessageValues = Record<string, string | number | Date>;

/** A translator for one locale ('fr-FR', or a stored profile choice through storedLocale). */
export function translatorFor<Namespace extends keyof Messages>(
  locale: string,
  namespace: Namespace,
) {
  return createTranslator({ locale, messages: catalogues[languageOf(locale)], namespace });
}

/** A message that remembers its key (full path, e.g. 'errors.code.gone'), so a form shows it translated. */
export class TranslatableText {
  constructor(
    readonly key: string,
    readonly values: MessageValues = {},
  ) {}

  in(locale: string): string {
    const t = createTranslator({
      locale,
      messages: catalogues[languageOf(locale)],
    }) as unknown as (key: string, values?: MessageValues) => string;
    return t(this.key, this.values);
  }

  toString(): string {
    return this.in(storedLocale('en'));
  }
}

// English texts of zod's messages back to their keys: a schema's message must be a plain string,
// so `message()` hands zod the English text and remembers which key (and values) it came from.
// Values come from constants and validated input (a year from 2000 to 2100), so this stays small.
const keysOfEnglishTexts = new Map<string, TranslatableText>();

/** A message (full key, values if any), for a zod schema: its English text. */
export function message(key: string, values?: MessageValues): string {
  const translatable = new TranslatableText(key, values);
  const text = translatable.toString();
  keysOfEnglishTexts.set(text, translatable);
  return text;
}

/** A message given in English (by zod, or an AppError) in the reader's language. */
export function translateText(text: string | TranslatableText, locale: string): string {
  if (text instanceof TranslatableText) return text.in(locale);
  return keysOfEnglishTexts.get(text)?.in(locale) ?? text;
}
