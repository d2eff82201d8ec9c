#!/usr/bin/env node
// End-to-end test of the visitor widget (PRODUCT.md, "The main job", steps 3–6): a visitor in
// Chromium chats with a scripted NL chat operator through the real ringdesk-server.
//
//   node widget_chat.mjs --server <ringdesk-server> --admin <ringdesk-admin> --out <screenshot dir>
//
// Exits 0 on success; on failure prints what was expected, the server log and keeps the data dir.
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CHROMIUM_PATH, launchChromium } from "./lib/chromium.mjs";
import { NlOperator } from "./lib/nl_operator.mjs";
import { addOperator, startServer, writeConfig } from "./lib/server_launcher.mjs";
import { WidgetPage } from "./lib/widget_page.mjs";

const OVERALL_TIMEOUT_MS = 60000;
const here = dirname(fileURLToPath(import.meta.url));
const widgetDir = resolve(here, "../../visitor-widget");

const { values: options } = parseArgs({
  options: { server: { type: "string" }, admin: { type: "string" }, out: { type: "string" }, verbose: { type: "boolean" } },
});
for (const name of ["server", "admin", "out"]) {
  if (!options[name]) {
    console.error(`usage: node widget_chat.mjs --server <ringdesk-server> --admin <ringdesk-admin> --out <dir> (missing --${name})`);
    process.exit(2);
  }
}

try {
  accessSync(CHROMIUM_PATH, constants.X_OK);
} catch {
  console.error(`SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(77);
}

const started = Date.now();
const transcriptLog = [];
const note = (line) => {
  const stamped = `[${((Date.now() - started) / 1000).toFixed(2)}s] ${line}`;
  transcriptLog.push(stamped);
  if (options.verbose) console.log(stamped);
};
const step = (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(2)}s] ${line}`);

const dataDir = mkdtempSync(join(tmpdir(), "ringdesk-browser-"));
let server = null;
let context = null;
let operator = null;

async function cleanUp() {
  operator?.close();
  await context?.close().catch(() => {});
  if (server) {
    const code = await server.stop();
    step(`ringdesk-server stopped (${code})`);
  }
}

async function run() {
  const outDir = resolve(options.out);
  mkdirSync(outDir, { recursive: true });
  const configFile = join(dataDir, "ringdesk-server.properties");
  writeConfig(configFile, {
    "ringdesk.operator.host": "127.0.0.1",
    "ringdesk.http.host": "127.0.0.1",
    "ringdesk.ims.host": "127.0.0.1",
    "ringdesk.http.widgetDir": join(widgetDir, "dist"),
    "ringdesk.http.demoPage": join(widgetDir, "demo", "index.html"),
    "ringdesk.keys.bits": 2048,
    "ringdesk.logLevel": "information",
  });

  addOperator({ admin: options.admin, dataDir, username: "alice", password: "secret", displayName: "Alice" });
  step("operator account alice created");
  server = await startServer({ server: options.server, dataDir, configFile });
  const { operator_port: operatorPort, http_port: httpPort } = server.ready;
  step(`ringdesk-server ready: operators on ${operatorPort}, HTTP on ${httpPort}`);

  operator = new NlOperator({ uuid: "op-alice", log: note });
  await operator.connect(operatorPort);
  await operator.login("alice", "secret");
  step("scripted operator logged in as alice");

  context = await launchChromium({ parentDir: dataDir });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => note(`page error: ${error.message}`));
  page.on("console", (message) => note(`console.${message.type()}: ${message.text()}`));
  const widget = new WidgetPage(page);
  const shopUrl = `http://127.0.0.1:${httpPort}/`;
  await widget.goto(shopUrl);
  await widget.open();
  step("demo page loaded, widget opened");

  // The visitor writes; every operator is rung; our operator accepts and wins.
  const first = "Hello, is my order shipped?";
  await widget.write(first);
  const ring = await operator.expect("ring", (p) => p.type === "ring");
  const id = ring.ID;
  await widget.expectStatus("Connecting you to an operator…");
  operator.send({ type: "ringACK", UUID: "op-alice", ID: id });
  await operator.expect("ringACKACK naming op-alice", (p) => p.type === "ringACKACK" && p.ID === id && p.UUID === "op-alice");
  await operator.expect(`msg "${first}"`, (p) => p.type === "msg" && p.ID === id && p["I/O"] === "in" && p.msg?.[0] === first);
  step(`operator accepted ring ${id} and received the first message`);
  await widget.expectStatus("Alice joined");

  // The operator types, then answers.
  operator.send({ type: "chat_state", UUID: "op-alice", "I/O": "out", state: "composing", ID: id });
  await widget.expectTyping("Alice is typing…");
  const reply = "Yes, it left our warehouse this morning.";
  operator.send({ type: "msg", msg: [reply], "I/O": "out", UUID: "op-alice", ID: id });
  await widget.expectTranscript([first, reply]);
  step("widget showed Alice, her typing and her reply");

  // The visitor answers; the operator sees the typing state and the message.
  const second = "Great, thank you! Which carrier?";
  await widget.write(second, { send: false });
  await operator.expect("visitor chat_state composing", (p) => p.type === "chat_state" && p.ID === id && p.state === "composing");
  await widget.pressEnter();
  await operator.expect(`msg "${second}"`, (p) => p.type === "msg" && p.ID === id && p["I/O"] === "in" && p.msg?.[0] === second);
  await widget.expectTranscript([first, reply, second]);
  step("operator received the visitor's second message");
  await page.screenshot({ path: join(outDir, "widget-chat.png") });

  // A reload resumes the same conversation from the stored token, without duplicates.
  await page.reload({ waitUntil: "load" });
  await widget.open();
  await widget.expectTranscript([first, reply, second]);
  await widget.expectStatus("Alice joined");
  step("after a reload the transcript was restored");

  // The same visitor on a phone-sized screen (a second tab shares the stored token).
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  const phoneWidget = new WidgetPage(phone);
  await phoneWidget.goto(shopUrl);
  await phoneWidget.open();
  await phoneWidget.expectTranscript([first, reply, second]);
  await phone.screenshot({ path: join(outDir, "widget-chat-phone.png") });
  await phone.close();
  step(`screenshots saved in ${outDir}`);

  // The operator ends the chat; the visitor is told and offered a new one.
  operator.send({ type: "disassociate", UUID: "op-alice", ID: id });
  await widget.expectStatus("Chat ended");
  await widget.expectVisibleText("Start a new chat");
  step("widget showed that the chat ended");
}

const watchdog = setTimeout(() => fail(new Error(`the test took longer than ${OVERALL_TIMEOUT_MS / 1000} s`)), OVERALL_TIMEOUT_MS);
let failing = false;

async function fail(error) {
  if (failing) return;
  failing = true;
  console.error(`\nFAILED: ${error.message}`);
  if (transcriptLog.length > 0) console.error(`\n--- protocol and page log ---\n${transcriptLog.slice(-40).join("\n")}`);
  if (server) console.error(`\n--- server log ---\n${server.logTail()}`);
  await cleanUp().catch((cleanupError) => console.error(`clean-up failed: ${cleanupError.message}`));
  console.error(`\ndata dir kept for inspection: ${dataDir}`);
  process.exit(1);
}

try {
  await run();
  clearTimeout(watchdog);
  await cleanUp();
  rmSync(dataDir, { recursive: true, force: true });
  step("PASSED");
  process.exit(0);
} catch (error) {
  clearTimeout(watchdog);
  await fail(error);
}
