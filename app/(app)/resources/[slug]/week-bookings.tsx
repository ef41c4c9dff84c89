import type { BookingDto } from '@/lib/dal/bookings';
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

const STATUS_LABEL = {
  requested: 'Awaiting confirmation',
  confirmed: 'Confirmed',
  declined: 'Declined',
  cancelled: 'Cancelled',
} as const;

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
}: {
  days: WeekDay[];
  bookings: BookingDto[];
  timeZone: string;
  actorId: string;
  canManage: boolean;
}) {
  const onDay = (day: WeekDay) =>
    bookings.filter((b) => b.startsAt < day.end && b.endsAt > day.start);
  const time = (instant: Date) => localDateTime(instant, timeZone);
  const span = (booking: BookingDto, day: WeekDay) => {
    const start = time(booking.startsAt);
    const end = time(booking.endsAt);
    const from = start.date === day.date ? start.time : `${start.date} ${start.time}`;
    const to = end.date === day.date ? end.time : `${end.date} ${end.time}`;
    return `${from}–${to}`;
  };
  return (
    <div className="space-y-5">
      <div className="space-y-1.5">
        <p className="flex justify-between pl-27 text-[11px] text-slate-500" aria-hidden="true">
          <span>00:00</span>
          <span>06:00</span>
          <span>12:00</span>
          <span>18:00</span>
          <span>24:00</span>
        </p>
        {days.map((day) => (
          <FreeBusyStrip key={day.date} day={day} bookings={onDay(day)} />
        ))}
        <p className="text-xs text-slate-500">
          <span className="mr-1 inline-block h-2 w-3 rounded-sm bg-brand-600" /> booked
          <span className="mr-1 ml-3 inline-block h-2 w-3 rounded-sm bg-amber-400" /> awaiting
          confirmation
          <span className="mr-1 ml-3 inline-block h-2 w-3 rounded-sm bg-emerald-50 ring-1 ring-emerald-200" />{' '}
          free
        </p>
      </div>
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {days.map((day) => {
          const list = onDay(day);
          return (
            <li key={day.date} className="px-4 py-3">
              <h3 className="text-sm font-medium">{day.label}</h3>
              {list.length === 0 ? (
                <p className="text-sm text-slate-500">Free all day.</p>
              ) : (
                <ul className="mt-1 space-y-2">
                  {list.map((booking) => (
                    <li key={booking.id} className="flex flex-wrap items-start gap-x-3 gap-y-1">
                      <span className="w-28 shrink-0 font-mono text-xs leading-5 text-slate-700">
                        {span(booking, day)}
                      </span>
                      <span
                        className={`min-w-0 flex-1 text-sm ${isLive(booking) ? '' : 'text-slate-500 line-through'}`}
                      >
                        {booking.title}
                        <span className="block text-xs text-slate-500">
                          {booking.bookedByName} · {STATUS_LABEL[booking.status]}
                          {booking.eventId ? ' · team event' : ''}
                        </span>
                        {booking.note && (
                          <span className="block text-xs text-slate-500">{booking.note}</span>
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
