import { TZDate } from '@date-fns/tz';
import { addDays, format, parseISO, startOfWeek } from 'date-fns';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDate } from '@/lib/i18n/format';
import { orNotFound } from '@/app/_components/or-not-found';
import { requireActor } from '@/lib/auth';
import { listBookings, listBookingsToDecide } from '@/lib/dal/bookings';
import { getResourceBySlug, type ResourceDetail } from '@/lib/dal/resources';
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

const KIND_LABEL: Record<ResourceDetail['kind'], string> = {
  room: 'Room',
  equipment: 'Equipment',
  vehicle: 'Vehicle',
  other: 'Resource',
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
function weekOf(anyDay: string, timeZone: string): WeekDay[] {
  const monday = startOfWeek(parseISO(anyDay), { weekStartsOn: 1 });
  return Array.from({ length: 7 }, (_, i) => {
    const date = format(addDays(monday, i), 'yyyy-MM-dd');
    const next = format(addDays(monday, i + 1), 'yyyy-MM-dd');
    return {
      date,
      label: `${format(addDays(monday, i), 'EEE')} ${formatDate(date)}`,
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
  const days = weekOf(week, zone);
  const canManage = resource.calendar.rights.canShare;
  const [bookings, toDecide] = await Promise.all([
    listBookings(actor, resource.id, { from: days[0]!.start, to: days[6]!.end }),
    listBookingsToDecide(actor, resource.id),
  ]);
  const weekHref = (offset: number) =>
    `/resources/${resource.slug}?week=${format(addDays(parseISO(days[0]!.date), offset), 'yyyy-MM-dd')}`;
  const link = 'rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100';
  const facts = [
    KIND_LABEL[resource.kind],
    resource.capacity ? `${resource.capacity} people` : null,
    resource.bookingPolicy === 'approval'
      ? 'Held as requested until a manager confirms'
      : 'Booked at once when free',
  ].filter(Boolean);

  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
          <Link href="/resources" className="hover:text-slate-900">
            Resources
          </Link>{' '}
          / <span aria-current="page">{resource.name}</span>
        </nav>
        <header className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{resource.name}</h1>
            <p className="mt-1 text-sm text-slate-600">{facts.join(' · ')}</p>
            {resource.location && <p className="text-sm text-slate-600">{resource.location}</p>}
            <p className="text-xs text-slate-500">
              Managed by{' '}
              {resource.managers.length > 0
                ? resource.managers.map((m) => m.name).join(', ')
                : 'the admins'}{' '}
              · Times in {zone}
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
            Requests awaiting your confirmation
          </h2>
          <ul className="space-y-2">
            {toDecide.map((booking) => {
              const start = localDateTime(booking.startsAt, zone);
              const end = localDateTime(booking.endsAt, zone);
              return (
                <li key={booking.id} className="flex flex-wrap items-center gap-3 text-sm">
                  <span className="flex-1">
                    <strong>{booking.title}</strong> — {booking.bookedByName},{' '}
                    {formatDate(start.date)} {start.time}–
                    {end.date === start.date ? '' : `${formatDate(end.date)} `}
                    {end.time}
                  </span>
                  <DecideBookingButtons bookingId={booking.id} title={booking.title} />
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section
          aria-labelledby="week-heading"
          className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
            <h2 id="week-heading" className="font-semibold">
              Week of {formatDate(days[0]!.date)}
            </h2>
            <nav aria-label="Week" className="flex gap-2 text-sm">
              <Link href={weekHref(-7)} className={link}>
                ← Previous week
              </Link>
              <Link href={weekHref(7)} className={link}>
                Next week →
              </Link>
            </nav>
          </div>
          <WeekBookings
            days={days}
            bookings={bookings}
            timeZone={zone}
            actorId={actor.id}
            canManage={canManage}
          />
        </section>
        <section
          aria-labelledby="book-heading"
          className="h-fit rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id="book-heading" className="mb-3 font-semibold">
            Book {resource.name}
          </h2>
          <BookingForm
            resourceId={resource.id}
            resourceName={resource.name}
            timeZone={zone}
            today={today}
            noteMaxLength={BOOKING_NOTE_MAX_LENGTH}
          />
        </section>
      </div>
    </div>
  );
}
