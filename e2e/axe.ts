import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Scans the page with axe for WCAG 2.1 A and AA and fails with a readable list:
 * rule, impact, what to fix and the elements concerned.
 */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `      - ${n.target.join(" ")}\n        ${(n.failureSummary ?? "").replace(/\n/g, "\n        ")}`)
      .join("\n");
    const more = v.nodes.length > 5 ? `\n      … et ${v.nodes.length - 5} autre(s)` : "";
    return `  • ${v.id} (${v.impact ?? "?"}) : ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
  });
  expect(results.violations.length, `Violations d'accessibilité sur ${label} :\n${report.join("\n")}`).toBe(0);
}

/** No sideways scrolling on a phone: the page must fit its viewport width. */
export async function expectNoHorizontalScroll(page: Page, width = 360): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `La page ${page.url()} défile horizontalement (${scrollWidth} px pour ${width} px)`).toBeLessThanOrEqual(width);
}
