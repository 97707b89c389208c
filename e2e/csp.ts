import { expect, type Page } from "@playwright/test";

/**
 * Collects what the browser refused under the site's policies: the console's "Content Security
 * Policy" / "Permissions policy" messages and the `securitypolicyviolation` events. Call before
 * the first navigation; `expectNoViolations` after the pages were used.
 */
export async function watchPolicyViolations(page: Page) {
  const seen: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Permissions policy/i.test(text)) seen.push(`console: ${text}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __policyViolations: string[] };
    w.__policyViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__policyViolations.push(`${e.violatedDirective} ← ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return {
    /** Fails with every refusal seen so far, on this page and the ones before. */
    async expectNone(label: string) {
      const events = await page.evaluate(() => (window as unknown as { __policyViolations?: string[] }).__policyViolations ?? []);
      seen.push(...events.map((e) => `event: ${e}`));
      expect(seen, `policy violations on ${label}`).toEqual([]);
    },
  };
}
