/**
 * The widget's style sheet. It lives inside the shadow root, so the host page's CSS cannot reach
 * these elements and these rules cannot leak out; `:host { all: initial }` also stops inherited
 * properties (font, colour, line height) from flowing in.
 */
export const WIDGET_CSS = `
:host {
  all: initial;
  --rd-accent: #2f6fed;
  --rd-accent-text: #fff;
  --rd-bg: #fff;
  --rd-text: #1d2330;
  --rd-muted: #667085;
  --rd-line: #e4e7ec;
  --rd-operator-bg: #f2f4f7;
  --rd-radius: 14px;
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--rd-text);
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
button, input, textarea { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 2px solid var(--rd-accent); outline-offset: 2px; }

.bubble {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  width: 56px; height: 56px; border: 0; border-radius: 50%;
  background: var(--rd-accent); color: var(--rd-accent-text);
  box-shadow: 0 6px 20px rgba(16, 24, 40, .25);
  display: flex; align-items: center; justify-content: center;
  transition: transform .15s ease;
}
.bubble:hover { transform: scale(1.06); }
.bubble svg { width: 26px; height: 26px; fill: currentColor; }
.badge {
  position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px; padding: 0 6px;
  border-radius: 11px; background: #d92d20; color: #fff; font-size: 12px; font-weight: 700;
  line-height: 22px; text-align: center; box-shadow: 0 0 0 2px #fff;
}

.panel {
  position: fixed; right: 20px; bottom: 88px; z-index: 2147483000;
  width: 370px; height: min(580px, calc(100vh - 110px));
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--rd-bg); border-radius: var(--rd-radius);
  box-shadow: 0 12px 40px rgba(16, 24, 40, .28);
}
.header {
  display: flex; align-items: center; gap: 8px; padding: 14px 12px 14px 16px;
  background: var(--rd-accent); color: var(--rd-accent-text);
}
.heading { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 16px; font-weight: 650; line-height: 1.25; }
.status { margin: 2px 0 0; font-size: 13px; opacity: .9; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.header button {
  border: 0; background: rgba(255, 255, 255, .16); color: inherit; border-radius: 8px;
  padding: 6px 10px; font-size: 13px;
}
.header button:hover { background: rgba(255, 255, 255, .28); }
.header .minimise { font-size: 20px; line-height: 1; padding: 4px 10px; }

.log { flex: 1; overflow-y: auto; padding: 16px 14px 8px; display: flex; flex-direction: column; gap: 8px; }
.intro { margin: auto 8px; text-align: center; color: var(--rd-muted); }
.msg { max-width: 82%; display: flex; flex-direction: column; }
.msg.visitor { align-self: flex-end; align-items: flex-end; }
.msg.operator { align-self: flex-start; align-items: flex-start; }
.text {
  margin: 0; padding: 8px 12px; border-radius: 16px; white-space: pre-wrap; overflow-wrap: anywhere;
}
.visitor .text { background: var(--rd-accent); color: var(--rd-accent-text); border-bottom-right-radius: 4px; }
.operator .text { background: var(--rd-operator-bg); border-bottom-left-radius: 4px; }
.msg.pending .text { opacity: .65; }
.msg.failed .text { background: #fee4e2; color: #912018; }
.meta { margin-top: 2px; font-size: 11px; color: var(--rd-muted); }
.meta button { border: 0; background: none; padding: 0 0 0 6px; color: var(--rd-accent); font-size: 11px; text-decoration: underline; }

.typing { padding: 0 16px 6px; min-height: 22px; font-size: 13px; color: var(--rd-muted); font-style: italic; }
.notice { margin: 0 14px 8px; padding: 8px 10px; border-radius: 8px; background: #fffaeb; color: #93370d; font-size: 13px; }
.ended { padding: 12px 16px 16px; text-align: center; border-top: 1px solid var(--rd-line); }
.ended p { margin: 0 0 8px; color: var(--rd-muted); }
.primary {
  border: 0; border-radius: 10px; padding: 9px 16px; font-weight: 600;
  background: var(--rd-accent); color: var(--rd-accent-text);
}
.primary:disabled { opacity: .5; cursor: default; }

.composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px 12px; border-top: 1px solid var(--rd-line); }
.composer textarea {
  flex: 1; resize: none; min-height: 40px; max-height: 120px; padding: 9px 12px;
  border: 1px solid var(--rd-line); border-radius: 12px; background: #fff; line-height: 1.4;
}
.composer textarea:focus { outline: none; border-color: var(--rd-accent); }
.send { width: 40px; height: 40px; border: 0; border-radius: 50%; background: var(--rd-accent); color: var(--rd-accent-text); flex: none; }
.send svg { width: 18px; height: 18px; fill: currentColor; vertical-align: middle; }

.leave { padding: 12px 16px 16px; border-top: 1px solid var(--rd-line); display: flex; flex-direction: column; gap: 8px; }
.leave p { margin: 0; color: var(--rd-muted); font-size: 14px; }
.leave label { display: flex; flex-direction: column; gap: 3px; font-size: 13px; font-weight: 600; }
.leave input, .leave textarea {
  font-weight: 400; padding: 8px 10px; border: 1px solid var(--rd-line); border-radius: 8px; background: #fff;
}
.leave textarea { resize: vertical; min-height: 70px; }
.thanks { padding: 16px; text-align: center; border-top: 1px solid var(--rd-line); }
.thanks p { margin: 0 0 10px; }

@media (max-width: 480px) {
  .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; }
  :host(.open) .bubble { display: none; }
  /* Phones zoom into fields whose text is smaller than 16px; keep the page still. */
  .composer textarea, .leave input, .leave textarea { font-size: 16px; }
}
@media (prefers-reduced-motion: reduce) {
  .bubble { transition: none; }
}
`;
