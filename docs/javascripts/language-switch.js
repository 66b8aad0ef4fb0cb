// The language switcher must lead to the same page in the other language. Its links are
// written per page at build time, but instant navigation keeps the header of the first page,
// so they are recomputed from the current address after every page change. On click, the
// current section (#anchor, shared by both languages) is carried over too.
(() => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  // English pages carry base = <root>/en/ (their own search index); the site root is one up.
  const base = new URL(config.base.replace(/\/$/, "") + "/", location.href);
  const root = document.documentElement.lang === "en" ? new URL("../", base) : base;

  const target = (lang, withHash) => {
    const here = new URL(location.href);
    if (!here.href.startsWith(root.href)) return null;
    const path = here.pathname.slice(root.pathname.length).replace(/^en\//, "");
    return root.href + (lang === "en" ? "en/" : "") + path + (withHash ? here.hash : "");
  };
  const update = (withHash) => {
    for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
      const href = target(link.getAttribute("hreflang"), withHash);
      if (href) link.href = href;
    }
  };

  document$.subscribe(() => update(false));
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest(".md-select__link[hreflang]")) update(true);
  }, true);
})();
