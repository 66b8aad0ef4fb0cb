// MathJax 3, served from this site (assets/mathjax). Typesets the arithmatex spans on the
// first load and again after every instant-navigation page change.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex",
  },
  chtml: {
    matchFontHeight: false,
  },
};
// The API reference pages hold hundreds of formulas, most far below the fold: there MathJax
// typesets a formula when it scrolls into view (its lazy extension), so the page is ready sooner.
if (/\/api\/[^/]+\/$/.test(location.pathname)) {
  window.MathJax.loader = { load: ["ui/lazy"] };
}

// The first emission is the initial page, which MathJax typesets by itself at start-up;
// re-typesetting it while that is still running leaves glyphs without their CSS.
let firstPage = true;
document$.subscribe(() => {
  if (firstPage) {
    firstPage = false;
    return;
  }
  MathJax.startup.output.clearCache();
  MathJax.typesetClear();
  MathJax.texReset();
  MathJax.typesetPromise();
});
