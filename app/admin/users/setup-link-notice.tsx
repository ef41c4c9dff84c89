'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/i18n/format';
import { CopyField } from '../_components/copy-field';
import type { SetupLink } from './actions';

/** A password-setup link, mailed to the person and shown once, should the admin hand it over. */
export function SetupLinkNotice({ link }: { link: SetupLink }) {
  const t = useTranslations('admin.users.setupLink');
  const locale = useLocale();
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
      <CopyField id="setup-link" label={t('label', { name: link.name })} value={link.url} />
      <p className="text-xs text-amber-900">
        {t('note', {
          delivery: link.delivery,
          name: link.name,
          expires: formatDateTime(link.expiresAt, locale, link.timeZone),
        })}
      </p>
    </div>
  );
}
