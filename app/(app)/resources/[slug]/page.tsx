import { TZDate } from '@date-fns/tz';
import { addDays, format, parseISO, startOfWeek } from 'date-fns';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDate, formatDateTimeRange, formatShortDay } from '@/lib/i18n/format';
import { orNotFound } from '@/app/_components/or-not-found';
import { requireActor } from '@/lib/auth';
import { listBookings, listBookingsToDecide } from '@/lib/dal/bookings';
import { getResourceBySlug } from '@/lib/dal/resources';
import { BOOKING_NOTE_MAX_LENGTH, teamSlugSchema, weekParamSchema } from '@/lib/validation';
import { localDateTime, localInstant } from '@/lib/zoned-time';
import { CalendarMenuFor } from '../../_calendar/calendar-menu-loader';
import { DecideBookingButtons } from './booking-buttons';
import { BookingForm } from './booking-form';
import { WeekBookings, type WeekDay } from './week-bookings';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The resource as the actor may see it, or a 404 for a bad slug, a disabled or unknown one. */
async function loadResource(params: Props['params']) {
  const slug = teamSlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const actor = await requireActor();
  return { actor, resource: await orNotFound(() => getResourceBySlug(actor, slug.data)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { resource } = await loadResource(params);
  return { title: resource.name };
}

/** Monday to Sunday around `anyDay`, each day's span as instants in the resource's zone. */
function weekOf(anyDay: string, timeZone: string, locale: string): WeekDay[] {
  const monday = startOfWeek(parseISO(anyDay), { weekStartsOn: 1 });
  return Array.from({ length: 7 }, (_, i) => {
    const date = format(addDays(monday, i), 'yyyy-MM-dd');
    const next = format(addDays(monday, i + 1), 'yyyy-MM-dd');
    return {
      date,
      label: formatShortDay(date, locale),
      start: localInstant(date, '00:00', timeZone, 'week'),
      end: localInstant(next, '00:00', timeZone, 'week'),
    };
  });
}

export default async function ResourcePage({ params, searchParams }: Props) {
  const { actor, resource } = await loadResource(params);
  const zone = resource.timeZone;
  const today = localDateTime(TZDate.tz(zone), zone).date;
  const { week } = weekParamSchema(today).parse(await searchParams);
  const [t, locale] = await Promise.all([getTranslations('resources'), getLocale()]);
  const days = weekOf(week, zone, locale);
  const canManage = resource.calendar.rights.canShare;
  const [bookings, toDecide] = await Promise.all([
    listBookings(actor, resource.id, { from: days[0]!.start, to: days[6]!.end }),
    listBookingsToDecide(actor, resource.id),
  ]);
  const weekHref = (offset: number) =>
    `/resources/${resource.slug}?week=${format(addDays(parseISO(days[0]!.date), offset), 'yyyy-MM-dd')}`;
  const link = 'rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100';
  const facts = [
    t(`kind.${resource.kind}`),
    resource.capacity ? t('capacity', { count: resource.capacity }) : null,
    resource.bookingPolicy === 'approval' ? t('policyApproval') : t('policyInstant'),
  ].filter(Boolean);

  return (
    <div className="space-y-6">
      <div>
        <nav aria-label={t('breadcrumb')} className="mb-2 text-sm text-slate-600">
          <Link href="/resources" className="underline hover:text-slate-900">
            {t('title')}
          </Link>{' '}
          / <span aria-current="page">{resource.name}</span>
        </nav>
        <header className="flex flex-wrap items-end justify-between gap-4">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{resource.name}</h1>
            <p className="mt-1 text-sm text-slate-600">{facts.join(' · ')}</p>
            {resource.location && <p className="text-sm text-slate-600">{resource.location}</p>}
            <p className="text-xs text-slate-600">
              {t('managedBy', {
                names:
                  resource.managers.length > 0
                    ? new Intl.ListFormat(locale).format(resource.managers.map((m) => m.name))
                    : t('theAdmins'),
              })}{' '}
              · {t('timesIn', { timeZone: zone })}
            </p>
            {resource.description && (
              <p className="mt-2 max-w-2xl text-sm whitespace-pre-line text-slate-700">
                {resource.description}
              </p>
            )}
          </div>
          <CalendarMenuFor actor={actor} calendar={resource.calendar} />
        </header>
      </div>

      {canManage && toDecide.length > 0 && (
        <section
          aria-labelledby="to-decide-heading"
          className="rounded-xl border border-amber-200 bg-amber-50 p-5"
        >
          <h2 id="to-decide-heading" className="mb-2 font-semibold">
            {t('toDecide')}
          </h2>
          <ul className="space-y-2">
            {toDecide.map((booking) => {
              return (
                <li key={booking.id} className="flex flex-wrap items-center gap-3 text-sm">
                  <span className="min-w-0 flex-1 break-words">
                    <strong>{booking.title}</strong> — {booking.bookedByName},{' '}
                    {formatDateTimeRange(booking.startsAt, booking.endsAt, locale, zone)}
                  </span>
                  <DecideBookingButtons bookingId={booking.id} title={booking.title} />
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section
          aria-labelledby="week-heading"
          className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
        >
          <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
            <h2 id="week-heading" className="font-semibold">
              {t('weekOf', { date: formatDate(days[0]!.date, locale) })}
            </h2>
            <nav aria-label={t('weekNav')} className="flex gap-2 text-sm">
              <Link href={weekHref(-7)} className={link}>
                {t('previousWeek')}
              </Link>
              <Link href={weekHref(7)} className={link}>
                {t('nextWeek')}
              </Link>
            </nav>
          </div>
          <WeekBookings
            days={days}
            bookings={bookings}
            timeZone={zone}
            actorId={actor.id}
            canManage={canManage}
            resourceName={resource.name}
          />
        </section>
        <section
          aria-labelledby="book-heading"
          className="h-fit min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
        >
          <h2 id="book-heading" className="mb-3 font-semibold break-words">
            {t('book', { name: resource.name })}
          </h2>
          <BookingForm
            resourceId={resource.id}
            timeZone={zone}
            today={today}
            noteMaxLength={BOOKING_NOTE_MAX_LENGTH}
          />
        </section>
      </div>
    </div>
  );
}
