// Host pages for the embed options: a small shop page in a given language that embeds the widget
// from the real server with the snippet's data- attributes, served by a web server of its own on
// another port, as a shop embeds the desk from another origin.
import { createServer } from "node:http";

const escapeAttribute = (value) => String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const escapeText = (value) => String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * @param {{lang: string, dir?: string, title: string, text: string, widgetSrc: string,
 *          data?: Record<string, string>}} page
 * @returns {string} the page's HTML
 */
export function hostPageHtml({ lang, dir = "ltr", title, text, widgetSrc, data = {} }) {
  const attributes = Object.entries(data)
    .map(([name, value]) => ` data-${name}="${escapeAttribute(value)}"`)
    .join("");
  return `<!doctype html>
<html lang="${escapeAttribute(lang)}" dir="${escapeAttribute(dir)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeText(title)}</title>
  <link rel="icon" href="data:,">
  <style>body { margin: 0; padding: 32px; font: 17px/1.6 Georgia, serif; color: #2b2118; background: #faf6ef; }</style>
</head>
<body>
  <main><h1>${escapeText(title)}</h1><p>${escapeText(text)}</p></main>
  <script src="${escapeAttribute(widgetSrc)}" async${attributes}></script>
</body>
</html>
`;
}

/**
 * Serves `pages` (path → HTML) on 127.0.0.1 on a free port; anything else is 404.
 * @returns {Promise<{origin: string, close: () => Promise<void>}>}
 */
export function startHostServer(pages) {
  const server = createServer((request, response) => {
    const html = pages[new URL(request.url, "http://host").pathname];
    response.writeHead(html === undefined ? 404 : 200, { "content-type": "text/html; charset=utf-8" });
    response.end(html ?? "not found\n");
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () =>
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
