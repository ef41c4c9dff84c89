import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

type AdminPageKey =
  | 'users'
  | 'user'
  | 'teams'
  | 'team'
  | 'resources'
  | 'resource'
  | 'absenceTypes'
  | 'absenceType'
  | 'policy'
  | 'tokens'
  | 'outbox'
  | 'message'
  | 'audit';

/** An admin page's title, "Users · Admin", in the reader's language; `name` leads when given. */
export async function adminTitle(page: AdminPageKey, name?: string): Promise<Metadata> {
  const t = await getTranslations('admin');
  const title = t('titleOf', { page: t(`${page}.title`) });
  return { title: name ? `${name} · ${title}` : title };
}
