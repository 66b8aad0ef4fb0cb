// The site's search worker, in place of Material's (overrides/main.html points __config.search here).
// It speaks Material's worker protocol, so Material's search box, result list, keyboard handling,
// suggestions and highlighting work as they do with Material's own worker:
//   {type: 0, data: {config, docs, options}}  setup: config.sn describes this language's static index
//   {type: 1}                                  ready
//   {type: 2, data: "query"}                   a query, as typed
//   {type: 3, data: {items, suggest}}          results: one list per page, the page itself first
// Instead of the whole index it fetches, for each query, only the buckets holding the query's terms and
// the teasers of the pages it lists (hooks/studynotes_site/search_index.py writes them; the offline
// copy inlines them in config.sn.inline, since a page opened from file:// cannot fetch).
//
// `terms` below must split text exactly as hooks/studynotes_site/search_terms.py's `terms` does (tests/hooks/test_search_index.py
// runs both over the same strings).

const WORD = /[가-힣]+|[a-z0-9]+|[α-ω]+/g;
const PARTICLES = `은 는 이 가 을 를 의 에 에서 으로 로 와 과 도 만 에는 에서는 으로는 로는 와는 과는 에도 에서도 으로도
    로도 이나 나 까지 부터 보다 처럼 마다 에게 이다 이고 이며 이면 이란 란 이라 라 과의 와의 에서의 으로의 로의
    만큼 밖에 조차 뿐 이라는 라는 이라고 라고 인 일`.split(/\s+/).sort((a, b) => b.length - a.length);
const PARTICLE_TAIL = new RegExp(`^([가-힣]{2,}?)(?:${PARTICLES.join("|")})$`);
const PLURAL = /^([a-z0-9]{2,}[^su])s$/;
const isHangul = (c) => c >= "가" && c <= "힣";
const JOINED = "~";

function stem(word) {
  if (word.length < 2 && word >= "a" && word <= "z") return null;
  const match = PARTICLE_TAIL.exec(word) || PLURAL.exec(word);
  return match ? match[1] : word;
}

function terms(text) {
  return (text.toLowerCase().match(WORD) || []).map(stem).filter(Boolean);
}

const key = (term) => (isHangul(term[0]) ? term[0] : term.slice(0, 2));

function bucket(term, buckets) {
  let h = 0x811c9dc5;
  const k = key(term);
  for (let i = 0; i < k.length; i++) {
    h ^= k.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % buckets;
}

// -- data ------------------------------------------------------------------------------------------

let config = null;
let sn = null;
let suggest = false;
const shards = new Map();  // bucket -> Promise of {term: [gap, weight, gap, weight, ...]}
const pages = new Map();   // page number -> Promise of [[location, title, teaser], ...]

function load(kind, n) {
  const cache = kind === "shards" ? shards : pages;
  if (!cache.has(n)) {
    if (sn.inline) cache.set(n, Promise.resolve(sn.inline[kind][n]));
    else {
      const url = new URL(`../../${sn.path}${kind}/${n}.json?v=${sn.version}`, self.location.href);
      cache.set(n, fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.json();
      }).catch((error) => { cache.delete(n); throw error; }));
    }
  }
  return cache.get(n);
}

function pageOf(doc) {
  // sn.starts[p] is the first document of page p
  let lo = 0, hi = sn.starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sn.starts[mid] <= doc) lo = mid; else hi = mid - 1;
  }
  return lo;
}

// -- scoring ---------------------------------------------------------------------------------------

const PREFIX = 0.6;       // a word being typed, found as the start of a longer term
const MAX_PAGES = 20;     // pages listed for one query (their teasers are fetched)
const SECTION = 0.5;      // a page's best section, against its own entry (which stands for the whole page)

async function postingsFor(term, prefix) {
  // {doc: weight}: the term's own documents, and, for the word being typed, the best weight of the
  // longer terms it begins (times PREFIX)
  const shard = await load("shards", bucket(term, sn.buckets));
  const found = new Map();
  const add = (values, factor, matched) => {
    let doc = 0;
    for (let i = 0; i < values.length; i += 2) {
      doc += values[i];
      const weight = values[i + 1] * factor;
      const known = found.get(doc);
      if (!known || known.weight < weight) found.set(doc, { weight, matched });
    }
  };
  if (shard[term]) add(shard[term], 1, term);
  // a compound typed whole also finds a title that spaces it (the index joins a title's neighbouring
  // words, marked "~": 주변 분포 -> ~주변분포)
  if (!term.startsWith(JOINED)) {
    const joinedShard = await load("shards", bucket(JOINED + term, sn.buckets));
    if (joinedShard[JOINED + term]) add(joinedShard[JOINED + term], 1, term);
  }
  if (prefix)
    for (const [other, values] of Object.entries(shard))
      if (other !== term && other.startsWith(term)) add(values, PREFIX * Math.sqrt(term.length / other.length), other);
  return found;
}

async function search(query) {
  const words = [...new Set(terms(query))];
  if (!words.length) return { items: [] };
  const typing = !/\s$/.test(query);
  // each two neighbouring words also as one (the index joins a title's neighbouring terms too): they
  // add to a page's score but are not among the words a result must contain
  const joined = words.slice(1).map((w, i) => JOINED + words[i] + w);
  const lists = await Promise.all([...words, ...joined].map((w, i) => postingsFor(w, typing && i === words.length - 1)));
  // documents: summed weights, boosted by the share of the query's terms they contain
  const docs = new Map();
  lists.forEach((list, i) => {
    for (const [doc, { weight, matched }] of list) {
      const entry = docs.get(doc) || { score: 0, found: new Set(), matched: new Set() };
      entry.score += weight;
      if (i < words.length) {
        entry.found.add(i);
        entry.matched.add(matched);
      }
      docs.set(doc, entry);
    }
  });
  const byPage = new Map();
  for (const [doc, entry] of docs) {
    entry.score *= (1 + entry.found.size / words.length) ** 2;
    const page = pageOf(doc);
    if (!byPage.has(page)) byPage.set(page, []);
    byPage.get(page).push([doc, entry]);
  }
  // a page ranks by its own entry (which stands for the whole page) and its best section
  const ranked = [...byPage].map(([page, list]) => {
    list.sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
    const own = list.find(([doc]) => doc === sn.starts[page]);
    const section = list.find(([doc]) => doc !== sn.starts[page]);
    return { page, list, score: (own ? own[1].score : 0) + SECTION * (section ? section[1].score : 0) };
  }).sort((a, b) => b.score - a.score || a.page - b.page);
  // API pages after every post and other page (sn.kinds: a letter per page, the initial of its kind in
  // search_weights.py: "a" an API page, "p" a post or another page, "g" a glossary row, "i" an index page)
  const lastPost = ranked.map((r) => sn.kinds[r.page]).lastIndexOf("p");
  const api = ranked.slice(0, lastPost).filter((r) => sn.kinds[r.page] === "a");
  if (api.length) {
    const others = ranked.filter((r) => !api.includes(r));
    others.splice(others.indexOf(ranked[lastPost]) + 1, 0, ...api);
    ranked.splice(0, ranked.length, ...others);
  }
  ranked.splice(MAX_PAGES);

  const shown = await Promise.all(ranked.map(({ page }) => load("pages", page)));
  const highlight = highlighter([...new Set(ranked.flatMap(({ list }) => list.flatMap(([, e]) => [...e.matched])))]);
  // the words as typed, each with the indexes of its terms in `words` (Material shows the words a
  // result lacks, and highlights the others on the page it opens: ?h=)
  const typed = query.trim().split(/\s+/).filter(Boolean).map((w) => [w, terms(w).map((t) => words.indexOf(t))]);
  const termsOf = (found) => Object.fromEntries(typed.map(([w, ids]) => [w, ids.length > 0 && ids.every((i) => found.has(i))]));
  const items = ranked.map(({ page, list, score }, n) => {
    const first = sn.starts[page];
    const pageFound = new Set(list.flatMap(([, e]) => [...e.found]));
    const item = (doc, s, found) => {
      const [location, title, text] = shown[n][doc - first];
      return { location, title: highlight(title), text: highlight(text), score: s, terms: termsOf(found) };
    };
    // the page itself (its address has no "#") first, scored as the group: Material shows under it the
    // sections that score as high (here: the best one) and folds the others
    const group = [item(first, score, pageFound)];
    list.filter(([doc]) => doc !== first).forEach(([doc, e], i) =>
      group.push(item(doc, i === 0 ? score : Math.min(e.score, score * 0.99), e.found)));
    return group;
  });
  const result = { items };
  if (suggest) result.suggest = suggestion(words, lists[words.length - 1]);
  return result;
}

function suggestion(words, last) {
  // the query with its last word completed to the term that gave it the most weight
  let best = null;
  for (const { weight, matched } of last.values()) if (!best || weight > best.weight) best = { weight, matched };
  return best ? [...words.slice(0, -1), best.matched] : [];
}

// -- highlighting ----------------------------------------------------------------------------------

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function highlighter(found) {
  // <mark> around each word of the text whose term is one of `found`, outside tags and formulas
  const wanted = new Set(found);
  if (!wanted.size) return (html) => html;
  return (html) => html.replace(/(<math\b[\s\S]*?<\/math>|<[^>]+>)|([^<]+)/g, (all, tag, text) => {
    if (tag) return tag;
    return text.replace(/[가-힣]+|[A-Za-z0-9]+|[α-ωΑ-Ω]+/g, (word) => {
      const term = stem(word.toLowerCase());
      if (!term) return word;
      if (wanted.has(term)) return `<mark>${word}</mark>`;
      for (const t of wanted)
        if (isHangul(t[0]) && term.length > t.length && term.endsWith(t)) return word.replace(new RegExp(`${escapeRegExp(t)}`), "<mark>$&</mark>");
      return word;
    });
  });
}

// -- protocol --------------------------------------------------------------------------------------

function setup(data) {
  config = data.config;
  sn = config.sn;
  suggest = Boolean(data.options && data.options.suggest);
  shards.clear();
  pages.clear();
}

let latest = 0;
const onMessage = async (event) => {
  const message = event.data;
  if (message.type === 0) {
    setup(message.data);
    self.postMessage({ type: 1 });
  } else if (message.type === 2) {
    const ticket = ++latest;
    let data;
    try {
      data = await search(String(message.data));
    } catch (error) {
      console.error(error);
      data = { items: [] };
    }
    if (ticket === latest) self.postMessage({ type: 3, data });
  }
};

if (typeof module === "undefined") self.addEventListener("message", onMessage);
else module.exports = { terms, stem, bucket, key, setup, search };  // node: the tests
