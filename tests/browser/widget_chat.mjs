#!/usr/bin/env node
// End-to-end test of the visitor widget (PRODUCT.md, "The main job", steps 3–6): a visitor in
// Chromium chats with a scripted NL chat operator through the real ringdesk-server. Then the
// embed options: a German host page with a custom accent and an Arabic, right-to-left panel; each
// open panel is audited with axe-core, and keyboard focus, the tab title badge and desktop
// notifications are checked on the way.
//
//   node widget_chat.mjs --server <ringdesk-server> --admin <ringdesk-admin> --out <screenshot dir>
//
// Exits 0 on success; on failure prints what was expected, the server log and keeps the data dir.
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { expectNoSeriousViolations } from "./lib/axe.mjs";
import { CHROMIUM_PATH, launchChromium } from "./lib/chromium.mjs";
import { hostPageHtml, startHostServer } from "./lib/host_page.mjs";
import { NlOperator } from "./lib/nl_operator.mjs";
import { recordNotifications, shownNotifications } from "./lib/notifications.mjs";
import { addOperator, startServer, writeConfig } from "./lib/server_launcher.mjs";
import { waitUntil } from "./lib/wait.mjs";
import { WidgetPage } from "./lib/widget_page.mjs";

const OVERALL_TIMEOUT_MS = 150000;
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
let hostServer = null;

async function cleanUp() {
  operator?.close();
  await context?.close().catch(() => {});
  await hostServer?.close();
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
  const shopUrl = `http://127.0.0.1:${httpPort}/`;
  await recordNotifications(context, new URL(shopUrl).origin);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  const widget = new WidgetPage(page);
  await widget.goto(shopUrl);
  await widget.openWithKeyboard();
  await widget.expectFocus("textarea", "after opening the panel with Enter");
  step("demo page loaded, widget opened from the keyboard, focus in the message box");

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

  await checkKeyboard(widget);
  step("every panel control is reachable by keyboard; Escape returns the focus to the bubble");
  await audit(page, "the open English panel with a conversation");

  // The visitor turns notifications on and switches to another tab; the operator answers.
  await page.locator("#ringdesk-widget .notify").click();
  await waitUntil(async () => (await widget.attribute(".notify", "aria-pressed")) === "true", {
    what: "the notify button to be pressed",
    timeoutMs: 5000,
  });
  const pageTitle = await page.title();
  await widget.setHidden(true);
  const awayReply = "It goes with DHL; the tracking link is in your email.";
  operator.send({ type: "msg", msg: [awayReply], "I/O": "out", UUID: "op-alice", ID: id });
  const badged = `(1) New message – ${pageTitle}`;
  await waitUntil(async () => (await page.title()) === badged, { what: `tab title "${badged}"`, timeoutMs: 10000 }).catch(
    async (error) => {
      throw new Error(`${error.message}; the title is "${await page.title()}"`);
    },
  );
  const notifications = await shownNotifications(page);
  if (JSON.stringify(notifications) !== JSON.stringify([{ title: "New message from Alice", body: awayReply }])) {
    throw new Error(`expected one notification from Alice, got ${JSON.stringify(notifications)}`);
  }
  await widget.setHidden(false);
  await waitUntil(async () => (await page.title()) === pageTitle, { what: `tab title back to "${pageTitle}"`, timeoutMs: 5000 });
  await widget.expectTranscript([first, reply, second, awayReply]);
  step("while the tab was hidden the title counted the reply and a desktop notification showed it");
  await page.screenshot({ path: join(outDir, "widget-chat.png") });

  // A reload resumes the same conversation from the stored token, without duplicates.
  await page.reload({ waitUntil: "load" });
  await widget.open();
  await widget.expectTranscript([first, reply, second, awayReply]);
  await widget.expectStatus("Alice joined");
  step("after a reload the transcript was restored");

  // The same visitor on a phone-sized screen (a second tab shares the stored token).
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  const phoneWidget = new WidgetPage(phone);
  await phoneWidget.goto(shopUrl);
  await phoneWidget.open();
  await phoneWidget.expectTranscript([first, reply, second, awayReply]);
  await phone.screenshot({ path: join(outDir, "widget-chat-phone.png") });
  await phone.close();
  step(`screenshots saved in ${outDir}`);

  // The operator ends the chat; the visitor is told and offered a new one.
  operator.send({ type: "disassociate", UUID: "op-alice", ID: id });
  await widget.expectStatus("Chat ended");
  await widget.expectVisibleText("Start a new chat");
  step("widget showed that the chat ended");
  await page.close();

  // Host pages on another origin, embedding the widget from the server.
  const widgetSrc = `${shopUrl}widget.js`;
  hostServer = await startHostServer({
    "/de/": hostPageHtml({
      lang: "de",
      title: "Teehaus Fernwald",
      text: "Frische Tees aus kleinen Gärten.",
      widgetSrc,
      data: { color: "#f2c14e" },
    }),
    "/ar/": hostPageHtml({
      lang: "en",
      title: "Fernwood Tea Co.",
      text: "We ship to the Gulf states.",
      widgetSrc,
      data: { lang: "ar", position: "bottom-left" },
    }),
  });

  const german = await hostPage(`${hostServer.origin}/de/`);
  await german.widget.open();
  await german.widget.expectFocus("textarea", "after opening the German panel");
  await expectAttributes(german.widget, ".panel", { lang: "de", dir: "ltr" });
  await expectAttributes(german.widget, ".bubble", { "aria-label": "Chat schließen" });
  await expectAttributes(german.widget, ".composer textarea", { placeholder: "Nachricht schreiben…" });
  await german.widget.expectVisibleText("Schreiben Sie uns");
  await german.widget.expectStatus("Wir antworten meist innerhalb weniger Minuten");
  // A light accent: the text on it turns black by contrast.
  await expectStyle(german.widget, ".header", { "background-color": "rgb(242, 193, 78)", color: "rgb(0, 0, 0)" });
  step("on a page with lang=de the widget speaks German; the yellow accent carries black text");
  const germanChat = await converse(german.widget, {
    question: "Hallo, haben Sie noch Darjeeling First Flush?",
    answer: "Ja, er ist gestern eingetroffen.",
    joined: "Alice ist im Chat",
  });
  await expectStyle(german.widget, ".msg.visitor .text", { "background-color": "rgb(242, 193, 78)", color: "rgb(0, 0, 0)" });
  await audit(german.page, "the German panel with a yellow accent");
  await german.widget.screenshotPanel(join(outDir, "widget-accent.png"));
  await endChat(german.widget, germanChat, "Chat beendet");
  // The next page shares this origin's storage: forget this visitor.
  await german.page.evaluate(() => localStorage.clear());
  await german.page.close();

  const arabic = await hostPage(`${hostServer.origin}/ar/`);
  await arabic.widget.open();
  await expectAttributes(arabic.widget, ".panel", { lang: "ar", dir: "rtl" });
  await arabic.widget.expectVisibleText("تحدّث معنا");
  await arabic.widget.expectStatus("نردّ عادةً خلال دقائق");
  const arabicChat = await converse(arabic.widget, {
    question: "مرحبًا، هل تشحنون إلى دبي؟",
    answer: "نعم، يصل الطلب خلال ثلاثة أيام.",
    joined: "انضم \u2068Alice\u2069 إلى المحادثة",
  });
  // Mirrored: the panel sits bottom-left, the visitor's messages on the left, the operator's on the right.
  const panelBox = await arabic.widget.box(".panel");
  const mine = await arabic.widget.box(".msg.visitor .text");
  const theirs = await arabic.widget.box(".msg.operator .text");
  const panelRight = panelBox.x + panelBox.width;
  if (!(panelBox.x < 40 && mine.x - panelBox.x < 30 && panelRight - (theirs.x + theirs.width) < 30)) {
    throw new Error(`RTL layout not mirrored: panel ${JSON.stringify(panelBox)}, visitor ${JSON.stringify(mine)}, operator ${JSON.stringify(theirs)}`);
  }
  step("with data-lang=ar the panel is right to left and mirrored, at the bottom left");
  await audit(arabic.page, "the Arabic right-to-left panel");
  await arabic.widget.screenshotPanel(join(outDir, "widget-rtl.png"));
  await endChat(arabic.widget, arabicChat, "انتهت المحادثة");
  step(`screenshots widget-accent.png and widget-rtl.png saved in ${outDir}`);

  /** Opens a new tab on the host page at `url`. */
  async function hostPage(url) {
    const tab = await context.newPage();
    watch(tab);
    const tabWidget = new WidgetPage(tab);
    await tabWidget.goto(url);
    return { page: tab, widget: tabWidget };
  }

  /** The visitor asks, our operator accepts the ring and answers; returns the chat's ID. */
  async function converse(visitor, { question, answer, joined }) {
    await visitor.write(question);
    const rung = await operator.expect("a new ring", (p) => p.type === "ring");
    operator.send({ type: "ringACK", UUID: "op-alice", ID: rung.ID });
    await operator.expect("ringACKACK", (p) => p.type === "ringACKACK" && p.ID === rung.ID && p.UUID === "op-alice");
    await operator.expect(`msg "${question}"`, (p) => p.type === "msg" && p.ID === rung.ID && p.msg?.[0] === question);
    await visitor.expectStatus(joined);
    operator.send({ type: "msg", msg: [answer], "I/O": "out", UUID: "op-alice", ID: rung.ID });
    await visitor.expectTranscript([question, answer]);
    return rung.ID;
  }

  /** Our operator ends chat `chatId`; the visitor sees `endedStatus`. */
  async function endChat(visitor, chatId, endedStatus) {
    operator.send({ type: "disassociate", UUID: "op-alice", ID: chatId });
    await visitor.expectStatus(endedStatus);
  }
}

function watch(tab) {
  tab.on("pageerror", (error) => note(`page error: ${error.message}`));
  tab.on("console", (message) => note(`console.${message.type()}: ${message.text()}`));
}

async function audit(tab, what) {
  const { checked, minor } = await expectNoSeriousViolations(tab, what);
  step(`axe-core: no serious or critical violation in ${what} (${checked} checks in the shadow root${minor.length ? `; also: ${minor.join(", ")}` : ""})`);
}

/**
 * Shift+Tab from the message box visits every control of the panel; Escape closes it and gives
 * the focus back to the bubble; Enter on the bubble opens it again with the focus in the box.
 */
async function checkKeyboard(widget) {
  const order = await widget.keyboardOrderBackwards();
  const expected = ["div.log", "button.minimise", "button.end", "button.notify"];
  if (JSON.stringify(order) !== JSON.stringify(expected)) {
    throw new Error(`Shift+Tab from the message box visited ${JSON.stringify(order)}, expected ${JSON.stringify(expected)}`);
  }
  await widget.page.locator("#ringdesk-widget .composer textarea").focus();
  await widget.page.keyboard.press("Tab");
  await widget.expectFocus("button.send", "after Tab from the message box");
  await widget.page.keyboard.press("Escape");
  await widget.panel.waitFor({ state: "hidden", timeout: widget.timeoutMs });
  await widget.expectFocus("button.bubble", "after Escape closed the panel");
  await widget.page.keyboard.press("Enter");
  await widget.panel.waitFor({ state: "visible", timeout: widget.timeoutMs });
  await widget.expectFocus("textarea", "after Enter on the bubble");
}

async function expectAttributes(widget, selector, expected) {
  for (const [name, value] of Object.entries(expected)) {
    const actual = await widget.attribute(selector, name);
    if (actual !== value) throw new Error(`${selector} has ${name}="${actual}", expected "${value}"`);
  }
}

async function expectStyle(widget, selector, expected) {
  const actual = await widget.style(selector, ...Object.keys(expected));
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${selector} is styled ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
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
