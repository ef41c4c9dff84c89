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

/** The type's rules as keys of admin.absenceTypes.rule, for the list. */
export function typeRules(type: AdminAbsenceType) {
  return (
    [
      type.isPrivate ? 'private' : null,
      type.requiresApproval ? 'approval' : 'atOnce',
      type.countsAgainstAllowance
        ? type.overAllowance === 'refuse'
          ? 'neverBeyond'
          : 'beyondWarn'
        : null,
    ] as const
  ).filter((rule) => rule !== null);
}

/** Active or retired, as a key of admin.absenceTypes.status, with its badge colours. */
export const typeStatus = (type: { active: boolean }) =>
  type.active
    ? ({ key: 'active', style: 'bg-green-100 text-green-800' } as const)
    : ({ key: 'retired', style: 'bg-slate-200 text-slate-700' } as const);
