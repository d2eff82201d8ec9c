/**
 * Entry point of widget.js. A page needs only
 *
 *   <script src="https://desk.example/widget.js" async></script>
 *
 * The server address comes from the script's own src. Optional attributes on the tag:
 *   data-title  panel title (default "Chat with us")
 *   data-name   the visitor's name, if the site knows it
 *   data-color  accent colour (any CSS colour)
 */
import { configFromScript, findOwnScript, mount, type WidgetConfig } from "./embed";

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
