import type { Metadata } from 'next';
import { requireActor } from '@/lib/auth';
import { TIME_ZONES } from '@/lib/admin-validation';
import { getNotificationMails } from '@/lib/dal/profile';
import { NotificationMailsForm } from './notification-mails-form';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  const actor = await requireActor();
  const notifyByMail = await getNotificationMails(actor);
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Profile</h1>
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <dl className="mb-5 grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-600">Name</dt>
          <dd>{actor.name}</dd>
          <dt className="text-slate-600">Email</dt>
          <dd>{actor.email}</dd>
        </dl>
        <p className="mb-3 text-sm text-slate-600">
          Your appointments are entered and shown in your time zone, and your calendar’s feed is
          written in it.
        </p>
        <ProfileForm zones={TIME_ZONES} timeZone={actor.timeZone} />
      </section>
      <section
        aria-labelledby="mail-heading"
        className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="mail-heading" className="mb-3 font-semibold">
          Mail
        </h2>
        <NotificationMailsForm on={notifyByMail} />
      </section>
    </div>
  );
}
