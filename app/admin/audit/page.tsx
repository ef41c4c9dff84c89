import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { Fragment } from 'react';
import { requireAdmin } from '@/lib/auth';
import { auditFilterSchema } from '@/lib/admin-validation';
import { describeAuditEvent } from '@/lib/audit-text';
import { listAuditEvents, type AuditEventRow } from '@/lib/dal/admin-audit';
import { whenText } from '../_components/dates';
import { Pagination } from '../_components/pagination';
import { ScrollTable } from '../_components/scroll-table';
import { adminTitle } from '../_components/titles';
import {
  card,
  input,
  primaryButton,
  secondaryButton,
  tableClass,
  td,
  th,
  theadClass,
} from '../_components/ui';

export const generateMetadata = () => adminTitle('audit');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const field = `${input} py-1.5`;

/** The admin page of what the event was about, when it has one. */
function aboutLink(event: AuditEventRow): { href: string; name: string } | null {
  const target = event.target;
  if (!target) return null;
  const name = target.name ?? null;
  switch (event.targetType) {
    case 'user':
      // The actor's own column already links them.
      return name && event.targetId && event.targetId !== event.actorId
        ? { href: `/admin/users/${event.targetId}`, name }
        : null;
    case 'team':
      return name && target.slug ? { href: `/admin/teams/${target.slug}`, name } : null;
    case 'resource':
      return name && target.slug ? { href: `/admin/resources/${target.slug}`, name } : null;
    case 'booking':
      return target.resourceName && target.slug
        ? { href: `/admin/resources/${target.slug}`, name: target.resourceName }
        : null;
    case 'absence_type':
      return name && target.key ? { href: `/admin/absence-types/${target.key}`, name } : null;
    default:
      return null;
  }
}

/** The event as a sentence, its details as lines, and the action's name to filter by. */
function EventText({ event, locale }: { event: AuditEventRow; locale: string }) {
  const t = useTranslations('admin.audit');
  const text = describeAuditEvent(event, locale);
  const about = aboutLink(event);
  return (
    <>
      <p>{text.sentence}</p>
      {text.lines.length > 0 && (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-600">
          {text.lines.map((line, index) => (
            <Fragment key={index}>
              <dt className="font-medium">{line.label}</dt>
              <dd className="break-words">{line.value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-600">
        <Link
          href={`/admin/audit?action=${encodeURIComponent(event.action)}`}
          className="font-mono break-all underline"
          title={t('onlyThisKind')}
        >
          {event.action}
        </Link>
        {about && (
          <Link href={about.href} className="text-brand-700 underline">
            {about.name} →
          </Link>
        )}
      </p>
    </>
  );
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireAdmin();
  const filter = auditFilterSchema.parse(await searchParams);
  const [events, t, locale] = await Promise.all([
    listAuditEvents(actor, filter),
    getTranslations('admin'),
    getLocale(),
  ]);
  const filtered = Boolean(filter.action || filter.actor || filter.from || filter.to);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('audit.title')}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        {t('audit.intro')} {t('common.timesIn', { timeZone: actor.timeZone })}
      </p>
      <section aria-label={t('audit.events')} className={`${card} mt-6 overflow-hidden`}>
        <form
          role="search"
          aria-label={t('audit.filter')}
          className="grid gap-3 *:min-w-0 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-4"
        >
          <div>
            <label htmlFor="audit-action" className="block text-xs font-medium text-slate-600">
              {t('audit.actionStarts')}
            </label>
            <input
              id="audit-action"
              name="action"
              maxLength={60}
              placeholder="feed_token. or user.disabled"
              defaultValue={filter.action}
              className={field}
            />
          </div>
          <div>
            <label htmlFor="audit-actor" className="block text-xs font-medium text-slate-600">
              {t('audit.actor')}
            </label>
            <input
              id="audit-actor"
              name="actor"
              type="search"
              maxLength={100}
              placeholder={t('audit.actorPlaceholder')}
              defaultValue={filter.actor}
              className={field}
            />
          </div>
          <div>
            <label htmlFor="audit-from" className="block text-xs font-medium text-slate-600">
              {t('audit.from')}
            </label>
            <input
              id="audit-from"
              name="from"
              type="date"
              defaultValue={filter.from}
              className={field}
            />
          </div>
          <div>
            <label htmlFor="audit-to" className="block text-xs font-medium text-slate-600">
              {t('audit.to')}
            </label>
            <input id="audit-to" name="to" type="date" defaultValue={filter.to} className={field} />
          </div>
          <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
            <button type="submit" className={primaryButton}>
              {t('common.apply')}
            </button>
            <Link href="/admin/audit" className={secondaryButton}>
              {t('common.clear')}
            </Link>
          </div>
        </form>
        {events.total === 0 ? (
          <p className="p-6 text-sm text-slate-600">
            {filtered ? t('audit.noMatch') : t('overview.nothing')}{' '}
            {filtered && (
              <Link href="/admin/audit" className="text-brand-700 underline">
                {t('audit.showAll')}
              </Link>
            )}
          </p>
        ) : (
          <ScrollTable>
            <table className={tableClass}>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={th}>
                    {t('audit.time')}
                  </th>
                  <th scope="col" className={th}>
                    {t('audit.event')}
                  </th>
                  <th scope="col" className={th}>
                    {t('audit.actor')}
                  </th>
                  <th scope="col" className={th}>
                    {t('audit.team')}
                  </th>
                  <th scope="col" className={th}>
                    {t('audit.origin')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {events.rows.map((event) => (
                  <tr key={event.id}>
                    <td className={`${td} whitespace-nowrap text-slate-600`}>
                      {whenText(event.at, locale, actor.timeZone)}
                    </td>
                    <td className={`${td} min-w-72 max-w-xl`}>
                      <EventText event={event} locale={locale} />
                    </td>
                    <td className={td}>
                      {event.actorId ? (
                        <Link
                          href={`/admin/users/${event.actorId}`}
                          className="text-brand-700 hover:underline"
                        >
                          {event.actorName}
                        </Link>
                      ) : (
                        <span className="text-slate-600">{t('audit.nobody')}</span>
                      )}
                    </td>
                    <td className={td}>
                      {event.teamName && event.teamSlug ? (
                        <Link
                          href={`/admin/teams/${event.teamSlug}`}
                          className="text-brand-700 hover:underline"
                        >
                          {event.teamName}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className={td}>
                      {event.ip ?? '—'}
                      {event.userAgent && (
                        <span
                          className="block max-w-48 truncate text-xs text-slate-600"
                          title={event.userAgent}
                        >
                          {event.userAgent}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
        <Pagination
          page={events}
          path="/admin/audit"
          params={{ ...filter, page: undefined }}
          noun="events"
        />
      </section>
    </>
  );
}
