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
    // annotate: the TeX travels with the MathML (copying a formula gives its TeX);
    // throwOnError: a bad formula is an error for the build, never a red box on the page.
    const html = temml.renderToString(tex, { displayMode: display, annotate: true, throwOnError: true, xml: false })
      // \bigl( ... \bigr) open and close a group as in TeX, with no space of their own (an <mo> in the
      // middle of a row would otherwise get the browser's default operator spacing)
      .replaceAll('<mo fence="true" symmetric="true" minsize=', '<mo fence="true" symmetric="true" lspace="0em" rspace="0em" minsize=');
    answer = { id, html };
  } catch (error) {
    answer = { id, error: String(error && error.message ? error.message : error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
