// TeX to MathML for the site build: one process per build (started by hooks/formulas.py), fed JSON lines
// on stdin, {"id": ..., "tex": ..., "display": true|false}, answering one JSON line each on stdout,
// {"id": ..., "html": "<math>...</math>"} or {"id": ..., "error": "..."}.
// The first line it writes is {"version": "temml <version>"}: the cache key of every formula.
import { createInterface } from "node:readline";
import temml from "temml";

process.stdout.write(JSON.stringify({ version: `temml ${temml.version}` }) + "\n");
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const { id, tex, display } = JSON.parse(line);
  let answer;
  try {
    // throwOnError: a bad formula is an error for the build, never a red box on the page.
    // wrap: an inline formula breaks after a top-level relation or operator, as TeX breaks it, when it is
    // wider than the line (Temml's stylesheet makes <math> a wrapping flex box); the TeX goes into data-tex,
    // for copying (an annotation element would keep the formula from wrapping).
    const html = temml.renderToString(tex, { displayMode: display, annotate: false, wrap: "tex", throwOnError: true, xml: false })
      .replace(/^<math/, `<math data-tex="${tex.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;")}"`)
      // \bigl( ... \bigr) open and close a group as in TeX, with no space of their own (an <mo> in the
      // middle of a row would otherwise get the browser's default operator spacing)
      .replaceAll('<mo fence="true" symmetric="true" minsize=', '<mo fence="true" symmetric="true" lspace="0em" rspace="0em" minsize=');
    answer = { id, html };
  } catch (error) {
    answer = { id, error: String(error && error.message ? error.message : error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
