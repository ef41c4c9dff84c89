import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// axe-core runs inside the page through the DevTools protocol, which the page's
// Content-Security-Policy does not govern, so the scan sees the page exactly as users get it.

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Fails with each violation (rule, impact, elements) of every axe rule, whatever its impact; on
 * the whole page, or only inside the element `within` selects (e.g. an open dialog).
 */
export async function expectNoAxeViolations(
  page: Page,
  where: string,
  within?: string,
): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (selector) => {
    const results = await (
      window as unknown as {
        axe: { run: (c: Document | Element) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(selector ? document.querySelector(selector)! : document);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, within);
  const described = violations.map(
    (v) =>
      `${v.impact} ${v.id} (${v.help}): ${v.nodes
        .slice(0, 5)
        .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`)
        .join(' | ')}`,
  );
  expect(described, `axe violations on ${where}`).toEqual([]);
}
