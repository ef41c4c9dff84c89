import { TZDate } from '@date-fns/tz';
import { addDays, addYears, format } from 'date-fns';
import { requireActor } from '@/lib/auth';
import {
  canManageTeamEvents,
  listTeamEvents,
  TEAM_EVENT_WINDOW_YEARS,
  type TeamEventDto,
} from '@/lib/dal/team-events';
import { CancelTeamEventButton } from './cancel-team-event-button';
import { TeamEventEditor } from './team-event-editor';

/** How far back the collapsed list of past events goes. */
const RECENT_PAST_DAYS = 90;

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const formatDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

/** When the event happens, in its own time zone, as a person reads it. */
function describeWhen(event: TeamEventDto): string {
  const start = formatDay(event.startDate);
  const end = formatDay(event.endDate);
  if (event.allDay) return event.startDate === event.endDate ? start : `${start} – ${end}`;
  return event.startDate === event.endDate
    ? `${start}, ${event.startTime}–${event.endTime}`
    : `${start}, ${event.startTime} – ${end}, ${event.endTime}`;
}

function EventItem({
  event,
  teamId,
  teamTimeZone,
  canManage,
}: {
  event: TeamEventDto;
  teamId: string;
  teamTimeZone: string;
  canManage: boolean;
}) {
  const cancelled = event.status === 'cancelled';
  return (
    <li className="flex flex-wrap items-start gap-x-2 gap-y-2 px-5 py-3">
      <div className="mr-2 min-w-0 flex-1">
        <h3 className="font-medium">
          <span className={cancelled ? 'text-slate-500 line-through' : undefined}>
            {event.title}
          </span>
          {cancelled && (
            <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-600">
              Cancelled
            </span>
          )}
        </h3>
        <p className={`text-sm ${cancelled ? 'text-slate-500 line-through' : 'text-slate-700'}`}>
          <time dateTime={event.startsAt?.toISOString() ?? event.startDate}>
            {describeWhen(event)}
          </time>
          {event.allDay && <span className="ml-1 text-xs text-slate-500">(all day)</span>}
          {!event.allDay && event.timeZone !== teamTimeZone && (
            <span className="ml-1 text-xs text-slate-500">({event.timeZone})</span>
          )}
        </p>
        {event.location && (
          <p className="text-sm text-slate-600">
            <span className="text-slate-500">Location: </span>
            {event.location}
          </p>
        )}
        {event.description && (
          <p className="mt-1 text-sm whitespace-pre-line text-slate-500">{event.description}</p>
        )}
      </div>
      {canManage && !cancelled && (
        <>
          <TeamEventEditor
            teamId={teamId}
            timeZone={teamTimeZone}
            event={{
              id: event.id,
              title: event.title,
              allDay: event.allDay,
              startDate: event.startDate,
              startTime: event.startTime,
              endDate: event.endDate,
              endTime: event.endTime,
              location: event.location,
              description: event.description,
              sequence: event.sequence,
            }}
            panelClassName="order-last basis-full rounded-lg border border-slate-200 bg-slate-50 p-4"
          />
          <CancelTeamEventButton teamId={teamId} eventId={event.id} title={event.title} />
        </>
      )}
    </li>
  );
}

/**
 * The team's events: upcoming ones, and the recent past folded away. Managers of the team and
 * admins also get the controls to add, edit and cancel events.
 */
export async function TeamEventsSection({
  teamId,
  timeZone,
}: {
  teamId: string;
  timeZone: string;
}) {
  const actor = await requireActor();
  const now = TZDate.tz(timeZone);
  const today = format(now, 'yyyy-MM-dd');
  const [events, canManage] = await Promise.all([
    listTeamEvents(actor, teamId, {
      from: format(addDays(now, -RECENT_PAST_DAYS), 'yyyy-MM-dd'),
      to: format(addYears(now, TEAM_EVENT_WINDOW_YEARS), 'yyyy-MM-dd'),
    }),
    canManageTeamEvents(actor, teamId),
  ]);
  const isOver = (e: TeamEventDto) => (e.endsAt ? e.endsAt <= now : e.endDate < today);
  const upcoming = events.filter((e) => !isOver(e));
  const past = events.filter(isOver).reverse();
  const item = (event: TeamEventDto) => (
    <EventItem
      key={event.id}
      event={event}
      teamId={teamId}
      teamTimeZone={timeZone}
      canManage={canManage}
    />
  );

  return (
    <section
      aria-labelledby="events-heading"
      className="mt-8 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
        <div>
          <h2 id="events-heading" className="font-semibold">
            Team events
          </h2>
          <p className="text-xs text-slate-500">Offsites, client visits, bookings · {timeZone}</p>
        </div>
        {canManage && (
          <TeamEventEditor
            teamId={teamId}
            timeZone={timeZone}
            panelClassName="order-last basis-full border-t border-slate-200 pt-4"
          />
        )}
      </div>
      {upcoming.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">No upcoming events.</p>
      ) : (
        <ul aria-label="Upcoming events" className="divide-y divide-slate-100">
          {upcoming.map(item)}
        </ul>
      )}
      {past.length > 0 && (
        <details className="border-t border-slate-200">
          <summary className="cursor-pointer px-5 py-3 text-sm text-slate-600 hover:bg-slate-50">
            Past events, last {RECENT_PAST_DAYS} days ({past.length})
          </summary>
          <ul
            aria-label="Past events"
            className="divide-y divide-slate-100 border-t border-slate-100"
          >
            {past.map(item)}
          </ul>
        </details>
      )}
    </section>
  );
}
