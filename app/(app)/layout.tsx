import { SignedInShell } from '@/app/_components/signed-in-shell';
import { requireActor } from '@/lib/auth';

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <SignedInShell
      actor={actor}
      messages={['absences', 'calendar', 'myCalendar', 'profile', 'resources', 'share', 'teams']}
    >
      {children}
    </SignedInShell>
  );
}
