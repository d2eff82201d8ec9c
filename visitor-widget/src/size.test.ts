/**
 * The bundle budget: widget.js with every language must stay under 15 KB gzipped (a visitor pays
 * for it on every page view). Builds with the same options as `npm run build`, in memory, and
 * measures as the README does, with `gzip -9` (node's zlib packs the same file some 2 % larger).
 */
import { spawnSync } from "node:child_process";
import { build, type BuildOptions } from "esbuild";
import { describe, expect, it } from "vitest";

const BUDGET_BYTES = 15_000;
const buildScript: string = "../build.mjs";

describe("widget.js", () => {
  it(`stays under ${BUDGET_BYTES} bytes gzipped`, async () => {
    const { widgetBuildOptions } = (await import(/* @vite-ignore */ buildScript)) as { widgetBuildOptions: BuildOptions };
    const result = await build({ ...widgetBuildOptions, write: false, sourcemap: false, logLevel: "silent" });
    const bundle = result.outputFiles?.find((file) => file.path.endsWith("widget.js"));
    expect(bundle).toBeDefined();
    const gzip = spawnSync("gzip", ["-9", "-c"], { input: bundle!.contents });
    expect(gzip.status).toBe(0);
    const gzipped = gzip.stdout.length;
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
    // The translations are in it, as UTF-8.
    expect(bundle!.text).toContain("تحدّث معنا");
    expect(bundle!.text).toContain("Schreiben Sie uns");
  });
});
