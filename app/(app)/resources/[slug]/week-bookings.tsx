import { useLocale, useTranslations } from 'next-intl';
import type { BookingDto } from '@/lib/dal/bookings';
import { formatDateTime, formatTime } from '@/lib/i18n/format';
import { localDateTime } from '@/lib/zoned-time';
import { CancelBookingButton } from './booking-buttons';

// The resource's week: a free/busy strip per day (what a glance needs), then each day's bookings
// in words (what a screen reader and a careful reader need).

export interface WeekDay {
  date: string;
  label: string;
  start: Date;
  end: Date;
}

const isLive = (booking: BookingDto) =>
  booking.status === 'confirmed' || booking.status === 'requested';

function FreeBusyStrip({ day, bookings }: { day: WeekDay; bookings: BookingDto[] }) {
  const length = day.end.getTime() - day.start.getTime();
  const percent = (instant: number) =>
    (Math.min(Math.max(instant - day.start.getTime(), 0), length) / length) * 100;
  return (
    <div className="flex items-center gap-3">
      <span className="w-24 shrink-0 text-xs text-slate-600">{day.label}</span>
      <div
        aria-hidden="true"
        className="relative h-5 flex-1 overflow-hidden rounded bg-emerald-50 ring-1 ring-emerald-200"
      >
        {[25, 50, 75].map((tick) => (
          <span
            key={tick}
            className="absolute top-0 h-full border-l border-emerald-200"
            style={{ left: `${tick}%` }}
          />
        ))}
        {bookings.filter(isLive).map((booking) => {
          const left = percent(booking.startsAt.getTime());
          const right = percent(booking.endsAt.getTime());
          return (
            <span
              key={booking.id}
              className={`absolute top-0 h-full ${booking.status === 'requested' ? 'bg-amber-400' : 'bg-brand-600'}`}
              style={{ left: `${left}%`, width: `${Math.max(right - left, 0.5)}%` }}
            />
          );
        })}
      </div>
    </div>
  );
}

export function WeekBookings({
  days,
  bookings,
  timeZone,
  actorId,
  canManage,
  resourceName,
}: {
  days: WeekDay[];
  bookings: BookingDto[];
  timeZone: string;
  actorId: string;
  canManage: boolean;
  resourceName: string;
}) {
  const t = useTranslations('resources');
  const locale = useLocale();
  const onDay = (day: WeekDay) =>
    bookings.filter((b) => b.startsAt < day.end && b.endsAt > day.start);
  // A time on the day itself; with its date when the booking starts or ends on another day.
  const moment = (instant: Date, day: WeekDay) =>
    localDateTime(instant, timeZone).date === day.date
      ? formatTime(instant, locale, timeZone)
      : formatDateTime(instant, locale, timeZone);
  const span = (booking: BookingDto, day: WeekDay) =>
    `${moment(booking.startsAt, day)} – ${moment(booking.endsAt, day)}`;
  const ticks = [0, 6, 12, 18].map((hours) =>
    formatTime(new Date(days[0]!.start.getTime() + hours * 3_600_000), locale, timeZone),
  );
  const empty = bookings.length === 0;
  return (
    <div className="space-y-5">
      <div className="space-y-1.5">
        <p className="flex justify-between pl-27 text-[11px] text-slate-600" aria-hidden="true">
          {ticks.map((tick) => (
            <span key={tick}>{tick}</span>
          ))}
          <span />
        </p>
        {days.map((day) => (
          <FreeBusyStrip key={day.date} day={day} bookings={onDay(day)} />
        ))}
        <p className="flex flex-wrap gap-x-3 text-xs text-slate-600" aria-hidden="true">
          <span>
            <span className="mr-1 inline-block h-2 w-3 rounded-sm bg-brand-600" />
            {t('legend.booked')}
          </span>
          <span>
            <span className="mr-1 inline-block h-2 w-3 rounded-sm bg-amber-400" />
            {t('legend.awaiting')}
          </span>
          <span>
            <span className="mr-1 inline-block h-2 w-3 rounded-sm bg-emerald-50 ring-1 ring-emerald-200" />
            {t('legend.free')}
          </span>
        </p>
      </div>
      {empty && (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600">
          {t.rich('noBookings', {
            name: resourceName,
            link: (chunks) => (
              <a href="#booking-title" className="font-medium text-brand-700 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      )}
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {days.map((day) => {
          const list = onDay(day);
          return (
            <li key={day.date} className="px-4 py-3">
              <h3 className="text-sm font-medium">{day.label}</h3>
              {list.length === 0 ? (
                <p className="text-sm text-slate-600">{t('freeAllDay')}</p>
              ) : (
                <ul className="mt-1 space-y-2">
                  {list.map((booking) => (
                    <li key={booking.id} className="flex flex-wrap items-start gap-x-3 gap-y-1">
                      <span className="shrink-0 text-xs leading-5 text-slate-700 tabular-nums sm:w-28">
                        {span(booking, day)}
                      </span>
                      <span
                        className={`min-w-0 flex-1 text-sm ${isLive(booking) ? '' : 'text-slate-500 line-through'}`}
                      >
                        {booking.title}
                        <span className="block text-xs text-slate-600">
                          {booking.bookedByName} · {t(`bookingStatus.${booking.status}`)}
                          {booking.eventId ? ` · ${t('teamEvent')}` : ''}
                        </span>
                        {booking.note && (
                          <span className="block text-xs break-words text-slate-600">
                            {booking.note}
                          </span>
                        )}
                      </span>
                      {isLive(booking) &&
                        !booking.eventId &&
                        (booking.bookedById === actorId || canManage) && (
                          <CancelBookingButton bookingId={booking.id} title={booking.title} />
                        )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
