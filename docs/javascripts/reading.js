// Reading comfort that CSS alone cannot give, run on every page (also after instant navigation):
// - copying a selection that holds formulas gives their TeX ($...$, $$...$$), not the letters of the
//   drawn MathML (formulas arrive as MathML from the build, each with its TeX in data-tex);
// - a new search answer opens at the top of its list;
// - a link to a place in a page lands on it, and the place stays in view while the page around it is drawn.
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

  // A link to a place in a page (#name) lands on it and stays there. Blocks away from the screen are
  // laid out only when they come near it (content-visibility in site.css), until then holding a guessed
  // height. Drawn at their real size just after the landing, the blocks above the place push it down or
  // pull it up: the browser's scroll anchoring keeps the first block on the screen in place, and that
  // block can be one still waiting to be drawn (on a phone, a section of lecture 6 under a tab set with
  // a tall figure ended 2,400 px below the screen). So after every layout that changes the article's
  // height, the place is scrolled back to the top of the screen, before the browser paints (a
  // ResizeObserver runs between layout and paint), until the reader scrolls, touches, clicks or types.
  // This holds for a page opened at a place and for a link followed to one; a place restored from
  // history (back, forward, reload) is left where the browser puts it.
  const INPUT = ["wheel", "touchstart", "pointerdown", "keydown"];
  let release = () => {};
  const hold = () => {
    release();
    let target = null;
    try {
      target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch {
      return; // a malformed address names no place
    }
    const article = document.querySelector(".md-content");
    if (!target || !article) return;
    const observer = new ResizeObserver(() => target.scrollIntoView({ block: "start" }));
    observer.observe(article);
    release = () => {
      observer.disconnect();
      for (const type of INPUT) removeEventListener(type, release, true);
      release = () => {};
    };
    for (const type of INPUT) addEventListener(type, release, { capture: true, passive: true });
  };
  // the address of the last link followed to a place
  let followed = null;
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href*='#']") : null;
    followed = link ? link.href : null;
  }, true);
  const reached = () => location.hash.length > 1 && location.href === followed;
  addEventListener("hashchange", () => (reached() ? hold() : release()));
  const [opened] = performance.getEntriesByType("navigation");
  let first = true;
  document$.subscribe(() => {
    // the page as first opened (not through history), then each page reached by instant navigation
    if (first ? location.hash.length > 1 && opened?.type === "navigate" : reached()) hold();
    else release();
    first = false;
  });

  document$.subscribe(watchSearch);
})();
