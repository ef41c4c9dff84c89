import { SignedInShell } from '@/app/_components/signed-in-shell';
import { requireAdmin } from '@/lib/auth';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAdmin();
  return <SignedInShell actor={actor}>{children}</SignedInShell>;
}
