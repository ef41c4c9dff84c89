import { useTranslations } from 'next-intl';

/**
 * A wide table's own sideways scroller, so the page never scrolls sideways on a phone: a named
 * region that keyboard users can focus and scroll with the arrow keys. One per page; its name
 * does not repeat its section's, so a section is still found by its name alone. It is `relative`
 * so that it clips its absolutely placed descendants too (visually hidden column names), which
 * would otherwise widen the page.
 */
export function ScrollTable({ children }: { children: React.ReactNode }) {
  const t = useTranslations('admin.common');
  return (
    <div
      role="region"
      aria-label={t('scrollTable')}
      tabIndex={0}
      className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-600"
    >
      {children}
    </div>
  );
}
