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

// English texts of static messages (zod's) back to their keys: a schema's message must be a
// plain string, so `message()` hands zod the English text and remembers which key it came from.
const keysOfEnglishTexts = new Map<string, string>();

/** A static message (full key), for a zod schema: its English text. */
export function message(key: string): string {
  const text = new TranslatableText(key).toString();
  keysOfEnglishTexts.set(text, key);
  return text;
}

/** A message given in English (by zod, or an AppError) in the reader's language. */
export function translateText(text: string | TranslatableText, locale: string): string {
  if (text instanceof TranslatableText) return text.in(locale);
  const key = keysOfEnglishTexts.get(text);
  return key ? new TranslatableText(key).in(locale) : text;
}
