/** `import css from "./x.css?raw"`: the style sheet's text (vitest natively, build.mjs for the bundle). */
declare module "*.css?raw" {
  const css: string;
  export default css;
}
