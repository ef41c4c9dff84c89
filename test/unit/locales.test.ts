import { describe, expect, it } from 'vitest';
import { languageOf, resolveLocale, storedLocale } from '@/lib/i18n/locales';

describe('the locale of a request', () => {
  it.each([
    // [profile choice, Accept-Language, locale]
    [null, 'fr-FR,fr;q=0.9,en;q=0.8', 'fr-FR'],
    [null, 'fr-CA', 'fr-CA'],
    [null, 'fr', 'fr-FR'],
    [null, 'en-US,en;q=0.9', 'en-US'],
    [null, 'en', 'en-GB'],
    [null, 'de-DE,de;q=0.9,fr;q=0.5', 'fr-FR'],
    [null, 'de-DE', 'en-GB'],
    [null, '', 'en-GB'],
    [null, null, 'en-GB'],
    [null, 'en;q=0.1,fr;q=0.9', 'fr-FR'],
    ['fr', 'en-US,en;q=0.9', 'fr-FR'],
    ['fr', 'en-US,fr-BE;q=0.5', 'fr-BE'],
    ['en', 'fr-FR,fr;q=0.9', 'en-GB'],
    ['en', 'fr-FR,en-US;q=0.9', 'en-US'],
    ['xx', 'fr-FR', 'fr-FR'],
  ])('choice %s with Accept-Language %j → %s', (chosen, acceptLanguage, expected) => {
    expect(resolveLocale(chosen, acceptLanguage)).toBe(expected);
  });

  it('survives junk in Accept-Language', () => {
    for (const junk of ['*', ';;;', 'fr-@@@,en', 'x'.repeat(5000), 'fr;q=abc', '\u0000'])
      expect(['en-GB', 'fr-FR']).toContain(resolveLocale(null, junk));
  });

  it('gives the language of a locale, English for others', () => {
    expect(languageOf('fr-CA')).toBe('fr');
    expect(languageOf('en-US')).toBe('en');
    expect(languageOf('de-DE')).toBe('en');
  });

  it('writes mails and feeds in the stored choice, English when there is none', () => {
    expect(storedLocale('fr')).toBe('fr-FR');
    expect(storedLocale(null)).toBe('en-GB');
    expect(storedLocale('de')).toBe('en-GB');
  });
});
