// Parses every formula given on stdin (JSON list of {tex, display}) with the site's MathJax
// and prints the failures as JSON. Undefined macros count as failures.
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => {
  const formulas = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  require("mathjax")
    .init({
      loader: { load: ["input/tex"] },
      tex: { packages: { "[-]": ["noundefined"] }, formatError: (jax, err) => { throw err; } },
    })
    .then(async (MathJax) => {
      const errors = [];
      for (const [index, f] of formulas.entries()) {
        try {
          await MathJax.tex2mmlPromise(f.tex, { display: f.display });
        } catch (e) {
          errors.push({ index, message: e.message });
        }
      }
      process.stdout.write(JSON.stringify(errors));
    })
    .catch((e) => {
      console.error(e);
      process.exit(2);
    });
});
