import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth';
import { TIME_ZONES } from '@/lib/admin-validation';
import { getNotificationMails } from '@/lib/dal/profile';
import { NotificationMailsForm } from './notification-mails-form';
import { ProfileForm } from './profile-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function ProfilePage() {
  const actor = await requireActor();
  const [notifyByMail, t] = await Promise.all([
    getNotificationMails(actor),
    getTranslations('profile'),
  ]);
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <dl className="mb-5 grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-600">{t('name')}</dt>
          <dd>{actor.name}</dd>
          <dt className="text-slate-600">{t('email')}</dt>
          <dd className="break-all">{actor.email}</dd>
        </dl>
        <p className="mb-3 text-sm text-slate-600">{t('intro')}</p>
        <ProfileForm zones={TIME_ZONES} timeZone={actor.timeZone} language={actor.locale} />
      </section>
      <section
        aria-labelledby="mail-heading"
        className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="mail-heading" className="mb-3 font-semibold">
          {t('mail.heading')}
        </h2>
        <NotificationMailsForm on={notifyByMail} />
      </section>
    </div>
  );
}
