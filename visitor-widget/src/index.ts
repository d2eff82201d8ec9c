/**
 * Entry point of widget.js. A page needs only
 *
 *   <script src="https://desk.example/widget.js" async></script>
 *
 * The server address comes from the script's own src. Optional attributes on the tag (config.ts;
 * all documented in docs/visitor-api.md, "Embedding the widget"):
 *   data-title     panel title (default: "Chat with us" in the widget's language)
 *   data-greeting  text shown in an empty conversation
 *   data-name      the visitor's name, if the site knows it
 *   data-color     accent colour (any CSS colour; text on it turns black or white by contrast)
 *   data-position  bottom-right (default) or bottom-left
 *   data-lang      en, de, fr, es or ar (default: the page's <html lang>, then the browser's)
 */
import { configFromScript, type WidgetConfig } from "./config";
import { findOwnScript, mount } from "./embed";

function boot(): void {
  const script = findOwnScript(document);
  if (!script) {
    console.error("Ringdesk widget: cannot find its own <script> tag");
    return;
  }
  let config: WidgetConfig;
  try {
    config = configFromScript(script);
  } catch (error) {
    console.error(error);
    return;
  }
  // The body may not exist yet when the tag sits in <head> without async.
  if (document.body) mount(document, config);
  else document.addEventListener("DOMContentLoaded", () => mount(document, config), { once: true });
}

boot();
