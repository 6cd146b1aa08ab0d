/* Bảng Vàng search client: loads only the index files a query needs (format: generator/site/search_index.py).
   No dependencies, no network access beyond this site. Text is folded exactly like generator.text.fold. */
(function () {
  "use strict";
  var root = document.querySelector("[data-bv-search]");
  if (!root) return;
  var indexUrl = root.getAttribute("data-bv-index");
  var siteRoot = root.getAttribute("data-bv-root");
  var CAP = parseInt(root.getAttribute("data-bv-cap"), 10);
  var CLASS_SPAN = CAP * parseInt(root.getAttribute("data-bv-nbmax"), 10);
  var shards = setOf(root.getAttribute("data-bv-shards"));
  var longTerms = setOf(root.getAttribute("data-bv-long"));
  var PAGE = 20;           // results per page
  var QUOTA = 5;           // results of one file in a row, so a page needs few files
  var DEBOUNCE = 200;      // ms after the last keystroke before a search runs (files of typed words load at once)
  var MAX_COMPLETIONS = 40, LONG_BUDGET = 20000;  // completions of the word being typed; documents of large ones
  var SHIFT = 134217728;   // 2^27: document numbers are below it
  var MAXKEY = 8191;
  var KINDS = { "ca-nhan": "Cá nhân", "tap-the": "Tập thể", "ho-gia-dinh": "Hộ gia đình", qd: "Quyết định",
                "don-vi": "Đơn vị", guong: "Gương điển hình", "hinh-thuc": "Hình thức khen thưởng", trang: "Trang" };
  var PEOPLE = { "ca-nhan": true, "tap-the": true, "ho-gia-dinh": true };
  var form = root.querySelector("form");
  var input = root.querySelector("#bv-q");
  var statusEl = root.querySelector("#bv-status");
  var list = root.querySelector("#bv-results");
  var more = root.querySelector("#bv-more");
  var filterBox = root.querySelector("#bv-filters");
  var filterCount = root.querySelector("#bv-filter-count");
  var filters = Array.prototype.slice.call(root.querySelectorAll("select[data-bv-facet]"));
  var decoder = typeof TextDecoder === "function" ? new TextDecoder() : null;
  var files = {};          // path → {promise, ctrl, owners, pending, keep}: one fetch per file, shared
  var parsed = {};         // word → its decoded payload
  var runs = 0;
  var active = null;       // the search whose results are on screen (or coming)
  var live = [];           // searches whose files are not released yet

  function setOf(text) {
    var out = {};
    (text || "").split(",").forEach(function (p) { if (p) out[p] = true; });
    return out;
  }

  /* --- files: fetched once; a file that only superseded searches wanted is aborted ------------------ */
  function load(path, binary, run) {
    var f = files[path];
    if (!f) {
      var ctrl = typeof AbortController === "function" ? new AbortController() : null;
      f = files[path] = { ctrl: ctrl, owners: {}, pending: true, keep: false };
      f.promise = fetch(indexUrl + path, ctrl ? { signal: ctrl.signal } : {}).then(function (r) {
        if (r.status === 404) return binary ? new ArrayBuffer(0) : null;
        if (!r.ok) throw new Error("HTTP " + r.status);
        return binary ? r.arrayBuffer() : r.json();
      }).then(function (value) { f.pending = false; return value; },
              function (error) { if (files[path] === f) delete files[path]; throw error; });
    }
    if (run) { f.owners[run.id] = true; run.paths.push(path); } else { f.keep = true; }
    return f.promise;
  }
  function release(run, rowsOnly) {
    run.paths = run.paths.filter(function (path) {
      if (rowsOnly && path.charAt(0) !== "d") return true;
      var f = files[path];
      if (f) {
        delete f.owners[run.id];
        if (f.pending && !f.keep && f.ctrl && !Object.keys(f.owners).length) {
          delete files[path];
          f.ctrl.abort();
        }
      }
      return false;
    });
  }
  /* Every earlier search's files are given up once ``keep`` has claimed the files it needs; their
     rows at once (a new query seldom shows the same rows, and on HTTP/1.1 they hold connections). */
  function retire(keep, rowsOnly) {
    live.forEach(function (r) { if (r !== keep) release(r, rowsOnly); });
    if (!rowsOnly) live = keep ? [keep] : [];
  }

  /* --- text: the same fold as generator.text.fold, and words with their written form ----------------- */
  function fold(s) {
    return s.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function tokens(s) { return fold(s).match(/[a-z0-9]+/g) || []; }
  /* Words of a query: {fold, form, marked}; form is the word as written (NFC, lower case), marked when it
     has a diacritic (then results written the same way rank first). Mirrors search_index.word_forms. */
  function words(text) {
    var out = [], folded = "", written = "";
    function flush() {
      if (folded) {
        var w = written.normalize("NFC");
        out.push({ fold: folded, form: w, marked: w !== folded });
      }
      folded = ""; written = "";
    }
    Array.from(text.normalize("NFC")).forEach(function (ch) {
      var f = fold(ch);
      if (!f) { if (folded) written += ch; }
      else if (/^[a-z0-9]+$/.test(f)) { folded += f; written += ch.toLowerCase(); }
      else flush();
    });
    flush();
    var check = tokens(text);
    if (out.map(function (w) { return w.fold; }).join(" ") !== check.join(" ")) {
      return check.map(function (t) { return { fold: t, form: t, marked: false }; });
    }
    return out;
  }

  /* --- the index: shards, payloads, filters ----------------------------------------------------------- */
  function shardOf(term) { return term.slice(0, 2); }
  function shard(term) {
    var p = shardOf(term);
    return shards[p] ? load("t/" + p + ".json", false, null).then(function (s) { return s || {}; })
                     : Promise.resolve({});
  }
  function varints(bytes, at, count, out, base) {
    var prev = -1;
    for (var k = 0; k < count; k++) {
      var cur = 0, mul = 1, b;
      do { b = bytes[at.i++]; cur += (b & 0x7f) * mul; mul *= 128; } while (b & 0x80);
      prev += cur;
      out[base + k] = prev;
    }
  }
  function varint(bytes, at) {
    var cur = 0, mul = 1, b;
    do { b = bytes[at.i++]; cur += (b & 0x7f) * mul; mul *= 128; } while (b & 0x80);
    return cur;
  }
  /* A payload: {forms: written forms, segs: [{code, form, ids}]} (see search_index.encode_payload). */
  function parsePayload(bytes) {
    var at = { i: 0 }, forms = [], segs = [];
    if (!bytes.length) return { forms: forms, segs: segs };
    var n = varint(bytes, at);
    for (var k = 0; k < n; k++) {
      var len = varint(bytes, at), part = bytes.subarray(at.i, at.i + len);
      forms.push(decoder ? decoder.decode(part) : decodeURIComponent(escape(String.fromCharCode.apply(null, part))));
      at.i += len;
    }
    while (at.i < bytes.length) {
      var code = varint(bytes, at), formIndex = code ? varint(bytes, at) : -1, count = varint(bytes, at);
      var ids = new Int32Array(count);
      varints(bytes, at, count, ids, 0);
      segs.push({ code: code, form: formIndex, ids: ids });
    }
    return { forms: forms, segs: segs };
  }
  function b64(s) {
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function payload(term, entry, run) {
    if (parsed[term]) return Promise.resolve(parsed[term]);
    if (entry[1] !== null) return Promise.resolve(parsed[term] = parsePayload(b64(entry[1])));
    return load("p/" + term + ".bin", true, run).then(function (buf) {
      return parsed[term] || (parsed[term] = parsePayload(new Uint8Array(buf)));
    });
  }
  function facetList(term, run) {
    return load("f/" + term.slice(1) + ".bin", true, run).then(function (buf) {
      var bytes = new Uint8Array(buf), ids = [], at = { i: 0 }, prev = -1;
      while (at.i < bytes.length) { prev += varint(bytes, at); ids.push(prev); }
      return { ids: Int32Array.from(ids), facet: true };
    });
  }
  /* The words a query word stands for: itself, and while it is being typed its most frequent completions
     (every completion whose documents are in the shard, large ones within a budget). */
  function chooseTerms(w, s, completing) {
    var out = s[w.fold] ? [{ term: w.fold, exact: true }] : [];
    if (!completing || w.fold.length < 2 || /^[0-9]+$/.test(w.fold)) return out;
    var others = Object.keys(s).filter(function (t) { return t !== w.fold && t.indexOf(w.fold) === 0; });
    others.sort(function (a, b) { return s[b][0] - s[a][0] || (a < b ? -1 : 1); });
    var spent = 0, large = 0;
    for (var k = 0; k < others.length && out.length < MAX_COMPLETIONS; k++) {
      var t = others[k];
      if (s[t][1] === null) {
        if (large && spent + s[t][0] > LONG_BUDGET) continue;
        large++; spent += s[t][0];
      }
      out.push({ term: t, exact: false });
    }
    return out;
  }
  /* One query word's documents, each with: tm (title positions, 8 bits per field), em (positions matched
     by the exact word, not a completion), xm (positions written exactly as typed, for a word with
     diacritics), fl (1: in other text, 2: the exact word in other text). */
  function merge(w, terms, payloads) {
    var parts = [], total = 0;
    terms.forEach(function (t, k) {
      var p = payloads[k];
      var same = p.forms.map(function (f) { return w.marked && (t.exact ? f === w.form : f.indexOf(w.form) === 0); });
      p.segs.forEach(function (seg) {
        parts.push({ seg: seg, exact: t.exact, written: seg.code ? same[seg.form] : false });
        total += seg.ids.length;
      });
    });
    var ids = new Int32Array(total), tm = new Int32Array(total), em = new Int32Array(total),
        xm = new Int32Array(total), fl = new Uint8Array(total), k = 0;
    parts.forEach(function (part) {
      var bit = part.seg.code ? 1 << (part.seg.code - 1) : 0, src = part.seg.ids;
      var e = part.exact ? bit : 0, x = part.written ? bit : 0, f = part.seg.code ? 0 : (part.exact ? 3 : 1);
      for (var i = 0; i < src.length; i++, k++) { ids[k] = src[i]; tm[k] = bit; em[k] = e; xm[k] = x; fl[k] = f; }
    });
    if (parts.length < 2) return { ids: ids, tm: tm, em: em, xm: xm, fl: fl };
    var keys = new Float64Array(total);
    for (var i = 0; i < total; i++) keys[i] = ids[i] * 4194304 + i;
    keys.sort();
    var out = { ids: new Int32Array(total), tm: new Int32Array(total), em: new Int32Array(total),
                xm: new Int32Array(total), fl: new Uint8Array(total) }, m = -1;
    for (var j = 0; j < total; j++) {
      var at = keys[j] % 4194304, id = ids[at];
      if (m < 0 || out.ids[m] !== id) { m++; out.ids[m] = id; }
      out.tm[m] |= tm[at]; out.em[m] |= em[at]; out.xm[m] |= xm[at]; out.fl[m] |= fl[at];
    }
    m++;
    return { ids: out.ids.subarray(0, m), tm: out.tm.subarray(0, m), em: out.em.subarray(0, m),
             xm: out.xm.subarray(0, m), fl: out.fl.subarray(0, m) };
  }
  /* Claims the files of one query word at once (its shard is loaded: ``s``), so that a search claims
     what it shares with the search it supersedes before that one is released. */
  function wordList(w, completing, run, s) {
    var terms = chooseTerms(w, s, completing);
    if (!terms.length && completing && w.fold.length < 2) return Promise.resolve(null);  // "nguyen van t…"
    return Promise.all(terms.map(function (t) { return payload(t.term, s[t.term], run); }))
      .then(function (payloads) { return merge(w, terms, payloads); });
  }

  /* --- ranking ---------------------------------------------------------------------------------------- */
  /* Documents in every list: {ids, at} where at[k][i] is the place of ids[i] in lists[k]. */
  function intersect(lists) {
    var order = lists.map(function (_, k) { return k; })
      .sort(function (a, b) { return lists[a].ids.length - lists[b].ids.length; });
    var first = lists[order[0]], ids = first.ids, at = lists.map(function () { return null; });
    at[order[0]] = new Int32Array(ids.length).map(function (_, i) { return i; });
    for (var o = 1; o < order.length && ids.length; o++) {
      var other = lists[order[o]].ids, keep = new Int32Array(ids.length), pos = new Int32Array(ids.length), m = 0, j = 0;
      var gallop = other.length > 8 * ids.length;
      for (var i = 0; i < ids.length && j < other.length; i++) {
        var v = ids[i];
        if (gallop) {
          var lo = j, hi = other.length;
          while (lo < hi) { var mid = (lo + hi) >> 1; if (other[mid] < v) lo = mid + 1; else hi = mid; }
          j = lo;
        } else {
          while (j < other.length && other[j] < v) j++;
        }
        if (j < other.length && other[j] === v) { keep[m] = i; pos[m] = j; m++; }
      }
      ids = pick(ids, keep, m);
      for (var k = 0; k < at.length; k++) if (at[k]) at[k] = pick(at[k], keep, m);
      at[order[o]] = pos.subarray(0, m);
    }
    return { ids: ids, at: at };
  }
  function pick(values, keep, m) {
    var out = new Int32Array(m);
    for (var i = 0; i < m; i++) out[i] = values[keep[i]];
    return out;
  }
  function lowestBitAbove(mask, pos) {
    var m = pos >= 7 ? 0 : mask & ~((1 << (pos + 1)) - 1) & 255;
    if (!m) return -1;
    var b = 0;
    while (!(m & (1 << b))) b++;
    return b;
  }
  /* 2: the title words are adjacent and in the typed order in one field (the name or one alias);
     1: in the typed order; 0: otherwise. */
  function wordOrder(masks) {
    if (masks.length < 2) return masks.length ? 2 : 0;
    var best = 0;
    for (var f = 0; f < 4; f++) {
      var m = masks.map(function (x) { return (x >>> (8 * f)) & 255; });
      if (m.some(function (x) { return !x; })) continue;
      var adjacent = m[0];
      for (var i = 1; i < m.length; i++) adjacent &= m[i] >>> i;
      if (adjacent) return 2;
      var pos = -1, ok = true;
      for (var j = 0; j < m.length && ok; j++) {
        pos = lowestBitAbove(m[j], pos);
        ok = pos >= 0;
      }
      if (ok) best = 1;
    }
    return best;
  }
  /* Ranked document numbers and each one's rank key: words in the title (name or alias), then word
     order, then exact syllables (not completions), then exact diacritics; then class, file, slot. */
  function rank(query, lists, hits) {
    var n = hits.ids.length, keys = new Float64Array(n), nw = query.length;
    for (var c = 0; c < n; c++) {
      var tw = 0, ex = 0, dia = 0, masks = [];
      for (var k = 0; k < nw; k++) {
        var l = lists[k], p = hits.at[k][c], t = l.tm[p];
        if (t) { tw++; masks.push(t); if (l.em[p]) ex++; if (query[k].marked && l.xm[p]) dia++; }
        else if (l.fl[p] & 2) ex++;
      }
      var key = ((Math.min(tw, 15) * 3 + wordOrder(masks)) * 16 + Math.min(ex, 15)) * 16 + Math.min(dia, 15);
      keys[c] = (MAXKEY - key) * SHIFT + hits.ids[c];
    }
    keys.sort();
    var ids = new Int32Array(n), tiers = new Int32Array(n);
    for (var i = 0; i < n; i++) { ids[i] = keys[i] % SHIFT; tiers[i] = Math.floor(keys[i] / SHIFT); }
    return { ids: ids, tiers: tiers };
  }
  /* The order results are shown in: within equal rank and class, QUOTA results of each file in turn
     (newest first within a file), so a page of results comes from a few files. */
  function plan(ranked) {
    var n = ranked.ids.length, groups = [], itemGroup = new Int32Array(n), itemRank = new Int32Array(n), out = 0;
    var i = 0;
    while (i < n) {
      var tier = ranked.tiers[i], cls = Math.floor(ranked.ids[i] / CLASS_SPAN), seg = [];
      while (i < n && ranked.tiers[i] === tier && Math.floor(ranked.ids[i] / CLASS_SPAN) === cls) {
        var file = Math.floor(ranked.ids[i] / CAP), start = i;
        while (i < n && ranked.tiers[i] === tier && Math.floor(ranked.ids[i] / CAP) === file) i++;
        seg.push(groups.length);
        groups.push({ file: file, start: start, end: i, rows: null });
      }
      for (var round = 0; seg.length; round++) {
        var next = [];
        seg.forEach(function (g) {
          var size = groups[g].end - groups[g].start, from = round * QUOTA, to = Math.min(size, from + QUOTA);
          for (var r = from; r < to; r++) { itemGroup[out] = g; itemRank[out] = r; out++; }
          if (to < size) next.push(g);
        });
        seg = next;
      }
    }
    return { groups: groups, itemGroup: itemGroup, itemRank: itemRank };
  }
  /* A file's results for this search, newest first (the row's date), then by number. */
  function groupRows(state, g) {
    var group = state.plan.groups[g];
    if (!group.rows) {
      group.rows = load("d/" + group.file + ".json", false, state.run).then(function (rows) {
        var members = [];
        for (var i = group.start; i < group.end; i++) {
          var id = state.ranked.ids[i], row = rows && rows[id % CAP];
          if (row) members.push({ id: id, row: row });
        }
        members.sort(function (a, b) { return (b.row[5] - a.row[5]) || (a.id - b.id); });
        return members.map(function (m) { return m.row; });
      });
    }
    return group.rows;
  }

  /* --- showing results ---------------------------------------------------------------------------------- */
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
    li.className = "bv-result bv-result--" + doc[0] + (PEOPLE[doc[0]] ? " bv-result--nguoi" : "");
    var a = document.createElement("a");
    a.href = siteRoot + doc[4];
    var kind = document.createElement("span");
    kind.className = "bv-result__kind";
    kind.textContent = KINDS[doc[0]] || doc[0];
    var title = document.createElement("span");
    title.className = "bv-result__title";
    highlight(title, doc[1], terms);
    a.appendChild(kind); a.appendChild(title);
    if (doc[6] & 1) {
      var badge = document.createElement("span");
      badge.className = "bv-badge bv-badge--revoked";
      badge.textContent = "Đã hủy bỏ";
      a.appendChild(document.createTextNode(" "));
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
  /* The next page, each result shown as soon as it and those before it are loaded. */
  function showMore(state) {
    var from = state.shown, to = Math.min(from + PAGE, state.total), wanted = {}, chain = Promise.resolve();
    state.shown = to;
    for (var i = from; i < to; i++) {
      var g = state.plan.itemGroup[i];
      if (!wanted[g]) wanted[g] = groupRows(state, g);
    }
    for (var j = from; j < to; j++) {
      chain = (function (k, g) {
        return chain.then(function () { return wanted[g]; }).then(function (rows) {
          var doc = rows[state.plan.itemRank[k]];
          if (state === active && doc) list.appendChild(item(doc, state.terms));
        });
      })(j, state.plan.itemGroup[j]);
    }
    return chain.then(function () { if (state === active) more.hidden = state.shown >= state.total; });
  }
  function selectedFacets() {
    return filters.filter(function (s) { return s.value; })
      .map(function (s) { return ":" + s.getAttribute("data-bv-facet") + s.value; });
  }
  function run() {
    clearTimeout(timer);
    var text = input.value, query = words(text), facets = selectedFacets();
    var state = { run: { id: ++runs, paths: [] }, shown: 0, total: 0, terms: [] };
    active = state;
    retire(null, true);
    live.push(state.run);
    syncUrl(text);
    showFilterCount(facets.length);
    if (!query.length && !facets.length) {
      retire(null);
      list.textContent = ""; more.hidden = true; say(""); root.removeAttribute("aria-busy");
      return Promise.resolve();
    }
    var typing = !/\s$/.test(text);
    root.setAttribute("aria-busy", "true");
    return Promise.all(query.map(function (w) { return shard(w.fold); })).then(function (loaded) {
      if (state !== active) return null;
      var lookups = query.map(function (w, i) { return wordList(w, typing && i === query.length - 1, state.run, loaded[i]); })
        .concat(facets.map(function (f) { return facetList(f, state.run); }));
      retire(state.run);  // after this search has claimed the files it shares with earlier ones
      return Promise.all(lookups);
    }).then(function (lists) {
      if (state !== active) return;
      var used = [], kept = [];
      query.forEach(function (w, i) { if (lists[i]) { used.push(w); kept.push(lists[i]); } });
      var all = kept.concat(lists.slice(query.length));
      var hits = all.length ? intersect(all) : { ids: new Int32Array(0), at: [] };
      state.ranked = rank(used, kept, hits);
      state.plan = plan(state.ranked);
      state.total = state.ranked.ids.length;
      state.terms = used.map(function (w) { return w.fold; });
      list.textContent = "";
      var what = text.trim() ? " cho «" + text.trim() + "»" : "";
      say(state.total ? "Tìm thấy " + state.total.toLocaleString("vi-VN") + " kết quả" + what + "."
                      : "Không tìm thấy kết quả nào" + what + ". Hãy thử bớt từ, kiểm tra chính tả hoặc bỏ bộ lọc.");
      return showMore(state);
    }).catch(function () {
      if (state === active) say("Không tải được chỉ mục tìm kiếm. Hãy tải lại trang.");
    }).then(function () { if (state === active) root.removeAttribute("aria-busy"); });
  }
  /* While typing: the shards of the words so far, and the large files of the words already complete. */
  function prefetch(text) {
    var query = words(text), typing = !/\s$/.test(text);
    query.forEach(function (w, i) {
      var complete = i < query.length - 1 || !typing;
      if (shards[shardOf(w.fold)] && (complete || w.fold.length > 1)) shard(w.fold);
      if (complete && longTerms[w.fold] && !parsed[w.fold]) load("p/" + w.fold + ".bin", true, null);
    });
  }
  function syncUrl(text) {
    var params = new URLSearchParams();
    if (text.trim()) params.set("q", text.trim());
    filters.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
    var qs = params.toString();
    history.replaceState(null, "", qs ? "?" + qs : location.pathname);
  }
  function showFilterCount(n) {
    if (filterCount) filterCount.textContent = n ? "(đang lọc theo " + n + " tiêu chí)" : "";
  }
  var timer;
  input.addEventListener("input", function () {
    prefetch(input.value);
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE);
  });
  filters.forEach(function (s) { s.addEventListener("change", run); });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  more.addEventListener("click", function () { if (active) showMore(active); });
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
  /* Filters: open when the address sets one, or on a wide screen; on a phone results come first. */
  if (filterBox && (selectedFacets().length || (window.matchMedia && window.matchMedia("(min-width: 60em)").matches))) {
    filterBox.open = true;
  }
  root.removeAttribute("data-bv-nojs");
  if (input.value || selectedFacets().length) run();
})();
