import { describe, expect, it } from 'vitest';
import { choosePasswordSchema, createUserSchema, setAllowanceSchema } from '@/lib/admin-validation';
import { AppError } from '@/lib/errors';
import { translateText, TranslatableText } from '@/lib/i18n/translate';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/passwords';
import { localInstant } from '@/lib/zoned-time';

// Messages that carry a number, a year or a time: English as before, French for a French reader,
// each from its key and values rather than from its English sentence.

/** A failed parse's first message of `field`, in English and in French. */
function messagesOf(
  result: { error?: { issues: Array<{ path: PropertyKey[]; message: string }> } },
  field: string,
) {
  const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
  if (!issue) throw new Error(`No message for ${field}`);
  return { en: translateText(issue.message, 'en-GB'), fr: translateText(issue.message, 'fr-FR') };
}

describe('messages with values, in the reader’s language', () => {
  it('a password’s length limits name the lengths TeamCal enforces', () => {
    expect([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]).toEqual([10, 200]);
    const short = choosePasswordSchema.safeParse({ password: 'short', confirmation: 'short' });
    expect(messagesOf(short, 'password')).toEqual({
      en: 'Use at least 10 characters.',
      fr: 'Utilisez au moins 10 caractères.',
    });
    const long = 'x'.repeat(PASSWORD_MAX_LENGTH + 1);
    const tooLong = choosePasswordSchema.safeParse({ password: long, confirmation: long });
    expect(messagesOf(tooLong, 'password')).toEqual({
      en: 'Use at most 200 characters.',
      fr: 'Utilisez au plus 200 caractères.',
    });
  });

  it('a carry-over expiry outside the allowance’s year names that year, without a thousands separator', () => {
    const result = setAllowanceSchema.safeParse({
      userId: crypto.randomUUID(),
      year: '2040',
      days: '25',
      carryOverMax: '5',
      carryOverExpiresOn: '2041-03-31',
    });
    expect(messagesOf(result, 'carryOverExpiresOn')).toEqual({
      en: 'Choose a date in 2040, like 31 March 2040.',
      fr: 'Choisissez une date en 2040, par exemple le 31 mars 2040.',
    });
  });

  it('a new person’s language is automatic unless English or French is chosen', () => {
    const person = { email: 'new@example.com', name: 'New Person' };
    expect(createUserSchema.parse(person).language).toBeUndefined();
    expect(createUserSchema.parse({ ...person, language: 'fr' }).language).toBe('fr');
    expect(
      messagesOf(createUserSchema.safeParse({ ...person, language: 'de' }), 'language'),
    ).toEqual({
      en: 'Choose a language from the list.',
      fr: 'Choisissez une langue dans la liste.',
    });
  });

  it('a local time the clocks skip is refused in English as before, and in French', () => {
    let refusal: unknown;
    try {
      localInstant('2026-03-29', '02:30', 'Europe/Paris', 'startTime');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    const { message, text, field } = refusal as AppError;
    expect(field).toBe('startTime');
    expect(message).toBe(
      '02:30 does not exist on 2026-03-29 in Europe/Paris: the clocks go forward then.',
    );
    expect(text).toBeInstanceOf(TranslatableText);
    expect(translateText(text, 'fr-FR')).toBe(
      '02:30 n’existe pas le 2026-03-29 dans le fuseau Europe/Paris : on avance l’heure à ce moment-là.',
    );
    // A time that occurs twice (clocks going back) is its first occurrence, not an error.
    expect(localInstant('2026-10-25', '02:30', 'Europe/Paris', 'startTime').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });
});
