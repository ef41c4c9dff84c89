import Link from 'next/link';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('admin.tokens.filters');
  return (
    <form
      role="search"
      aria-label={t('label')}
      className="grid gap-3 *:min-w-0 border-b border-slate-200 p-4 sm:grid-cols-3 lg:grid-cols-7"
    >
      {filter.owner && <input type="hidden" name="owner" value={filter.owner} />}
      <div>
        <label htmlFor="filter-team" className="block text-xs font-medium text-slate-600">
          {t('team')}
        </label>
        <select id="filter-team" name="team" defaultValue={filter.team ?? ''} className={select}>
          <option value="">{t('allTeams')}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-calendar" className="block text-xs font-medium text-slate-600">
          {t('calendar')}
        </label>
        <select
          id="filter-calendar"
          name="calendar"
          defaultValue={filter.calendar ?? ''}
          className={select}
        >
          <option value="">{t('allCalendars')}</option>
          <option value="team">{t('teamCalendars')}</option>
          <option value="person">{t('personCalendars')}</option>
          <option value="resource">{t('resourceCalendars')}</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-who" className="block text-xs font-medium text-slate-600">
          {t('who')}
        </label>
        <input
          id="filter-who"
          name="who"
          type="search"
          maxLength={100}
          placeholder={t('whoPlaceholder')}
          defaultValue={filter.who}
          className={select}
        />
      </div>
      <div>
        <label htmlFor="filter-kind" className="block text-xs font-medium text-slate-600">
          {t('kind')}
        </label>
        <select id="filter-kind" name="kind" defaultValue={filter.kind ?? ''} className={select}>
          <option value="">{t('allKinds')}</option>
          <option value="personal">{t('personal')}</option>
          <option value="public">{t('public')}</option>
          <option value="guest">{t('guest')}</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-status" className="block text-xs font-medium text-slate-600">
          {t('status')}
        </label>
        <select
          id="filter-status"
          name="status"
          defaultValue={filter.status ?? ''}
          className={select}
        >
          <option value="">{t('anyStatus')}</option>
          <option value="active">{t('active')}</option>
          <option value="expired">{t('expired')}</option>
          <option value="revoked">{t('revoked')}</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-sort" className="block text-xs font-medium text-slate-600">
          {t('sort')}
        </label>
        <select id="filter-sort" name="sort" defaultValue={filter.sort} className={select}>
          <option value="created">{t('created')}</option>
          <option value="last_used">{t('lastUsed')}</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-dir" className="block text-xs font-medium text-slate-600">
          {t('order')}
        </label>
        <select id="filter-dir" name="dir" defaultValue={filter.dir} className={select}>
          <option value="desc">{t('desc')}</option>
          <option value="asc">{t('asc')}</option>
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-3 lg:col-span-6">
        <button type="submit" className={primaryButton}>
          {t('apply')}
        </button>
        <Link href="/admin/tokens" className={secondaryButton}>
          {t('clear')}
        </Link>
        <a
          href={hrefWith('/admin/tokens/export', { ...filter, page: undefined })}
          download
          className={`${secondaryButton} ml-auto`}
        >
          {t('export')}
        </a>
      </div>
    </form>
  );
}
