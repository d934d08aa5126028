import { expect, type Locator, type Page } from '@playwright/test';

export const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

interface Placement {
  insideViewport: boolean;
  clippedBy: string | null;
  coveredBy: string | null;
}

/**
 * Fails when a primary action is outside the viewport, cut off by a scrolling or clipping ancestor,
 * or covered by something else (a toast, a sticky bar). `scroll: true` first scrolls it into view
 * (on a phone the page scrolls); without it the action must be visible as the page stands.
 */
export async function expectActionInView(action: Locator, name: string, options: { scroll?: boolean } = {}): Promise<void> {
  await expect(action, `${name} is rendered`).toBeVisible();
  // As an agent would scroll to it: into the middle of the screen, clear of the sticky header.
  if (options.scroll) await action.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const placement = await action.evaluate((element): Placement => {
    const box = element.getBoundingClientRect();
    const describe = (node: Element) => `<${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''} class="${String(node.getAttribute('class') ?? '').slice(0, 80)}">${(node.textContent ?? '').trim().slice(0, 40)}`;
    const insideViewport = box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth + 0.5 && box.bottom <= window.innerHeight + 0.5;
    let clippedBy: string | null = null;
    for (let parent = element.parentElement; parent && !clippedBy; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (!/hidden|auto|scroll|clip/.test(`${style.overflowX} ${style.overflowY}`)) continue;
      const clip = parent.getBoundingClientRect();
      if (box.top < clip.top - 0.5 || box.bottom > clip.bottom + 0.5 || box.left < clip.left - 0.5 || box.right > clip.right + 0.5) clippedBy = describe(parent);
    }
    let coveredBy: string | null = null;
    for (const [x, y] of [
      // The middle and both ends of the centre line (clear of rounded corners, which hit-testing honours).
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + Math.min(10, box.width / 4), box.top + box.height / 2],
      [box.right - Math.min(10, box.width / 4), box.top + box.height / 2],
    ] as const) {
      const top = document.elementFromPoint(x, y);
      if (!top || !(top === element || element.contains(top))) coveredBy = top ? describe(top) : 'nothing (outside the viewport)';
    }
    return { insideViewport, clippedBy, coveredBy };
  });
  expect(placement, `${name} must be fully in view, not clipped and not covered`).toEqual({ insideViewport: true, clippedBy: null, coveredBy: null });
}

/** A capture of the current screen at its viewport size (not the full page: what the agent sees). */
export async function viewportScreenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.UPDATE_SCREENSHOTS === '1' ? 'e2e/screenshots' : 'test-results/screenshots';
  await page.screenshot({ path: `${folder}/${name}.png` });
}
