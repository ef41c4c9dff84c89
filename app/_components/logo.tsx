/** The mark and the name; `compact` keeps only the mark on a phone (the link names it). */
export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-brand-600" fill="none">
        <rect x="3" y="4.5" width="18" height="16" rx="3" stroke="currentColor" strokeWidth="1.8" />
        <path
          d="M3 9.5h18M8 2.5v4M16 2.5v4"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
        />
        <path
          d="m8.5 14.5 2.2 2.2 4.8-4.7"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
        />
      </svg>
      <span className={compact ? 'max-sm:sr-only' : undefined}>TeamCal</span>
    </span>
  );
}
