// Reading comfort that CSS alone cannot give, run on every page (also after instant navigation):
// - copying a selection that holds formulas gives their TeX ($...$, $$...$$), not the letters of the
//   drawn MathML (formulas arrive as MathML from the build, each with its TeX in data-tex);
// - a new search answer opens at the top of its list.
// Inline formulas need nothing here: the build keeps a formula and the particle after it on one line,
// and one wider than its column breaks after a relation or an operator (CSS).
(() => {
  document.addEventListener("copy", (event) => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !event.clipboardData) return;
    const range = selection.getRangeAt(0);
    // a selection that starts or ends inside a formula takes the whole formula
    const inMath = (node) => (node instanceof Element ? node : node.parentElement)?.closest("math[data-tex]");
    const start = inMath(range.startContainer);
    const end = inMath(range.endContainer);
    if (start) range.setStartBefore(start);
    if (end) range.setEndAfter(end);
    const fragment = range.cloneContents();
    const formulas = fragment.querySelectorAll("math[data-tex]");
    if (!formulas.length) return;
    const holder = document.createElement("div");
    holder.append(fragment.cloneNode(true));
    event.clipboardData.setData("text/html", holder.innerHTML);
    for (const math of formulas) {
      const fence = math.getAttribute("display") === "block" ? "$$" : "$";
      math.replaceWith(`${fence}${math.dataset.tex}${fence}`);
    }
    event.clipboardData.setData("text/plain", fragment.textContent);
    event.preventDefault();
  });

  // A new answer replaces the list but Material keeps the scroll position of the old one: after
  // scrolling down a long list, the next query's list would open at its bottom, its best matches out
  // of sight, and (being at the bottom already) it would not list its next results when scrolled down.
  // A new list opens at its top.
  const isNewList = (records, list) =>
    records.some((r) => r.target === list && [...r.removedNodes].some((n) => n.classList?.contains("md-search-result__item")));
  const watchSearch = () => {
    const list = document.querySelector(".md-search-result__list");
    if (!list || list.dataset.snWatched) return;
    list.dataset.snWatched = "1";
    const wrap = list.closest(".md-search__scrollwrap");
    new MutationObserver((records) => {
      if (wrap && wrap.scrollTop > 0 && isNewList(records, list)) wrap.scrollTop = 0;
    }).observe(list, { childList: true });
  };

  document$.subscribe(watchSearch);
})();
