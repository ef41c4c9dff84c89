import { TranslatableText, type MessageValues } from '@/lib/i18n/translate';

/**
 * A TranslatableText whose values include dates or times, written in the reader's locale only when
 * the message is translated (the data-access layer that throws it does not know the reader).
 */
export class DatedText extends TranslatableText {
  constructor(
    key: string,
    values: MessageValues,
    private readonly written: (locale: string) => MessageValues,
  ) {
    super(key, values);
  }

  override in(locale: string): string {
    return new TranslatableText(this.key, { ...this.values, ...this.written(locale) }).in(locale);
  }
}
