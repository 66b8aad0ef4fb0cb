// Reading comfort that CSS alone cannot give, run on every page (also after instant navigation):
// - a formula and the particle or punctuation written right after it ("\(x\)이다.", "\(f\)에서")
//   stay on one line;
// - an inline formula wider than its column is set smaller until it fits, so no inline formula
//   needs a scrollbar;
// - formulas in search previews are typeset instead of showing their TeX;
// - a new search answer opens at the top of its list.
(() => {
  // Letters and punctuation that belong to the formula before them: Hangul (particles, endings),
  // closing punctuation, and a possessive or plural tail in English ("\(x\)'s", "\(n\)th").
  const TAIL = /^[\u3131-\u318E\uAC00-\uD7A3.,;:!?)\]}%'’”"…·]+(?:s|th|st|nd|rd)?|^(?:'s|th|st|nd|rd)\b/;
  // An opening bracket or quote written right before a formula stays with it too: "(\(x\))".
  const HEAD = /[(\[{“‘"']+$/;
  const SMALLEST = 0.6; // never set a formula below 60 % of its size

  const keepTails = (root) => {
    for (const span of root.querySelectorAll("span.arithmatex")) {
      if (span.parentElement.classList.contains("sn-nobr")) continue;
      const next = span.nextSibling;
      const prev = span.previousSibling;
      const tail = next && next.nodeType === Node.TEXT_NODE ? TAIL.exec(next.data) : null;
      const head = prev && prev.nodeType === Node.TEXT_NODE ? HEAD.exec(prev.data) : null;
      if (!tail && !head) continue;
      const wrapper = document.createElement("span");
      wrapper.className = "sn-nobr";
      if (tail && tail[0].length < next.data.length) next.splitText(tail[0].length);
      const opening = head ? (head.index > 0 ? prev.splitText(head.index) : prev) : null;
      span.replaceWith(wrapper);
      if (opening) wrapper.append(opening);
      wrapper.append(span);
      if (tail) wrapper.append(next);
    }
  };

  const available = (el) => {
    const block = el.closest("p, li, td, th, dd, dt, figcaption, blockquote, .admonition, article") || el.parentElement;
    const style = getComputedStyle(block);
    return block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  };

  const fitInline = (root) => {
    for (const span of root.querySelectorAll("span.arithmatex")) {
      const math = span.querySelector("mjx-container");
      if (!math) continue;
      span.style.fontSize = "";
      const outer = span.parentElement.classList.contains("sn-nobr") ? span.parentElement : span;
      const room = available(outer);
      const whole = outer.getBoundingClientRect().width;
      if (room <= 0 || whole <= room) continue;
      const own = math.getBoundingClientRect().width;
      const scale = Math.max(SMALLEST, (room - (whole - own)) / own - 0.01);
      span.style.fontSize = `${Math.floor(scale * 100)}%`;
    }
  };

  const mathDone = () => (window.MathJax && MathJax.startup && MathJax.startup.promise) || Promise.resolve();
  const content = () => document.querySelector(".md-content") || document.body;

  let resizeTimer = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => fitInline(content()), 150);
  });

  // Search previews carry the page text, TeX included: typeset it like the page does.
  const typesetPreviews = (list) => {
    const fresh = [...list.querySelectorAll(".md-search-result__article:not(.sn-typeset)")];
    if (!fresh.length || !window.MathJax || !MathJax.typesetPromise) return;
    for (const article of fresh) article.classList.add("sn-typeset");
    const withTex = fresh.filter((a) => a.textContent.includes("\\(") || a.textContent.includes("\\["));
    // MathJax looks only inside elements of class arithmatex (mathjax-config.js: every other class,
    // and no class, is ignored, and that is inherited), so the article alone is not enough: a formula
    // in a paragraph or list item of the preview would stay TeX. Mark each element that holds TeX.
    for (const article of withTex) {
      article.classList.add("arithmatex");
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (/\\[([]/.test(node.data) && !node.parentElement.closest("code, pre"))
          node.parentElement.classList.add("arithmatex");
    }
    if (!withTex.length) return;
    MathJax.typesetPromise(withTex).then(() => {
      // A preview cut in the middle of a formula leaves a lone delimiter: drop it.
      for (const article of withTex) {
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode())
          if (/\\[()[\]]/.test(node.data)) node.data = node.data.replace(/\\[()[\]]/g, "");
      }
    });
  };
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
      typesetPreviews(list);
    }).observe(list, { childList: true, subtree: true });
  };

  document$.subscribe(() => {
    keepTails(content());
    watchSearch();
    // Fit once MathJax has typeset the page (checked again briefly if it has not finished).
    const fitWhenTypeset = (tries) => {
      const spans = content().querySelectorAll("span.arithmatex");
      const done = [...spans].every((s) => s.querySelector("mjx-container"));
      if (done || tries === 0) fitInline(content());
      else setTimeout(() => fitWhenTypeset(tries - 1), 200);
    };
    mathDone().then(() => fitWhenTypeset(25));
  });
})();
