// Accessibility audit with axe-core, injected into the page under test. axe walks open shadow
// roots, so auditing the widget's host element covers the panel inside its shadow DOM.
import { createRequire } from "node:module";

const axeSource = createRequire(import.meta.url)("axe-core").source;

/** Impacts that fail the test; "minor" and "moderate" findings are printed only. */
const FAILING_IMPACTS = new Set(["serious", "critical"]);

/** Nodes a rule looked at inside a shadow root: axe names them by a selector path (an array). */
const inShadow = (nodes) => nodes.filter((node) => Array.isArray(node.target[0]) || node.target.length > 1).length;

/**
 * Runs axe-core on `selector` (default: the widget host, with its shadow tree) and throws when it
 * finds a serious or critical violation. Also throws if axe examined nothing inside the shadow
 * root, so a widget axe cannot see never passes by accident.
 * @returns {Promise<{checked: number, minor: string[]}>}
 */
export async function expectNoSeriousViolations(page, what, selector = "#ringdesk-widget") {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    (include) => window.axe.run({ include: [include] }, { resultTypes: ["violations", "passes"] }),
    selector,
  );
  const checked = results.passes.reduce((sum, rule) => sum + inShadow(rule.nodes), 0);
  if (checked === 0) throw new Error(`axe (${what}): no element inside the widget's shadow root was checked`);
  const describe = (rule) =>
    `${rule.impact} ${rule.id}: ${rule.help}\n${rule.nodes
      .map((node) => `    ${JSON.stringify(node.target)} ${node.failureSummary?.split("\n").slice(1).join(" ").trim() ?? ""}`)
      .join("\n")}`;
  const failing = results.violations.filter((rule) => FAILING_IMPACTS.has(rule.impact));
  if (failing.length > 0) {
    throw new Error(`axe (${what}) found ${failing.length} serious or critical violation(s):\n  ${failing.map(describe).join("\n  ")}`);
  }
  return { checked, minor: results.violations.map((rule) => `${rule.impact} ${rule.id}`) };
}
