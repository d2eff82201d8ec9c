// Bundles src/index.ts into dist/widget.js (`npm run build`). Style sheets are imported as text
// (`import css from "./widget.css?raw"`, which vitest understands natively) and minified here,
// since esbuild does not minify CSS that it loads as a plain string.
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, transform } from "esbuild";

/** Loads `*.css?raw` as a JavaScript module whose default export is the minified CSS. */
const rawCss = {
  name: "raw-css",
  setup(builder) {
    builder.onResolve({ filter: /\.css\?raw$/ }, (args) => ({
      path: new URL(args.path.replace(/\?raw$/, ""), `file://${args.resolveDir}/`).pathname,
      namespace: "raw-css",
    }));
    builder.onLoad({ filter: /.*/, namespace: "raw-css" }, async (args) => {
      const { code } = await transform(await readFile(args.path, "utf8"), { loader: "css", minify: true });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: "js", watchFiles: [args.path] };
    });
  },
};

/** esbuild's options for dist/widget.js; size.test.ts builds with them too. */
export const widgetBuildOptions = {
  absWorkingDir: fileURLToPath(new URL(".", import.meta.url)),
  entryPoints: ["src/index.ts"],
  outfile: "dist/widget.js",
  bundle: true,
  format: "iife",
  // ES2020 is older than the logical CSS properties the panel needs (Chrome 89, Firefox 66,
  // Safari 15), so it excludes no browser the widget supports, and keeps ?. and ?? unlowered.
  target: "es2020",
  // Arabic and the other translations as UTF-8 rather than \u escapes; the server sends the file
  // with charset=utf-8.
  charset: "utf8",
  minify: true,
  sourcemap: true,
  legalComments: "none",
  plugins: [rawCss],
  logLevel: "info",
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await build(widgetBuildOptions);
