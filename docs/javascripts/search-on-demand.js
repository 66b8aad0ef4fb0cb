// Search costs nothing until the reader asks for it. Material requests the search index and starts its
// search worker (the site's, docs/javascripts/workers/search.js) as soon as a page loads; this script,
// loaded just before Material's bundle, holds both back until the reader opens search: focuses or
// touches the search field, clicks the search icon, presses a search key (Material then focuses the
// field), or arrives with a search in the address (?q=, or ?h= from a search result). Material's code
// is unchanged: the index request waits before it is sent, and the worker is created on Material's
// first message to it.
(() => {
  let opened = false;
  const waiting = [];
  const open = () => {
    if (opened) return;
    opened = true;
    for (const go of waiting.splice(0)) go();
  };
  const isIndex = (url) => /\/search\/search_index\.json(?:[?#]|$)/.test(String(url));

  const xhrOpen = XMLHttpRequest.prototype.open;
  const xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.snSearchIndex = isIndex(new URL(url, location.href).pathname);
    return xhrOpen.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.snSearchIndex && !opened) waiting.push(() => xhrSend.apply(this, args));
    else xhrSend.apply(this, args);
  };

  // From file:// (the offline copy) Material loads the index as a script, search/search_index.js, added
  // to <head>: that addition waits too.
  const headAppend = document.head.appendChild;
  document.head.appendChild = function (node) {
    if (!opened && node instanceof HTMLScriptElement && /\/search\/search_index\.js(?:[?#]|$)/.test(node.src)) {
      waiting.push(() => headAppend.call(this, node));
      return node;
    }
    return headAppend.call(this, node);
  };

  // Material's search worker: a stand-in that creates the real worker on the first message sent to it
  // (the index, once it has arrived) and passes messages both ways.
  const RealWorker = window.Worker;
  class WorkerOnDemand extends EventTarget {
    constructor(url, options) {
      super();
      this.args = [url, options];
      this.worker = null;
    }
    postMessage(...message) {
      if (!this.worker) {
        this.worker = new RealWorker(...this.args);
        for (const type of ["message", "messageerror", "error"])
          this.worker.addEventListener(type, (event) =>
            this.dispatchEvent(type === "error" ? new ErrorEvent("error", event) : new MessageEvent(type, { data: event.data })));
      }
      this.worker.postMessage(...message);
    }
    terminate() {
      if (this.worker) this.worker.terminate();
    }
  }
  window.Worker = function Worker(url, options) {
    if (/\/workers\/search\.(?:[^/?#]*\.)?js(?:[?#]|$)/.test(String(url))) return new WorkerOnDemand(url, options);
    return new RealWorker(url, options);
  };
  window.Worker.prototype = RealWorker.prototype;

  const searchField = (target) => target instanceof Element && target.closest(".md-search, label[for='__search']");
  document.addEventListener("focusin", (event) => searchField(event.target) && open(), true);
  for (const type of ["pointerdown", "click"])
    document.addEventListener(type, (event) => searchField(event.target) && open(), true);
  document.addEventListener("change", (event) => event.target.id === "__search" && open(), true);
  // ?q= opens search; ?h= (a page opened from a search result) highlights the query's words, which needs
  // the index's settings.
  const params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) open();
})();
