import type { Language } from '@/lib/i18n/locales';
import en from './en';
import fr from './fr';

/** The English catalogue is the reference: its shape types every key (lib/i18n/types.d.ts). */
export type Messages = typeof en;

// `satisfies` makes the compiler refuse a French catalogue that misses an English namespace; the
// key-by-key comparison (and ICU syntax) is test/unit/i18n-messages.test.ts.
export const catalogues = { en, fr: fr satisfies Record<keyof Messages, unknown> } as Record<
  Language,
  Messages
>;
