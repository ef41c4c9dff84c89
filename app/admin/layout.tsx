import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignedInShell } from '@/app/_components/signed-in-shell';
import { requireAdmin } from '@/lib/auth';
import { AdminNav } from './_components/admin-nav';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAdmin();
  return (
    <SignedInShell actor={actor} messages={['admin']}>
      <AdminNav />
      {children}
    </SignedInShell>
  );
}
