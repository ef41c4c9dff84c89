import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  endOfMonth,
  endOfWeek,
  format,
  parseISO,
  startOfMonth,
  startOfWeek,
} from 'date-fns';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { z } from 'zod';
import { formatDate, formatMonth } from '@/lib/i18n/format';
import { requireActor } from '@/lib/auth';
import { findCalendarForActor } from '@/lib/dal/calendars';
import { isCalendarDate } from '@/lib/workdays';
import { CalendarMenuFor } from '../_calendar/calendar-menu-loader';
import { EventsSection, type ListedRange } from '../_calendar/events-section';
import { OwnAbsencesForm } from './own-absences-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('myCalendar'))('title') };
}

type Translator = Awaited<ReturnType<typeof getTranslations<'myCalendar'>>>;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const viewSchema = (today: string) =>
  z.object({
    view: z.enum(['week', 'month']).catch('week').default('week'),
    at: z.string().refine(isCalendarDate).catch(today).default(today),
  });

const day = (date: Date) => format(date, 'yyyy-MM-dd');

/** The week (Monday first) or month around `at`, with links to move and to switch views. */
function listedRange(
  view: 'week' | 'month',
  at: string,
  t: Translator,
  locale: string,
): ListedRange {
  const date = parseISO(at);
  const [from, to, previous, next] =
    view === 'week'
      ? [
          startOfWeek(date, { weekStartsOn: 1 }),
          endOfWeek(date, { weekStartsOn: 1 }),
          addDays(date, -7),
          addDays(date, 7),
        ]
      : [startOfMonth(date), endOfMonth(date), addMonths(date, -1), addMonths(date, 1)];
  const href = (v: string, d: Date | string) =>
    `/calendar?view=${v}&at=${typeof d === 'string' ? d : day(d)}`;
  const label =
    view === 'week'
      ? t('theWeekOf', { date: formatDate(day(from), locale) })
      : formatMonth(day(from).slice(0, 7), locale);
  const link = 'rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100';
  return {
    from: day(from),
    to: day(to),
    label,
    navigation: (
      <nav aria-label={t('period')} className="flex flex-wrap items-center gap-2 text-sm">
        <Link href={href(view, previous)} className={link}>
          {view === 'week' ? t('previousWeek') : t('previousMonth')}
        </Link>
        <span className="font-medium" aria-current="page">
          {view === 'week' ? t('weekOf', { date: formatDate(day(from), locale) }) : label}
        </span>
        <Link href={href(view, next)} className={link}>
          {view === 'week' ? t('nextWeek') : t('nextMonth')}
        </Link>
        <span className="ml-auto flex gap-1" role="group" aria-label={t('view')}>
          {(['week', 'month'] as const).map((v) => (
            <Link
              key={v}
              href={href(v, at)}
              aria-current={v === view ? 'true' : undefined}
              className={`${link} aria-[current=true]:bg-brand-50 aria-[current=true]:font-medium`}
            >
              {v === 'week' ? t('week') : t('month')}
            </Link>
          ))}
        </span>
      </nav>
    ),
  };
}

/**
 * A person's own calendar (seed 002): their appointments with addresses, listed by week or month,
 * which they may subscribe to, export, or publish for a mileage app or their team.
 */
export default async function MyCalendarPage({ searchParams }: Props) {
  const actor = await requireActor();
  const calendar = await findCalendarForActor(actor, { kind: 'person' });
  const today = day(TZDate.tz(calendar.timeZone));
  const { view, at } = viewSchema(today).parse(await searchParams);
  const [t, locale] = await Promise.all([getTranslations('myCalendar'), getLocale()]);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {t.rich('intro', {
              timeZone: calendar.timeZone,
              link: (chunks) => (
                <Link href="/profile" className="text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
        <CalendarMenuFor actor={actor} calendar={calendar} />
      </header>
      <EventsSection
        calendar={calendar}
        heading={t('appointments')}
        subheading={t('appointmentsSub')}
        kind={{ noun: 'appointment', rooms: [] }}
        range={listedRange(view, at, t, locale)}
      />
      <section
        aria-labelledby="calendar-settings-heading"
        className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="calendar-settings-heading" className="mb-3 font-semibold">
          {t('settingsHeading')}
        </h2>
        <OwnAbsencesForm shown={calendar.includesOwnAbsences} />
      </section>
    </div>
  );
}
