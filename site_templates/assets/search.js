/* Bảng Vàng search client: loads only the index shards a query needs (see generator/search_index.py).
   No dependencies, no network access beyond this site. Text is folded exactly like generator.text.fold. */
(function () {
  "use strict";
  var root = document.querySelector("[data-bv-search]");
  if (!root) return;
  var indexUrl = root.getAttribute("data-bv-index");
  var siteRoot = root.getAttribute("data-bv-root");
  var chunk = parseInt(root.getAttribute("data-bv-chunk"), 10);
  var shards = {};
  root.getAttribute("data-bv-shards").split(",").forEach(function (p) { shards[p] = true; });
  var PAGE = 20, MAX_COMPLETIONS = 40;
  var KINDS = { nguoi: "Người được khen", qd: "Quyết định", guong: "Gương điển hình", "don-vi": "Đơn vị",
                "hinh-thuc": "Hình thức", trang: "Trang" };
  var form = root.querySelector("form");
  var input = root.querySelector("#bv-q");
  var statusEl = root.querySelector("#bv-status");
  var list = root.querySelector("#bv-results");
  var more = root.querySelector("#bv-more");
  var filters = Array.prototype.slice.call(root.querySelectorAll("select[data-bv-facet]"));
  var cache = {};
  var generation = 0;
  var current = { ids: [], shown: 0, terms: [] };

  function get(path, binary) {
    if (!cache[path]) {
      cache[path] = fetch(indexUrl + path).then(function (r) {
        if (r.status === 404) return binary ? new ArrayBuffer(0) : {};
        if (!r.ok) throw new Error("HTTP " + r.status);
        return binary ? r.arrayBuffer() : r.json();
      });
    }
    return cache[path];
  }
  function fold(s) {
    return s.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function tokens(s) { return fold(s).match(/[a-z0-9]+/g) || []; }
  /* A posting list decodes to {ids, titles}: sorted doc ids, and 1 where the word is in the title. */
  function decode(bytes) {
    var ids = [], titles = [], prev = -1, cur = 0, mul = 1;
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes[i];
      cur += (b & 0x7f) * mul;
      if (b & 0x80) { mul *= 128; } else {
        prev += cur; ids.push(Math.floor(prev / 2)); titles.push(prev % 2); cur = 0; mul = 1;
      }
    }
    return { ids: ids, titles: titles };
  }
  function b64(s) {
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function fileName(term) { return term.replace(/:/g, "_"); }
  function shardOf(term) { return term.charAt(0) === ":" ? ":" + term.charAt(1) : term.slice(0, 2); }
  function shard(term) {
    var p = shardOf(term);
    return shards[p] ? get("t/" + fileName(p) + ".json", false) : Promise.resolve({});
  }
  function postingsOf(term, entry) {
    if (!entry) return Promise.resolve({ ids: [], titles: [] });
    if (entry[1] !== null) return Promise.resolve(decode(b64(entry[1])));
    return get("p/" + fileName(term) + ".bin", true).then(function (buf) { return decode(new Uint8Array(buf)); });
  }
  function exact(term) { return shard(term).then(function (s) { return postingsOf(term, s[term]); }); }
  /* The word being typed matches itself and its most frequent completions ("thuo" → "thuong"). */
  function withCompletions(term) {
    if (term.length < 2 || /^[0-9]+$/.test(term)) return exact(term);
    return shard(term).then(function (s) {
      var terms = Object.keys(s).filter(function (t) { return t.indexOf(term) === 0; });
      terms.sort(function (a, b) { return (a === term ? -1 : b === term ? 1 : s[b][0] - s[a][0]); });
      return Promise.all(terms.slice(0, MAX_COMPLETIONS).map(function (t) { return postingsOf(t, s[t]); }))
        .then(union);
    });
  }
  function union(lists) {
    if (lists.length === 1) return lists[0];
    var best = {};
    lists.forEach(function (l) {
      l.ids.forEach(function (id, i) { best[id] = Math.max(best[id] || 0, l.titles[i]); });
    });
    var ids = Object.keys(best).map(Number).sort(function (a, b) { return a - b; });
    return { ids: ids, titles: ids.map(function (id) { return best[id]; }) };
  }
  /* Documents in every list; those with every word in their title first, then the rest, each in rank order. */
  function intersect(lists) {
    lists.sort(function (a, b) { return a.ids.length - b.ids.length; });
    var result = lists[0] || { ids: [], titles: [] };
    for (var k = 1; k < lists.length && result.ids.length; k++) {
      var other = lists[k], ids = [], titles = [], j = 0;
      for (var i = 0; i < result.ids.length; i++) {
        var v = result.ids[i];
        while (j < other.ids.length && other.ids[j] < v) j++;
        if (j === other.ids.length) break;
        if (other.ids[j] === v) { ids.push(v); titles.push(result.titles[i] & other.titles[j]); }
      }
      result = { ids: ids, titles: titles };
    }
    var strong = [], weak = [];
    result.ids.forEach(function (id, i) { (result.titles[i] ? strong : weak).push(id); });
    return strong.concat(weak);
  }
  function docs(ids) {
    var chunks = {};
    ids.forEach(function (id) { chunks[Math.floor(id / chunk)] = true; });
    var names = Object.keys(chunks);
    return Promise.all(names.map(function (n) { return get("d/" + n + ".json", false); })).then(function (loaded) {
      var byChunk = {};
      names.forEach(function (n, i) { byChunk[n] = loaded[i]; });
      return ids.map(function (id) { return byChunk[Math.floor(id / chunk)][id % chunk]; });
    });
  }
  function highlight(parent, text, terms) {
    text.split(/(\s+)/).forEach(function (word) {
      var folded = tokens(word);
      var hit = folded.length && folded.some(function (w) {
        return terms.some(function (t) { return w === t || (t.length > 1 && w.indexOf(t) === 0); });
      });
      if (hit) { var m = document.createElement("mark"); m.textContent = word; parent.appendChild(m); }
      else parent.appendChild(document.createTextNode(word));
    });
  }
  function item(doc, terms) {
    var li = document.createElement("li");
    li.className = "bv-result bv-result--" + doc[0];
    var a = document.createElement("a");
    a.href = siteRoot + doc[4];
    var kind = document.createElement("span");
    kind.className = "bv-result__kind";
    kind.textContent = KINDS[doc[0]] || doc[0];
    var title = document.createElement("span");
    title.className = "bv-result__title";
    highlight(title, doc[1], terms);
    a.appendChild(kind); a.appendChild(title);
    if (doc[5]) {
      var badge = document.createElement("span");
      badge.className = "bv-badge bv-badge--revoked";
      badge.textContent = "Đã hủy bỏ";
      a.appendChild(badge);
    }
    [doc[2], doc[3]].forEach(function (line, i) {
      if (!line) return;
      var span = document.createElement("span");
      span.className = i ? "bv-result__detail" : "bv-result__subtitle";
      highlight(span, line, terms);
      a.appendChild(span);
    });
    li.appendChild(a);
    return li;
  }
  function say(text) { statusEl.textContent = text; }
  function showMore() {
    var mine = generation, slice = current.ids.slice(current.shown, current.shown + PAGE);
    return docs(slice).then(function (rows) {
      if (mine !== generation) return;
      rows.forEach(function (doc) { list.appendChild(item(doc, current.terms)); });
      current.shown += slice.length;
      more.hidden = current.shown >= current.ids.length;
    });
  }
  function run() {
    var text = input.value, terms = tokens(text);
    var facets = filters.filter(function (s) { return s.value; })
      .map(function (s) { return ":" + s.getAttribute("data-bv-facet") + s.value; });
    var mine = ++generation;
    syncUrl(text);
    if (!terms.length && !facets.length) {
      list.textContent = ""; more.hidden = true; say(""); return Promise.resolve();
    }
    var typing = !/\s$/.test(text);
    var lookups = terms.map(function (t, i) { return i === terms.length - 1 && typing ? withCompletions(t) : exact(t); })
      .concat(facets.map(exact));
    root.setAttribute("aria-busy", "true");
    return Promise.all(lookups).then(function (lists) {
      if (mine !== generation) return;
      current = { ids: intersect(lists), shown: 0, terms: terms };
      list.textContent = "";
      var n = current.ids.length;
      var what = text.trim() ? " cho «" + text.trim() + "»" : "";
      say(n ? "Tìm thấy " + n.toLocaleString("vi-VN") + " kết quả" + what + "."
            : "Không tìm thấy kết quả nào" + what + ". Hãy thử bớt từ, kiểm tra chính tả hoặc bỏ bộ lọc.");
      return showMore();
    }).catch(function () {
      if (mine === generation) say("Không tải được chỉ mục tìm kiếm. Hãy tải lại trang.");
    }).then(function () { root.removeAttribute("aria-busy"); });
  }
  function syncUrl(text) {
    var params = new URLSearchParams();
    if (text.trim()) params.set("q", text.trim());
    filters.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
    var qs = params.toString();
    history.replaceState(null, "", qs ? "?" + qs : location.pathname);
  }
  var timer;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 80); });
  filters.forEach(function (s) { s.addEventListener("change", run); });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });
  more.addEventListener("click", function () { showMore(); });
  /* Arrow keys move between the box and the results; Escape returns to the box. */
  root.addEventListener("keydown", function (e) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      if (at + 1 < links.length) { links[at + 1].focus(); e.preventDefault(); }
    } else if (e.key === "ArrowUp" && at >= 0) {
      (at === 0 ? input : links[at - 1]).focus(); e.preventDefault();
    } else if (e.key === "Escape" && at >= 0) {
      input.focus(); e.preventDefault();
    }
  });
  var params = new URLSearchParams(location.search);
  if (params.get("q")) input.value = params.get("q");
  filters.forEach(function (s) { if (params.get(s.name)) s.value = params.get(s.name); });
  root.removeAttribute("data-bv-nojs");
  if (input.value || filters.some(function (s) { return s.value; })) run();
})();
