import type { AdminAbsenceType } from '@/lib/dal/admin-absence-types';

// How the admin pages show a type: its colour, its rules in words, whether it is retired.

export function ColorSwatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden
      className="inline-block size-3 shrink-0 rounded-sm border border-black/10"
      // The type's own colour, checked as #rrggbb by the database.
      style={{ backgroundColor: color }}
    />
  );
}

/** The type's rules as short phrases, for the list. */
export function typeRules(type: AdminAbsenceType): string[] {
  return [
    type.isPrivate ? 'Private (health data)' : null,
    type.requiresApproval ? 'Needs approval' : 'Approved at once',
    type.countsAgainstAllowance
      ? type.overAllowance === 'refuse'
        ? 'Counts against the allowance, never beyond'
        : 'Counts against the allowance, beyond it with a warning'
      : null,
  ].filter((rule) => rule !== null);
}

export const typeStatus = (type: { active: boolean }) =>
  type.active
    ? { label: 'Active', style: 'bg-green-100 text-green-800' }
    : { label: 'Retired', style: 'bg-slate-200 text-slate-700' };
