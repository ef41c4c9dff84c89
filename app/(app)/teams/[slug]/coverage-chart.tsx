import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatDate, formatShortMonth } from '@/lib/i18n/format';
import type { CoverageDay } from '@/lib/dal/team-statistics';

interface CoverageChartProps {
  coverage: CoverageDay[];
  view: 'month' | 'year';
  memberCount: number;
  title: string;
  /** Builds the link to the other view, keeping the rest of the page's period. */
  viewHref: (view: 'month' | 'year') => string;
}

const WIDTH = 720;
const HEIGHT = 180;
const MARGIN = { top: 10, right: 8, bottom: 24, left: 28 };

/**
 * A stacked bar per working day (approved, then pending) drawn on the server as SVG. Weekends and
 * public holidays are nobody's working days: greyed, with nobody counted as away.
 */
export function CoverageChart({
  coverage,
  view,
  memberCount,
  title,
  viewHref,
}: CoverageChartProps) {
  const t = useTranslations('teams.chart');
  const locale = useLocale();
  const peak = Math.max(1, memberCount, ...coverage.map((d) => d.approved + d.pending));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotWidth / Math.max(1, coverage.length);
  const barWidth = Math.max(1, step - (view === 'month' ? 3 : 0.5));
  const y = (value: number) => MARGIN.top + plotHeight - (value / peak) * plotHeight;
  const ticks = [...new Set([0, Math.round(peak / 2), peak])];
  const busiest = coverage.reduce<CoverageDay | undefined>(
    (top, day) => (!top || day.approved > top.approved ? day : top),
    undefined,
  );
  const summary =
    busiest && busiest.approved > 0
      ? t('busiest', {
          away: busiest.approved,
          members: memberCount,
          date: formatDate(busiest.date, locale),
        })
      : t('nobody');
  const holidays = coverage.filter((day) => day.dayOff && day.dayOff !== 'Weekend').length;

  return (
    <section
      aria-labelledby="coverage-heading"
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3 sm:px-5">
        <h2 id="coverage-heading" className="font-semibold">
          {t('heading', { title })}
        </h2>
        <nav aria-label={t('rangeNav')} className="flex gap-1 text-sm">
          {(['month', 'year'] as const).map((option) => (
            <Link
              key={option}
              href={viewHref(option)}
              aria-current={option === view ? 'true' : undefined}
              className={`rounded-md border px-2 py-1 ${option === view ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 hover:bg-slate-100'}`}
            >
              {t(option)}
            </Link>
          ))}
        </nav>
      </div>
      <figure className="px-4 py-4 sm:px-5">
        {/* On a phone the chart keeps a readable size and scrolls sideways in its own region. */}
        <div
          tabIndex={0}
          role="region"
          aria-label={t('scroller', { title })}
          className="relative overflow-x-auto"
        >
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-labelledby="coverage-title coverage-summary"
            className="h-auto w-full min-w-[720px] md:min-w-0"
          >
            <title id="coverage-title">{t('title', { title })}</title>
            {ticks.map((tick) => (
              <g key={tick}>
                <line
                  x1={MARGIN.left}
                  x2={WIDTH - MARGIN.right}
                  y1={y(tick)}
                  y2={y(tick)}
                  className="stroke-slate-200"
                />
                <text
                  x={MARGIN.left - 6}
                  y={y(tick) + 4}
                  textAnchor="end"
                  className="fill-slate-500 text-[10px]"
                >
                  {tick}
                </text>
              </g>
            ))}
            {coverage.map((day, index) => {
              const x = MARGIN.left + index * step;
              const label = dayLabel(day, index, view, locale);
              return (
                <g key={day.date}>
                  {day.dayOff ? (
                    <rect
                      x={x}
                      y={MARGIN.top}
                      width={step}
                      height={plotHeight}
                      data-day-off={day.dayOff}
                      className="fill-slate-200"
                    >
                      <title>
                        {t('dayOff', {
                          date: formatDate(day.date, locale),
                          reason: day.dayOff === 'Weekend' ? t('weekend') : day.dayOff,
                        })}
                      </title>
                    </rect>
                  ) : (
                    <rect
                      x={x}
                      y={y(day.approved)}
                      width={barWidth}
                      height={plotHeight - (y(day.approved) - MARGIN.top)}
                      className="fill-brand-600"
                    >
                      <title>
                        {t('day', {
                          date: formatDate(day.date, locale),
                          away: day.approved,
                          pending: day.pending,
                        })}
                      </title>
                    </rect>
                  )}
                  {day.pending > 0 && (
                    <rect
                      x={x}
                      y={y(day.approved + day.pending)}
                      width={barWidth}
                      height={y(day.approved) - y(day.approved + day.pending)}
                      className="fill-amber-400"
                    />
                  )}
                  {label && (
                    <text
                      x={x + barWidth / 2}
                      y={HEIGHT - 8}
                      textAnchor={view === 'month' ? 'middle' : 'start'}
                      className="fill-slate-500 text-[10px]"
                    >
                      {label}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        </div>
        <figcaption
          id="coverage-summary"
          className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600"
        >
          <span>{summary}</span>
          <span className="flex items-center gap-1.5">
            <span className="h-3 w-3 rounded-sm bg-brand-600" aria-hidden="true" /> {t('approved')}
          </span>
          <span className="flex items-center gap-1.5">
            <span className="h-3 w-3 rounded-sm bg-amber-400" aria-hidden="true" /> {t('pending')}
          </span>
          <span className="flex items-center gap-1.5">
            <span className="h-3 w-3 shrink-0 rounded-sm bg-slate-200" aria-hidden="true" />{' '}
            {t('daysOff', { holidays })}
          </span>
        </figcaption>
      </figure>
    </section>
  );
}

/** Day numbers every few days in a month; the month's name where it starts in a year. */
function dayLabel(day: CoverageDay, index: number, view: 'month' | 'year', locale: string): string {
  const dayOfMonth = Number(day.date.slice(8));
  if (view === 'year')
    return dayOfMonth === 1 ? formatShortMonth(day.date.slice(0, 7), locale) : '';
  return index === 0 || dayOfMonth % 5 === 0 ? String(dayOfMonth) : '';
}
