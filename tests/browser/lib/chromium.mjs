// Debian's Chromium driven by playwright-core; no browser is ever downloaded.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

/** The system Chromium; CHROMIUM_PATH overrides it on other distributions. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless Chromium with a fresh profile; returns its (only) browser context. */
export async function launchChromium({ parentDir = tmpdir(), viewport = { width: 1280, height: 800 } } = {}) {
  const profile = mkdtempSync(join(parentDir, "chromium-profile-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport,
    timeout: 30000,
  });
}
