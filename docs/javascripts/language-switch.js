// The language switcher must lead to the same page in the other language. Its links are
// written per page at build time, but instant navigation keeps the header of the first page,
// so they are recomputed from the current address after every page change.
(() => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  // English pages carry base = <root>/en/ (their own search index); the site root is one up.
  const base = new URL(config.base.replace(/\/$/, "") + "/", location.href);
  const root = document.documentElement.lang === "en" ? new URL("../", base) : base;
  document$.subscribe(() => {
    const here = new URL(location.href);
    if (!here.href.startsWith(root.href)) return;
    const rest = here.href.slice(root.href.length).replace(/^en\//, "");
    const target = { ko: root.href + rest, en: root.href + "en/" + rest };
    for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
      const href = target[link.getAttribute("hreflang")];
      if (href) link.href = href;
    }
  });
})();
