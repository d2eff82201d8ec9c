// Starts the real ringdesk-server on free ports in a throw-away data folder.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { waitUntil } from "./wait.mjs";

/** Creates an operator account with ringdesk-admin, as an administrator would. */
export function addOperator({ admin, dataDir, username, password, displayName }) {
  const result = spawnSync(
    admin,
    [`--data-dir=${dataDir}`, "user", "add", username, `--password=${password}`, `--display-name=${displayName}`],
    { encoding: "utf8", timeout: 15000 },
  );
  if (result.error) throw new Error(`cannot run ${admin}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`ringdesk-admin user add ${username} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  }
}

/** Writes a .properties file: key = value per line. */
export function writeConfig(path, settings) {
  const lines = Object.entries(settings).map(([key, value]) => `${key} = ${value}`);
  writeFileSync(path, `# Written by tests/browser for one test run.\n${lines.join("\n")}\n`);
}

function readReady(path) {
  try {
    const ready = JSON.parse(readFileSync(path, "utf8"));
    return Number.isInteger(ready.operator_port) && Number.isInteger(ready.http_port) ? ready : null;
  } catch {
    return null; // Not written yet, or written half-way.
  }
}

/**
 * Starts `server` and waits until it has written its ready file.
 * @returns {{ready: {operator_port: number, http_port: number, ims_port?: number, pid: number},
 *            logTail: () => string, stop: () => Promise<number|null>}}
 */
export async function startServer({ server, dataDir, configFile, timeoutMs = 20000 }) {
  const readyFile = join(dataDir, "ready.json");
  const logFile = join(dataDir, "server.log");
  const args = [
    `--data-dir=${dataDir}`,
    "--operator-port=0",
    "--http-port=0",
    "--ims-port=0",
    "--admin-port=0",
    `--ready-file=${readyFile}`,
    `--config=${configFile}`,
  ];
  const log = openSync(logFile, "a");
  const child = spawn(server, args, { stdio: ["ignore", log, log] });
  closeSync(log);
  let exitCode;
  const exited = new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      exitCode = code ?? signal;
      resolve(exitCode);
    }),
  );
  const logTail = () => {
    try {
      return readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
    } catch {
      return "(no server log)";
    }
  };
  const stop = async () => {
    if (exitCode !== undefined) return exitCode;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  try {
    const ready = await waitUntil(
      () => {
        if (exitCode !== undefined) throw new Error(`ringdesk-server exited (${exitCode}) before it was ready`);
        return readReady(readyFile);
      },
      { what: `${readyFile} from ringdesk-server`, timeoutMs },
    );
    return { ready, logTail, stop, args };
  } catch (error) {
    await stop();
    error.message += `\n--- server log (${server} ${args.join(" ")}) ---\n${logTail()}`;
    throw error;
  }
}
