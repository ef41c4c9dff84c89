import Link from 'next/link';
import { formatDate } from '@/lib/i18n/format';
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
const monthInitial = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

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
      ? `At most ${busiest.approved} of ${memberCount} members away on a working day, first on ${formatDate(busiest.date)}.`
      : `Nobody is away on a working day in this period.`;
  const holidays = coverage.filter((day) => day.dayOff && day.dayOff !== 'Weekend').length;

  return (
    <section
      aria-labelledby="coverage-heading"
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-5 py-3">
        <h2 id="coverage-heading" className="font-semibold">
          Members away per day · {title}
        </h2>
        <nav aria-label="Coverage range" className="flex gap-1 text-sm">
          {(['month', 'year'] as const).map((option) => (
            <Link
              key={option}
              href={viewHref(option)}
              aria-current={option === view ? 'true' : undefined}
              className={`rounded-md border px-2 py-1 ${option === view ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 hover:bg-slate-100'}`}
            >
              {option === 'month' ? 'Month' : 'Year'}
            </Link>
          ))}
        </nav>
      </div>
      <figure className="px-5 py-4">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby="coverage-title coverage-summary"
          className="h-auto w-full"
        >
          <title id="coverage-title">{`Members away per day, ${title}`}</title>
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
            const label = dayLabel(day, index, view);
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
                    <title>{`${formatDate(day.date)}: ${day.dayOff}, not a working day`}</title>
                  </rect>
                ) : (
                  <rect
                    x={x}
                    y={y(day.approved)}
                    width={barWidth}
                    height={plotHeight - (y(day.approved) - MARGIN.top)}
                    className="fill-brand-600"
                  >
                    <title>{`${formatDate(day.date)}: ${day.approved} away, ${day.pending} pending`}</title>
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
        <figcaption
          id="coverage-summary"
          className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600"
        >
          <span>{summary}</span>
          <span className="flex items-center gap-1.5">
            <span className="h-3 w-3 rounded-sm bg-brand-600" aria-hidden="true" /> Approved
          </span>
          <span className="flex items-center gap-1.5">
            <span className="h-3 w-3 rounded-sm bg-amber-400" aria-hidden="true" /> Pending
          </span>
          <span className="flex items-center gap-1.5">
            <span className="h-3 w-3 rounded-sm bg-slate-200" aria-hidden="true" /> Weekends
            {holidays > 0
              ? ` and ${holidays} public ${holidays === 1 ? 'holiday' : 'holidays'}`
              : ''}
            : not working days, nobody counts as away
          </span>
        </figcaption>
      </figure>
    </section>
  );
}

/** Day numbers every few days in a month; the month's name where it starts in a year. */
function dayLabel(day: CoverageDay, index: number, view: 'month' | 'year'): string {
  const dayOfMonth = Number(day.date.slice(8));
  if (view === 'year')
    return dayOfMonth === 1 ? monthInitial.format(new Date(`${day.date}T00:00:00Z`)) : '';
  return index === 0 || dayOfMonth % 5 === 0 ? String(dayOfMonth) : '';
}
