import { useTranslations } from 'next-intl';
import { FieldError } from '@/app/_components/form-field';
import { input } from '../_components/ui';

/** Every IANA time zone the server knows (passed down: a browser's list may differ). */
export function TimeZoneSelect({
  id,
  zones,
  defaultValue,
  error,
  hint,
}: {
  id: string;
  zones: readonly string[];
  defaultValue: string;
  error?: string;
  /** What the zone is used for, under the list. */
  hint?: string;
}) {
  const t = useTranslations('admin.teams.zone');
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {t('label')}
      </label>
      <select
        id={id}
        name="timeZone"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className={input}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
      {error ? (
        <FieldError id={`${id}-error`} error={error} />
      ) : (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint ?? t('hint')}
        </p>
      )}
    </div>
  );
}
