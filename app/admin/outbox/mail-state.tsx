import { useTranslations } from 'next-intl';
import type { MailState } from '@/lib/dal/outbox';

const STYLES: Record<MailState, string> = {
  held: 'bg-slate-100 text-slate-700',
  queued: 'bg-amber-100 text-amber-900',
  sent: 'bg-green-100 text-green-800',
  failed: 'bg-red-100 text-red-800',
};

export function MailStateBadge({ state }: { state: MailState }) {
  const t = useTranslations('admin.outbox.states');
  return <span className={`rounded-full px-2 py-0.5 text-xs ${STYLES[state]}`}>{t(state)}</span>;
}
