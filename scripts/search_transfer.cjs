// What a search downloads: runs the site's search worker (docs/javascripts/workers/search.js) in Node
// over a built site, as the browser would after the reader opens search, and reports for each query the
// files it fetched and their size gzip-compressed (level 6, as scripts/bench_scale.py counts), the
// language's search_index.json included (Material's page loads it when search opens).
//   node scripts/search_transfer.cjs <site> <ko|en> '["query", ...]'
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const [site, lang, queriesJson] = process.argv.slice(2);
const prefix = lang === "ko" ? "" : `${lang}/`;
const fetched = new Set();
globalThis.self = { location: { href: `file://${path.resolve(site)}/javascripts/workers/search.js` } };
globalThis.fetch = async (url) => {
  const file = new URL(url).pathname;
  fetched.add(file);
  const text = fs.readFileSync(file, "utf8");
  return { ok: true, status: 200, json: async () => JSON.parse(text) };
};
const worker = require(path.resolve(__dirname, "..", "docs", "javascripts", "workers", "search.js"));
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;

(async () => {
  const manifestFile = path.resolve(site, `${prefix}search/search_index.json`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  const out = {};
  for (const query of JSON.parse(queriesJson)) {
    worker.setup({ config: manifest.config, options: { suggest: true } });  // a fresh page: nothing cached
    fetched.clear();
    const result = await worker.search(query);
    const files = [manifestFile, ...fetched];
    out[query] = {
      results: result.items.length,
      files: files.length,
      gzip_bytes: files.reduce((sum, f) => sum + gz(f), 0),
    };
  }
  console.log(JSON.stringify(out));
})();
