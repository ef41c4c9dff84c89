import type { MailState } from '@/lib/dal/outbox';

const STATES: Record<MailState, { label: string; style: string }> = {
  held: { label: 'In the outbox', style: 'bg-slate-100 text-slate-700' },
  queued: { label: 'Queued', style: 'bg-amber-100 text-amber-900' },
  sent: { label: 'Sent', style: 'bg-green-100 text-green-800' },
  failed: { label: 'Failed', style: 'bg-red-100 text-red-800' },
};

export const MAIL_STATE_LABELS = Object.fromEntries(
  Object.entries(STATES).map(([state, { label }]) => [state, label]),
) as Record<MailState, string>;

export function MailStateBadge({ state }: { state: MailState }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs ${STATES[state].style}`}>
      {STATES[state].label}
    </span>
  );
}
