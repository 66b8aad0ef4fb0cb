"""Helpers for the browser tests: what a page did on the network and console, math readiness, screenshots."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from sitetools import ROOT

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


class PageWatch:
    """Records what a page did on the network and in the console.

    A request that the browser aborts (``net::ERR_ABORTED``) because the page itself navigated to a
    new document after the request started (a click on a link, the language switcher) is not a
    failure: the document that wanted the response is gone. Such requests are listed in ``aborted``.
    Every other failed request (connection refused, a 4xx/5xx response, an abort with no new document
    loaded after the request started) is a failure. The decision is taken when the test asks
    (``failures``/``assert_clean``), so the order in which the browser reports a worker's abort and
    the page's navigation does not matter.
    """

    def __init__(self, page, base_url: str) -> None:
        self.page = page
        self.host = urlsplit(base_url).netloc
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self._aborts: list[tuple[str, int]] = []  # (url, navigations started before the request)
        self.navigations = 0  # main-frame document loads started so far
        self._started: dict[object, int] = {}  # request -> navigations started before it
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"uncaught: {exc}"))
        page.on("requestfailed", self._failed)
        page.on("response", lambda res: res.status >= 400 and self.failed.append(f"{res.url} -> {res.status}"))
        page.on("request", self._request)

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.console_errors.append(msg.text)

    def _request(self, req) -> None:
        # the navigation request of a new document is counted before its own number is taken,
        # so a later navigation also excuses the abort of an earlier, superseded one
        if req.is_navigation_request() and req.frame == self.page.main_frame:
            self.navigations += 1
        self._started[req] = self.navigations
        parts = urlsplit(req.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if parts.netloc != self.host:
            self.foreign.append(req.url)

    def _failed(self, req) -> None:
        started = self._started.get(req)
        if req.failure == "net::ERR_ABORTED" and started is not None:
            self._aborts.append((req.url, started))
        else:
            self.failed.append(f"{req.url} ({req.failure})")

    @property
    def aborted(self) -> list[str]:
        """Requests cancelled because the page went on to another document (not failures)."""
        return [url for url, started in self._aborts if self.navigations > started]

    @property
    def failures(self) -> list[str]:
        stray = [f"{url} (net::ERR_ABORTED)" for url, started in self._aborts if self.navigations <= started]
        return self.failed + stray

    def assert_clean(self) -> None:
        assert not self.foreign, f"requests to other hosts: {self.foreign[:10]}"
        assert not self.failures, f"failed requests: {self.failures[:10]}"
        assert not self.console_errors, f"console errors: {self.console_errors[:10]}"


# What the page looks like to a reader at one width; every number is 0 on a good page.
LAYOUT = r"""() => {
    const article = document.querySelector('.md-content article');
    const col = article.getBoundingClientRect();
    const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth;
    const out = {};
    // Inline formulas: never a scroll box, never past the column.
    // (formulas inside a table or a display formula move with their scrolling box)
    // An inline formula is a bare <math> (a display formula has display="block", in its scroll box).
    const inline = [...article.querySelectorAll('math:not([display="block"])')].filter(s => !s.closest('table, div.arithmatex'));
    out.inlineScrollBoxes = inline.flatMap(s => [s, s.parentElement.closest('span')])
        .filter(e => e && e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX !== 'visible')
        .map(e => e.textContent.slice(0, 40));
    out.inlinePastColumn = inline.filter(s => s.getBoundingClientRect().right > col.right + 1).map(s => s.textContent.slice(0, 40));
    // A formula and the particle/punctuation glued to it sit on one line.
    out.tailsSplit = [...article.querySelectorAll('.sn-nobr')]
        .filter(w => new Set([...w.getClientRects()].map(r => Math.round(r.top))).size > 1)
        .map(w => w.textContent.slice(0, 40));
    out.tailsUnwrapped = inline.filter(s => {
        const next = s.nextSibling;
        return !s.parentElement.classList.contains('sn-nobr') && next && next.nodeType === 3 && /^[\uAC00-\uD7A3.,;:)]/.test(next.data);
    }).map(s => s.textContent.slice(0, 40) + s.nextSibling.data.slice(0, 4));
    // Whatever glues them: the first character written against a formula (a particle, punctuation) is on the
    // formula's last line, and an opening bracket right before it on its first line (tables included).
    const charBox = (node, i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
    out.particlesSplit = [...article.querySelectorAll('math:not([display="block"])')].filter(m => {
        if (!m.checkVisibility()) return false;
        const rects = [...m.getClientRects()], box = m.getBoundingClientRect();
        if (!rects.length || box.height === 0) return false;
        const next = m.nextSibling, prev = m.previousSibling;
        if (next && next.nodeType === 3) {
            const i = next.data.search(/[^\u2060]/);
            if (i >= 0 && /[\uAC00-\uD7A3.,;:!?)\]}%]/.test(next.data[i]) && charBox(next, i).top > box.bottom - 2) return true;
        }
        if (prev && prev.nodeType === 3) {
            const text = prev.data.replace(/\u2060+$/, '');
            if (/[(\[{]$/.test(text) && charBox(prev, text.length - 1).bottom < box.top + 2) return true;
        }
        return false;
    }).map(m => m.textContent.slice(0, 40));
    // Display formulas and tables: fit, or scroll inside themselves with a visible cue.
    const boxes = [...article.querySelectorAll('div.arithmatex, table:not([class])')];
    out.pastColumnWithoutScroll = boxes.filter(b => b.getBoundingClientRect().right > col.right + 1 && !scrolls(b))
        .map(b => b.tagName + ' ' + b.textContent.slice(0, 40));
    out.scrollWithoutCue = boxes.filter(b => scrolls(b) && !getComputedStyle(b).backgroundImage.includes('gradient'))
        .map(b => b.tagName + ' ' + b.textContent.slice(0, 40));
    out.nestedScroll = boxes.filter(b => scrolls(b) && [...b.querySelectorAll('*')].some(scrolls))
        .map(b => b.tagName + ' ' + b.textContent.slice(0, 40));
    // No table hides a column: scrolled to its end, the last cell of every row is inside the box.
    out.hiddenColumns = [...article.querySelectorAll('table')].filter(t => {
        const box = t.closest('.md-typeset__scrollwrap') || t;
        t.scrollLeft = t.scrollWidth;
        const right = Math.min(box.getBoundingClientRect().right, t.getBoundingClientRect().right, window.innerWidth);
        const hidden = [...t.querySelectorAll('tr > :last-child')].some(c => c.getBoundingClientRect().right > right + 1);
        t.scrollLeft = 0;
        return hidden;
    }).map(t => t.querySelector('tr').textContent.slice(0, 40));
    // Tables use the whole width of the block that holds them (the column, or an admonition's inside).
    const tables = [...article.querySelectorAll('table:not([class])')].filter(t => t.checkVisibility());
    out.tablesNarrowerThanColumn = tables.filter(t => {
        const holder = (t.closest('.md-typeset__scrollwrap') || t).parentElement;
        const h = holder.getBoundingClientRect(), cs = getComputedStyle(holder), r = t.getBoundingClientRect();
        const left = h.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth);
        const right = h.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth);
        return Math.abs(r.left - left) > 1 || Math.abs(r.right - right) > 1;
    }).map(t => t.querySelector('tr').textContent.trim().slice(0, 40));
    // A cell breaks between words, never inside a number or a word (4.5e-⏎04, 최소-⏎최대).
    out.wordsBrokenInCells = tables.flatMap(t => {
        const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT, {acceptNode: n =>
            n.parentElement.closest('code, mjx-container, math') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
        const range = document.createRange(), broken = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of node.data.matchAll(/\S*[0-9\uAC00-\uD7A3]\S*/g)) {
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (tops.size > 1) broken.push(m[0]);
            }
        }
        return broken;
    });
    // The page itself never scrolls sideways.
    out.pageWiderThanWindow = document.documentElement.scrollWidth > window.innerWidth ? [document.documentElement.scrollWidth] : [];
    return out;
}"""

# Korean words that a line break splits: every run of Hangul letters must sit on one line.
MID_WORD_BREAKS = r"""() => {
    const article = document.querySelector('.md-content article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {acceptNode: n =>
        n.parentElement.closest('pre, code, math, svg, script, .tabbed-block:not(:first-of-type), .headerlink')
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    const broken = [];
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/[\uAC00-\uD7A3]{2,}/g)) {
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            if (tops.size > 1) broken.push(m[0]);
        }
    }
    return broken;
}"""


# Hangul that starts a line right after the character before it in the same line of prose, with no space
# between them: a particle or ending cut off from the bracket, Latin word, number, bold text or code it is
# written against ("(MGF)⏎는", "<code>fan_in</code>⏎으로"). A break after a space, after Hangul (keep-all
# decides those), after an opening bracket or after a separator between words (· / – —) is a fine break.
PARTICLE_LINE_STARTS = r"""() => {
    const article = document.querySelector('.md-content article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {acceptNode: n =>
        n.parentElement.closest('script, style, svg, .headerlink, .tabbed-block:not(:first-of-type)')
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    // the block a text belongs to: the nearest ancestor that is not laid out inside a line
    const lineBox = el => { for (let e = el; e; e = e.parentElement) {
        if (e.closest('math') && e.localName !== 'math') continue;
        const d = getComputedStyle(e).display;
        if (!d.startsWith('inline') && d !== 'contents' && e.localName !== 'math') return e; } return null; };
    const range = document.createRange();
    const box = (node, i) => { range.setStart(node, i); range.setEnd(node, i + 1);
        return [...range.getClientRects()].find(r => r.width > 0); };
    const starts = [];
    let before = null;  // the last character seen: {node, i}
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
            const c = node.data[i];
            if (c === '\u2060') continue;
            if (before && /[\uAC00-\uD7A3]/.test(c)) {
                const b = before.node.data[before.i];
                if (!/[\s\uAC00-\uD7A3·\/–—(\[{“‘]/.test(b) && lineBox(before.node.parentElement) === lineBox(node.parentElement)) {
                    const prev = box(before.node, before.i), here = box(node, i);
                    if (prev && here && here.top >= prev.bottom - 2) {
                        const head = before.node.data.slice(Math.max(0, before.i - 15), before.i + 1);
                        starts.push(head + '⏎' + node.data.slice(i, i + 5));
                    }
                }
            }
            before = {node, i};
        }
    }
    return starts;
}"""

# Headings whose permalink (the hidden ¶ after the title) sits on a line of its own, below the title's last word.
PERMALINKS_ALONE = r"""() => [...document.querySelectorAll('.md-content .headerlink')].filter(a => {
    const link = [...a.getClientRects()].find(r => r.width > 0);
    if (!link) return false;
    const range = document.createRange();
    range.setStart(a.parentElement, 0);
    range.setEndBefore(a);
    const title = [...range.getClientRects()].filter(r => r.width > 0);
    return title.length > 0 && link.top >= Math.max(...title.map(r => r.bottom)) - 2;
}).map(a => a.parentElement.textContent.trim().slice(0, 60))"""


def layout_problems(tab, *, korean: bool) -> dict:
    """What does not fit the screen at the page's current width (empty on a good page), once reading.js has
    fitted the formulas: see LAYOUT; on a Korean page also the words a line break splits."""
    tab.wait_for_function("() => document.querySelectorAll('.sn-nobr').length > 0")
    problems = {k: v[:5] for k, v in tab.evaluate(LAYOUT).items() if v}
    if korean and (broken := tab.evaluate(MID_WORD_BREAKS)):
        problems["wordsBrokenAcrossLines"] = broken[:10]
    return problems


FIGURE_TEXT = """() => [...document.querySelectorAll('.md-content .sn-figure svg text')].flatMap(t => {
    const r = t.getBoundingClientRect();
    if (!r.width || !r.height || !t.textContent.trim()) return [];
    const m = t.getScreenCTM();
    return [{px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b), text: t.textContent}];
})"""

# Each figure's box, and each SVG in it (one, or one per panel): where they sit against the article's column.
FIGURE_BOXES = """() => {
    const col = document.querySelector('.md-content article').getBoundingClientRect();
    return [...document.querySelectorAll('.md-content .sn-figure__svg')].filter(b => b.checkVisibility()).map(b => {
        const r = b.getBoundingClientRect();
        const caption = (b.closest('figure').querySelector('figcaption') || b).textContent.trim().slice(0, 50);
        return {right: r.right, left: r.left, scrolls: b.scrollWidth > b.clientWidth + 1, caption,
                column: [col.left, col.right],
                panels: [...b.querySelectorAll('svg')].map(s => s.getBoundingClientRect()).map(p => [p.left, p.right])};
    });
}"""

# The image a screen reader meets: a figure's SVG, or the box of a figure drawn as several panels.
FIGURE_NAMES = """() => [...document.querySelectorAll('.md-content .sn-figure [role="img"]')].map(image => {
    const text = (attr) => (image.getAttribute(attr) || '').split(' ').filter(Boolean)
        .map(id => document.getElementById(id)).map(el => el ? el.textContent.trim() : null);
    return {labelledby: text('aria-labelledby'), describedby: text('aria-describedby'),
            label: image.getAttribute('aria-label'),
            captionInFigure: !!image.closest('figure').querySelector('figcaption')};
})"""


# The smallest figure text a reader can read, in CSS px as drawn: on a phone (390 px) and on a desktop.
PHONE_SMALLEST_PX = 10.0
DESKTOP_SMALLEST_PX = 11.0


def post_reading_problems(tab, where: str, *, lang: str, smallest: float) -> list[str]:
    """What keeps a reader from reading a post at the page's current width (empty on a good page): figure
    text smaller than ``smallest`` px as drawn (font size times the SVG's scale on screen), a figure or one of
    its panels wider than the column (it would have to be swiped sideways), a figure its page does not name
    (caption and text alternative), and the layout problems of formulas, tables and Korean lines
    (layout_problems)."""
    failures = []
    texts = tab.evaluate(FIGURE_TEXT)
    if not texts:
        failures.append(f"{where}: no figure text found")
    small = sorted((t["px"], t["text"]) for t in texts if t["px"] < smallest - 0.01)
    if small:
        failures.append(f"{where}: {len(small)} texts below {smallest} px, e.g. {small[:3]}")
    for box in tab.evaluate(FIGURE_BOXES):
        left, right = box["column"]
        outside = [p for p in box["panels"] if p[0] < left - 0.5 or p[1] > right + 0.5]
        if box["scrolls"] or box["left"] < left - 0.5 or box["right"] > right + 0.5 or outside:
            failures.append(f"{where}: a figure wider than its column ({right - left:.0f} px): {box}")
    for figure in tab.evaluate(FIGURE_NAMES):
        if figure["label"]:
            continue
        if not (figure["labelledby"] and all(t and len(t) > 20 for t in figure["labelledby"])):
            failures.append(f"{where}: a figure without its caption {figure}")
        if not (figure["describedby"] and all(t and len(t) > 20 for t in figure["describedby"])):
            failures.append(f"{where}: a figure without its text alternative {figure}")
        if not figure["captionInFigure"]:
            failures.append(f"{where}: the caption did not move into its figure {figure}")
    if problems := layout_problems(tab, korean=lang == "ko"):
        failures.append(f"{where}: does not fit the screen: {problems}")
    return failures


def lay_out_everything(page) -> None:
    """Lay out the blocks the page leaves for later (content-visibility: auto in site.css lays a block out
    when it comes near the screen): measured inside a block not laid out yet, a range's boxes can come from
    two layouts (a ")" and the particle after it 19 px apart on one line). Widths and line breaks are those
    the reader sees, who scrolls each block into view."""
    page.add_style_tag(content="* { content-visibility: visible !important; }")


def wait_until_still(page) -> None:
    """Wait until the page's height has stayed the same for 10 frames in a row: blocks laid out as they come
    near the screen (content-visibility) change it for a few frames after a scroll, moving what is below."""
    page.evaluate(
        """() => new Promise(done => {
            let last = -1, same = 0;
            const tick = () => {
                const height = document.documentElement.scrollHeight;
                same = height === last ? same + 1 : 0;
                last = height;
                if (same >= 10) done(true); else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
        })"""
    )


def wait_for_math(page) -> None:
    """Wait until the page's formulas are drawn with their font: they arrive as MathML from the build
    (hooks/formulas.py), so what is left to wait for is the math font, which a page with formulas loads."""
    # The browser asks for the font face when it first draws a formula. Blocks away from the screen are not
    # drawn (content-visibility), so on a page whose first screen has no formula it is asked for here, as
    # scrolling to one would (the page preloads the file).
    page.evaluate("""() => document.querySelector('math') && document.fonts.load('16px "SN Math"', 'x+1').then(() => true)""")
    page.wait_for_function(
        """() => {
            // every formula is MathML (an inline one a bare <math>; no arithmatex box left holding TeX)
            const n = document.querySelectorAll('math').length;
            if ([...document.querySelectorAll('.arithmatex')].some(e => !e.querySelector('math'))) return false;
            return document.fonts.status === 'loaded' && (n === 0 || document.fonts.check('16px "SN Math"', 'x+1'));
        }""",
        timeout=30_000,
    )


def wait_for_search(page) -> None:
    """Wait until the page's search is ready to answer (its index loaded in the worker).

    Material shows its "initializing" text until then; after, the "type to start searching" text or the
    count of the last answer. A query typed before that may be dropped. The texts are the page language's,
    from the page's config. The index loads only once the reader opens search (the field has the focus:
    docs/javascripts/search-on-demand.js over HTTP, Material's own rule from file://), so open it first.
    """
    page.wait_for_function(
        """() => {
            const t = JSON.parse(document.getElementById('__config').textContent).translations;
            const meta = document.querySelector('.md-search-result__meta');
            if (!meta) return false;
            const text = meta.textContent.trim();
            const count = s => new RegExp('^' + s.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&').replace('#', '\\\\d+') + '$');
            return text === t['search.result.placeholder'] || text === t['search.result.none']
                || count(t['search.result.one']).test(text) || count(t['search.result.other']).test(text);
        }""",
        timeout=30_000,
    )


# Material lists the first 10 results, then 4 more each time the list is scrolled to its bottom. It
# notices "at the bottom" only as a change (its boundary watch ends in distinctUntilChanged), so after a
# batch is appended the list must be seen away from its new bottom before reaching it again, as it is
# when a reader scrolls down with a wheel, a finger or the scrollbar. Jumping from bottom to new bottom
# (scrollTop = scrollHeight each time) never lets it see that, and the list stops at 14. So, as a reader
# reading on would, after a batch arrives the list is scrolled down by half of what the batch added, then
# to its bottom; each position is seen by the page (its scroll event, then the animation frame after it,
# in which Material measures) before the next.
SCROLL_THROUGH_RESULTS = """async n => {
    const w = document.querySelector('.md-search__scrollwrap');
    const listed = () => document.querySelectorAll('.md-search-result__item').length;
    const frame = () => new Promise(r => requestAnimationFrame(() => r()));
    const scrollTo = async top => {
        const from = w.scrollTop, scrolled = new Promise(r => w.addEventListener('scroll', r, {once: true}));
        w.scrollTop = top;
        if (w.scrollTop !== from) await Promise.race([scrolled, frame().then(frame).then(frame)]);
        await frame(); await frame();
    };
    await frame(); await frame();  // the page has seen where the new list opened
    let height = w.scrollHeight;
    for (let tries = 0; listed() < n && tries < 3; tries++) {
        const before = listed();
        if (w.scrollHeight > height) await scrollTo(w.scrollTop + (w.scrollHeight - height) / 2);
        height = w.scrollHeight;
        await scrollTo(w.scrollHeight - w.clientHeight);
        if (listed() > before) tries = -1;
    }
    return listed();
}"""


def search_results(tab, query: str) -> list[str]:
    """The results Material's search shows first for ``query``, typed as a reader types (the whole
    word arrives at once, as after the input method commits it, then a key is released), in order:
    each result's address relative to the page's language root, without ``?h=``, with its ``#row``
    for a glossary row (a result of its own) and without ``#section`` otherwise."""
    _type_query(tab, query)
    return tab.evaluate("""() => {
        const root = new URL(JSON.parse(document.getElementById('__config').textContent).base, location.href).href;
        return [...document.querySelectorAll('.md-search-result__item')].map(item => {
            const links = [...item.querySelectorAll('a.md-search-result__link')].map(a => new URL(a.href));
            const row = links.find(u => u.hash && u.pathname.endsWith('/glossary/'));
            const url = row && links.length === 2 ? row : links[0];
            return (url.origin + url.pathname).replace(root, '') + (url === row ? url.hash : '');
        });
    }""")


def _type_query(tab, query: str) -> None:
    field = tab.locator("input.md-search__input")
    button = tab.locator("label.md-header__button[for='__search']")  # a phone: the field opens from the header
    if button.is_visible() and not tab.locator("#__search").is_checked():
        button.click()
    field.click()  # opening search loads its index
    wait_for_search(tab)  # else the first answer could be the "ready" text, not the query's count
    before = tab.evaluate(
        """() => { const items = document.querySelectorAll('.md-search-result__item');
                   items.forEach(i => { i.dataset.snOld = '1'; });
                   return {items: items.length, meta: document.querySelector('.md-search-result__meta').textContent}; }"""
    )
    field.fill(query)
    field.press("End")  # Material reads the query on key events
    # The answer has arrived when the old result items are gone (or, on a first search, the count line changed).
    tab.wait_for_function(
        """before => !document.querySelector('.md-search-result__item[data-sn-old]')
               && (before.items > 0 || document.querySelector('.md-search-result__meta').textContent !== before.meta)""",
        arg=before,
    )


def search_pages(tab, query: str) -> set[str]:
    """The pages (addresses without #section) that Material's search lists for ``query``."""
    _type_query(tab, query)
    # a new answer opens at its top, its best match in sight, however far the last list was scrolled
    assert tab.evaluate("document.querySelector('.md-search__scrollwrap').scrollTop") == 0, f"{query!r}: list opens scrolled"
    meta = tab.inner_text(".md-search-result__meta")
    number = re.search(r"\d+", meta)
    expected = int(number.group()) if number else 0
    listed = tab.evaluate(SCROLL_THROUGH_RESULTS, expected)
    assert listed == expected, f"{query!r}: {meta} counted, {listed} listed after scrolling to the end"
    links = tab.eval_on_selector_all(".md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)")
    root = tab.url.split("#")[0].split("?")[0]
    return {link.split("#")[0].split("?")[0].removeprefix(root) for link in links}


def screenshot(page, name: str) -> Path | None:
    """Save a full-page screenshot under test-artifacts/screenshots/ when ``STUDYNOTES_SCREENSHOTS=1``
    (the GitHub workflow sets it and uploads them for review). A full-page shot of a long post takes
    seconds, so a local ``make test`` does not take them; they are pictures for people, not checks."""
    if os.environ.get("STUDYNOTES_SCREENSHOTS") != "1":
        return None
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
