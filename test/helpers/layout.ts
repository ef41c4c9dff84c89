import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Nothing sticks out sideways: the page does not scroll sideways, and no element of an open dialog
 * or menu goes past the screen's right edge (where their own scrollers would hide it, cut off).
 */
export async function expectNothingSticksOut(page: Page, where: string) {
  const culprits = await page.evaluate(() => {
    const root = document.documentElement;
    const found =
      root.scrollWidth > root.clientWidth
        ? [`the page is ${root.scrollWidth - root.clientWidth} px too wide`]
        : [];
    for (const popup of document.querySelectorAll('dialog[open], [role="menu"]:not([hidden])'))
      for (const element of popup.querySelectorAll<HTMLElement>('*'))
        if (element.getBoundingClientRect().right > window.innerWidth + 0.5)
          found.push(`${element.tagName} “${element.textContent?.trim().slice(0, 40)}”`);
    return found.slice(0, 5);
  });
  expect(culprits, `${where}: sticks out sideways`).toEqual([]);
}
