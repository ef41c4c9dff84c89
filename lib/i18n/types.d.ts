import type { Messages } from '@/lib/i18n/messages';

// Type-checks every translation key and its arguments against the English catalogue.
declare module 'next-intl' {
  interface AppConfig {
    Messages: Messages;
  }
}
