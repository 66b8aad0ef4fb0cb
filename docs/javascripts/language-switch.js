// The language switcher must lead to the same page in the other language. Its links are written
// per page at build time, but instant navigation keeps the header of the first page (and changes
// the address as soon as a link is clicked, before the new page arrives), so:
// - after every page change the links are recomputed from the current address (hover, new tab);
// - a click computes the target from the address at that moment, carries the current section
//   (the anchor of the nearest heading at or above the top of the window, shared by both languages;
//   the address's own #anchor only if no heading is above yet) over, and navigates there itself, so
//   neither a stale link nor Material's own alternate-language handler (which guesses from its sitemaps) can send the
//   reader to the other language's home page.
// The 404 page is at no address of its own (the server answers any missing one with it): its links lead
// to each language's home page (data-sn-home, overrides/partials/alternate.html) and stay so.
(() => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  // English pages carry base = <root>/en/ (their own search index); the site root is one up.
  const base = new URL(config.base.replace(/\/$/, "") + "/", location.href);
  const root = document.documentElement.lang === "en" ? new URL("../", base) : base;

  // The section the reader is in: the last heading under the title whose top has reached the header's bottom edge.
  const section = () => {
    const header = document.querySelector(".md-header");
    const top = (header ? header.getBoundingClientRect().bottom : 0) + 8;
    let id = "";
    for (const h of document.querySelectorAll(".md-content article :is(h2, h3, h4, h5, h6)[id]")) {
      if (!h.getClientRects().length) continue;  // inside a closed block or a hidden tab
      if (h.getBoundingClientRect().top > top) break;
      id = h.id;
    }
    return id ? "#" + encodeURIComponent(id) : "";
  };
  // The section is read when the reader reaches for the menu (pointer or keyboard on the language button),
  // before anything else moves the page, and only while the page shown is the one at the address (instant
  // navigation changes the address before the new page arrives).
  let shown = location.pathname;
  let reading = "";
  const menu = (node) => node instanceof Element && node.closest(".md-header .md-select");
  const remember = (event) => {
    if (menu(event.target) && !menu(event.relatedTarget)) {  // entering the menu, not moving inside it
      reading = location.pathname === shown ? section() : "";
    }
  };
  document.addEventListener("pointerover", remember, true);
  document.addEventListener("focusin", remember, true);
  const target = (lang, withHash) => {
    const here = new URL(location.href);
    if (!here.href.startsWith(root.href)) return null;
    const path = here.pathname.slice(root.pathname.length).replace(/^en\//, "");
    return root.href + (lang === "en" ? "en/" : "") + path + (withHash ? reading || here.hash : "");
  };
  const update = (withHash) => {
    for (const link of document.querySelectorAll(".md-select__link[hreflang]:not([data-sn-home])")) {
      const href = target(link.getAttribute("hreflang"), withHash);
      if (href) link.href = href;
    }
  };

  document$.subscribe(() => {
    shown = location.pathname;
    reading = "";
    update(false);
  });
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest(".md-select__link[hreflang]");
    if (!link) return;
    const href = link.hasAttribute("data-sn-home") ? link.href : target(link.getAttribute("hreflang"), true);
    if (!href) return;
    link.href = href;
    // a modified or middle click opens a tab or window: the browser follows the fresh href itself
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    location.assign(href);
  }, true);
})();
