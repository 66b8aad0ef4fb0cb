// Reading comfort that CSS alone cannot give, run on every page (also after instant navigation):
// - an inline formula wider than its column is set smaller until it fits, so no inline formula
//   needs a scrollbar (formulas arrive as MathML from the build, which also keeps a formula and the
//   particle after it on one line);
// - a new search answer opens at the top of its list.
// Nothing here reads the layout of the whole page: an IntersectionObserver reports each formula's
// size as it nears the screen, and only a formula wider than its column is measured again.
(() => {
  const SMALLEST = 0.6; // never set a formula below 60 % of its size

  const available = (el) => {
    const block = el.closest("p, li, td, th, dd, dt, figcaption, blockquote, .admonition, article") || el.parentElement;
    const style = getComputedStyle(block);
    return block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  };

  const fit = (span) => {
    const math = span.querySelector("math");
    if (!math) return;
    span.style.fontSize = "";
    const outer = span.parentElement.classList.contains("sn-nobr") ? span.parentElement : span;
    const room = available(outer);
    const whole = outer.getBoundingClientRect().width;
    if (room <= 0 || whole <= room) return;
    const own = math.getBoundingClientRect().width;
    const scale = Math.max(SMALLEST, (room - (whole - own)) / own - 0.01);
    span.style.fontSize = `${Math.floor(scale * 100)}%`;
  };

  // The narrowest column a formula can sit in is the article's; a formula (with its tail) narrower
  // than a third of it cannot overflow and is never measured.
  let observer = null;
  const watchFormulas = (root) => {
    if (observer) observer.disconnect();
    const spans = root.querySelectorAll("span.arithmatex");
    if (!spans.length) return;
    observer = new IntersectionObserver((entries) => {
      const column = entries[0].rootBounds ? entries[0].rootBounds.width : innerWidth;
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        if (entry.boundingClientRect.width > column / 3) fit(entry.target);
      }
    }, { rootMargin: "100% 0px" });
    for (const span of spans) observer.observe(span.parentElement.classList.contains("sn-nobr") ? span.parentElement : span);
  };

  const content = () => document.querySelector(".md-content") || document.body;

  let resizeTimer = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => watchFormulas(content()), 150);
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

  document$.subscribe(() => {
    watchSearch();
    watchFormulas(content());
  });
})();
