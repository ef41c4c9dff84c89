import Link from 'next/link';
import type { TokenFilter } from '@/lib/admin-validation';
import { hrefWith } from '../_components/pagination';
import { input, primaryButton, secondaryButton } from '../_components/ui';

const select = `${input} py-1.5`;

/** The filter form: a plain GET, so every filtered view has an address to share or reload. */
export function TokenFilters({
  filter,
  teams,
}: {
  filter: TokenFilter;
  teams: Array<{ id: string; name: string }>;
}) {
  return (
    <form
      role="search"
      aria-label="Filter links"
      className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-3 lg:grid-cols-7"
    >
      {filter.owner && <input type="hidden" name="owner" value={filter.owner} />}
      <div>
        <label htmlFor="filter-team" className="block text-xs font-medium text-slate-600">
          Team
        </label>
        <select id="filter-team" name="team" defaultValue={filter.team ?? ''} className={select}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-calendar" className="block text-xs font-medium text-slate-600">
          Calendar
        </label>
        <select
          id="filter-calendar"
          name="calendar"
          defaultValue={filter.calendar ?? ''}
          className={select}
        >
          <option value="">All calendars</option>
          <option value="team">Team calendars</option>
          <option value="person">Personal calendars</option>
          <option value="resource">Resource calendars</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-who" className="block text-xs font-medium text-slate-600">
          Owner or guest
        </label>
        <input
          id="filter-who"
          name="who"
          type="search"
          maxLength={100}
          placeholder="Name or email"
          defaultValue={filter.who}
          className={select}
        />
      </div>
      <div>
        <label htmlFor="filter-kind" className="block text-xs font-medium text-slate-600">
          Kind
        </label>
        <select id="filter-kind" name="kind" defaultValue={filter.kind ?? ''} className={select}>
          <option value="">All kinds</option>
          <option value="personal">Personal subscription</option>
          <option value="public">Public link</option>
          <option value="guest">Guest share</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-status" className="block text-xs font-medium text-slate-600">
          Status
        </label>
        <select
          id="filter-status"
          name="status"
          defaultValue={filter.status ?? ''}
          className={select}
        >
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="expired">Expired</option>
          <option value="revoked">Revoked</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-sort" className="block text-xs font-medium text-slate-600">
          Sort by
        </label>
        <select id="filter-sort" name="sort" defaultValue={filter.sort} className={select}>
          <option value="created">Created</option>
          <option value="last_used">Last used</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-dir" className="block text-xs font-medium text-slate-600">
          Order
        </label>
        <select id="filter-dir" name="dir" defaultValue={filter.dir} className={select}>
          <option value="desc">Most recent first</option>
          <option value="asc">Oldest first</option>
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-3 lg:col-span-6">
        <button type="submit" className={primaryButton}>
          Apply
        </button>
        <Link href="/admin/tokens" className={secondaryButton}>
          Clear
        </Link>
        <a
          href={hrefWith('/admin/tokens/export', { ...filter, page: undefined })}
          download
          className={`${secondaryButton} ml-auto`}
        >
          Export these as CSV
        </a>
      </div>
    </form>
  );
}
