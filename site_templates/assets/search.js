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
  var longTitle = setOf(root.getAttribute("data-bv-long"));   // large words with title segments: p/<word>.json
  var longOther = setOf(root.getAttribute("data-bv-other"));  // large words in other text: o/<word>.json
  var plain = setOf(root.getAttribute("data-bv-plain"));      // large words in no title at all
  var PAGE = 20;           // results per page
  var QUOTA = 5;           // results of one file in a row, so a page needs few files
  var DEBOUNCE = 200;      // ms after the last keystroke before a search runs (files of typed words load at once)
  var MAX_COMPLETIONS = 40, LONG_BUDGET = 20000;  // completions of the word being typed; documents of large ones
  var SHIFT = 134217728;   // 2^27: document numbers are below it
  var TOP = rankOf(99, 2, 99, 99);  // the highest rank: a key (TOP - rank) * SHIFT + number stays below 2^53
  var KINDS = { "ca-nhan": "Cá nhân", "tap-the": "Tập thể", "ho-gia-dinh": "Hộ gia đình", qd: "Quyết định",
                "don-vi": "Đơn vị", guong: "Gương điển hình", "hinh-thuc": "Hình thức khen thưởng", trang: "Trang",
                "trang-nguoi": "Người được khen thưởng", "de-nghi": "Đề nghị khen thưởng" };
  var PEOPLE = { "ca-nhan": true, "tap-the": true, "ho-gia-dinh": true, "trang-nguoi": true, "de-nghi": true };
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
  var parsed = {};         // "t:word", "o:word" (parts of a large word), "i:word" (a word in its shard) → decoded
  var runs = 0;
  var active = null;       // the search whose results are on screen (or coming)
  var live = [];           // searches whose files are not released yet

  function setOf(text) {
    var out = {};
    (text || "").split(",").forEach(function (p) { if (p) out[p] = true; });
    return out;
  }

  /* --- files: fetched once; a file that only superseded searches wanted is aborted ------------------ */
  function load(path, run) {
    var f = files[path];
    if (!f) {
      var ctrl = typeof AbortController === "function" ? new AbortController() : null;
      f = files[path] = { ctrl: ctrl, owners: {}, pending: true, keep: false };
      f.promise = fetch(indexUrl + path, ctrl ? { signal: ctrl.signal } : {}).then(function (r) {
        if (r.status === 404) return null;
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      }).then(function (value) { f.pending = false; return value; },
              function (error) { if (files[path] === f) delete files[path]; throw error; });
    }
    if (run) { f.owners[run.id] = true; run.paths.push(path); } else { f.keep = true; }
    return f.promise;
  }
  function release(run, rowsOnly, spare) {
    run.paths = run.paths.filter(function (path) {
      if (rowsOnly && path.charAt(0) !== "d") return true;
      var f = files[path];
      if (f) {
        delete f.owners[run.id];
        if (f.pending && !f.keep && f.ctrl && !Object.keys(f.owners).length && !(spare && spare[path])) {
          delete files[path];
          f.ctrl.abort();
        }
      }
      return false;
    });
  }
  /* Every earlier search's files are given up once ``keep`` has claimed the files it needs; their
     rows at once (a new query seldom shows the same rows, and on HTTP/1.1 they hold connections). */
  function retire(keep, rowsOnly, spare) {
    live.forEach(function (r) { if (r !== keep) release(r, rowsOnly, spare); });
    if (!rowsOnly) live = keep ? [keep] : [];
  }

  /* --- text: the same fold as generator.text.fold, and words with their written form ----------------- */
  function fold(s) {
    return s.replace(/[đðɖ]/g, "d").replace(/[ĐÐƉ]/g, "D").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
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
    return shards[p] ? load("t/" + p + ".json", null).then(function (s) { return s || {}; })
                     : Promise.resolve({});
  }
  /* Numbers from a shard's payload: LEB128 varints in bytes. */
  function byteReader(bytes, at) {
    return function () {
      var cur = 0, mul = 1, b;
      do { b = bytes[at.i++]; cur += (b & 0x7f) * mul; mul *= 128; } while (b & 0x80);
      return cur;
    };
  }
  /* Numbers from a file's text (search_index.text_numbers): base-45 digits, least significant first. */
  function textReader(text, at) {
    return function () {
      var cur = 0, mul = 1, d;
      do {
        var c = text.charCodeAt(at.i++);
        d = c - 0x23 - (c > 0x40 ? 1 : 0) - (c > 0x5c ? 1 : 0);  // no "@", no "\\"
        cur += (d < 45 ? d : d - 45) * mul; mul *= 45;
      } while (d >= 45);
      return cur;
    };
  }
  /* Segments {code, form, ids} from a stream of numbers: code, [form], count, gaps… */
  function segments(next, at, end) {
    var segs = [];
    while (at.i < end) {
      var code = next(), formIndex = code ? next() : -1, count = next(), ids = new Int32Array(count), prev = -1;
      for (var k = 0; k < count; k++) { prev += next(); ids[k] = prev; }
      segs.push({ code: code, form: formIndex, ids: ids });
    }
    return segs;
  }
  /* A shard's payload (base64): {forms: written forms, segs} (see search_index.encode_payload). */
  function parsePayload(bytes) {
    var at = { i: 0 }, next = byteReader(bytes, at), forms = [];
    if (!bytes.length) return { forms: forms, segs: [] };
    for (var n = next(), k = 0; k < n; k++) {
      var len = next(), part = bytes.subarray(at.i, at.i + len);
      forms.push(decoder ? decoder.decode(part) : decodeURIComponent(escape(String.fromCharCode.apply(null, part))));
      at.i += len;
    }
    return { forms: forms, segs: segments(next, at, bytes.length) };
  }
  /* A large word's file: [forms, text numbers]. */
  function parseFile(value) {
    if (!value) return EMPTY;
    var at = { i: 0 };
    return { forms: value[0], segs: segments(textReader(value[1], at), at, value[1].length) };
  }
  function b64(s) {
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  var EMPTY = { forms: [], segs: [] };
  function inline(term, entry) {
    return parsed["i:" + term] || (parsed["i:" + term] = parsePayload(b64(entry[1])));
  }
  /* One part of a word's documents: "t" its title segments (and written forms), "o" its other text;
     each from the shard, or from the word's own file (p/, o/) when it is large. */
  function payload(term, entry, part, run) {
    if (entry[1] !== null && (part === "t" || !longOther[term])) {  // in the shard
      var whole = inline(term, entry);
      return Promise.resolve({ forms: whole.forms, segs: whole.segs.filter(function (g) { return part === "t" ? g.code : !g.code; }) });
    }
    if (!(part === "t" ? longTitle : longOther)[term]) return Promise.resolve(EMPTY);
    var key = part + ":" + term;
    if (parsed[key]) return Promise.resolve(parsed[key]);
    return load((part === "t" ? "p/" : "o/") + term + ".json", run).then(function (value) {
      return parsed[key] || (parsed[key] = parseFile(value));
    });
  }
  function inTitles(term, entry) {
    return entry[1] === null ? !!longTitle[term] : inline(term, entry).segs.some(function (g) { return g.code; });
  }
  function facetList(term, run) {
    return load("f/" + term.slice(1) + ".json", run).then(function (text) {
      var ids = [], at = { i: 0 }, next = textReader(text || "", at), prev = -1, end = (text || "").length;
      while (at.i < end) { prev += next(); ids.push(prev); }
      return { ids: Int32Array.from(ids), facet: true };
    });
  }
  /* The words a query word stands for: itself, and while it is being typed its most frequent completions
     (every completion whose documents are in the shard; large ones within a budget, and none when the
     word typed is itself a word of the index: it may well be finished). */
  function chooseTerms(w, s, completing) {
    var out = s[w.fold] ? [{ term: w.fold, exact: true }] : [];
    if (!completing || w.fold.length < 2 || /^[0-9]+$/.test(w.fold)) return out;
    var others = Object.keys(s).filter(function (t) { return t !== w.fold && t.indexOf(w.fold) === 0; });
    others.sort(function (a, b) { return s[b][0] - s[a][0] || (a < b ? -1 : 1); });
    var spent = 0, large = 0, whole = out.length > 0;
    for (var k = 0; k < others.length && out.length < MAX_COMPLETIONS; k++) {
      var t = others[k];
      if (s[t][1] === null) {
        if (whole || (large && spent + s[t][0] > LONG_BUDGET)) continue;
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
    var parts = [];
    terms.forEach(function (t, k) {
      var p = payloads[k];
      var same = p.forms.map(function (f) { return w.marked && (t.exact ? f === w.form : f.indexOf(w.form) === 0); });
      p.segs.forEach(function (seg) {
        var n = seg.ids.length, bit = seg.code ? 1 << (seg.code - 1) : 0;
        parts.push({ ids: seg.ids, tm: new Int32Array(n).fill(bit), em: new Int32Array(n).fill(t.exact ? bit : 0),
                     xm: new Int32Array(n).fill(seg.code && same[seg.form] ? bit : 0),
                     fl: new Uint8Array(n).fill(seg.code ? 0 : (t.exact ? 3 : 1)) });
      });
    });
    if (!parts.length) return { ids: new Int32Array(0), tm: new Int32Array(0), em: new Int32Array(0),
                                xm: new Int32Array(0), fl: new Uint8Array(0) };
    while (parts.length > 1) {  // the two shortest lists first: n log k
      parts.sort(function (a, b) { return a.ids.length - b.ids.length; });
      parts.splice(0, 2, union(parts[0], parts[1]));
    }
    return parts[0];
  }
  /* Two sorted lists as one; a document in both gets the union of its positions and flags. */
  function union(a, b) {
    var na = a.ids.length, nb = b.ids.length, size = na + nb;
    var out = { ids: new Int32Array(size), tm: new Int32Array(size), em: new Int32Array(size),
                xm: new Int32Array(size), fl: new Uint8Array(size) };
    var i = 0, j = 0, m = 0;
    while (i < na || j < nb) {
      var x = i < na ? a.ids[i] : 2147483647, y = j < nb ? b.ids[j] : 2147483647;
      if (x <= y) {
        out.ids[m] = x; out.tm[m] = a.tm[i]; out.em[m] = a.em[i]; out.xm[m] = a.xm[i]; out.fl[m] = a.fl[i]; i++;
        if (x === y) {
          out.tm[m] |= b.tm[j]; out.em[m] |= b.em[j]; out.xm[m] |= b.xm[j]; out.fl[m] |= b.fl[j]; j++;
        }
      } else {
        out.ids[m] = y; out.tm[m] = b.tm[j]; out.em[m] = b.em[j]; out.xm[m] = b.xm[j]; out.fl[m] = b.fl[j]; j++;
      }
      m++;
    }
    return { ids: out.ids.subarray(0, m), tm: out.tm.subarray(0, m), em: out.em.subarray(0, m),
             xm: out.xm.subarray(0, m), fl: out.fl.subarray(0, m) };
  }
  /* One query word's documents from the given parts ("t", or "to": title and other text) of its words
     (``terms`` of shard ``s``). The files are claimed at once, so that a search claims what it shares
     with the search it supersedes before that one is released. */
  function wordList(w, terms, s, parts, run) {
    var all = [], wanted = [];
    parts.split("").forEach(function (part) {
      terms.forEach(function (t) { all.push(t); wanted.push(payload(t.term, s[t.term], part, run)); });
    });
    return Promise.all(wanted).then(function (payloads) { return merge(w, all, payloads); });
  }

  /* --- ranking ---------------------------------------------------------------------------------------- */
  /* Documents in every list: {ids, at} where at[k][i] is the place of ids[i] in lists[k]. */
  function intersect(lists) {
    var order = lists.map(function (_, k) { return k; })
      .sort(function (a, b) { return lists[a].ids.length - lists[b].ids.length; });
    var first = lists[order[0]], ids = first.ids, at = lists.map(function () { return null; });
    at[order[0]] = new Int32Array(ids.length);
    for (var z = 0; z < ids.length; z++) at[order[0]][z] = z;
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
  /* The next title position after ``pos`` where a word is; the last position (7) stands for the 8th word and
     every later one (search_index.FIELD_WORDS), so it follows itself. */
  function lowestBitAbove(mask, pos) {
    if (pos >= 7) return mask & 128 ? 7 : -1;
    var m = mask & ~((1 << (pos + 1)) - 1) & 255;
    if (!m) return -1;
    var b = 0;
    while (!(m & (1 << b))) b++;
    return b;
  }
  /* 2: the title words are adjacent and in the typed order in one field (the name or one alias);
     1: in the typed order; 0: otherwise. */
  function wordOrder(masks, count) {
    if (count < 2) return count ? 2 : 0;
    var best = 0;
    for (var shift = 0; shift < 32; shift += 8) {
      var adjacent = 255, pos = -1, ordered = true;
      for (var i = 0; i < count; i++) {
        var m = (masks[i] >>> shift) & 255;
        if (!m) { adjacent = 0; ordered = false; break; }
        adjacent &= (m >>> i) | (m & 128 ? (255 << Math.max(0, 8 - i)) & 255 : 0);  // 8th word on: last place
        if (ordered) { pos = lowestBitAbove(m, pos); ordered = pos >= 0; }
      }
      if (adjacent) return 2;
      if (ordered) best = 1;
    }
    return best;
  }
  /* A result's rank as one number, higher first: words in the title (name or alias), then word order (0–2),
     then exact syllables (not completions), then exact diacritics; each count capped at 15, so that a
     name of any length (a school with its commune and province: 15 words and more) stays within TOP. */
  function rankOf(tw, order, ex, dia) {
    return ((Math.min(tw, 15) * 3 + order) * 16 + Math.min(ex, 15)) * 16 + Math.min(dia, 15);
  }
  /* Ranked document numbers, each one's rank tier, and ``titled(number)``: which query words a result matched in
     its title (bit k for word k: those are marked in the title, the others in the lines below it), worked out
     only for the results shown (``hits.ids`` is sorted). */
  function rank(query, lists, hits) {
    var n = hits.ids.length, keys = new Float64Array(n), nw = query.length, masks = new Int32Array(nw + 1);
    var at = hits.at, ids = hits.ids;
    var tm = lists.map(function (l) { return l.tm; }), em = lists.map(function (l) { return l.em; }),
        xm = lists.map(function (l) { return l.xm; }), fl = lists.map(function (l) { return l.fl; }),
        marked = query.map(function (w) { return w.marked; });
    for (var c = 0; c < n; c++) {
      var tw = 0, ex = 0, dia = 0;
      for (var k = 0; k < nw; k++) {
        var p = at[k][c], t = tm[k][p];
        if (t) { masks[tw++] = t; if (em[k][p]) ex++; if (marked[k] && xm[k][p]) dia++; }
        else if (fl[k][p] & 2) ex++;
      }
      keys[c] = (TOP - rankOf(tw, wordOrder(masks, tw), ex, dia)) * SHIFT + ids[c];
    }
    keys.sort();
    var ranked = new Int32Array(n), tiers = new Int32Array(n);
    for (var i = 0; i < n; i++) { ranked[i] = keys[i] % SHIFT; tiers[i] = Math.floor(keys[i] / SHIFT); }
    function titled(id) {
      var lo = 0, hi = n;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (ids[mid] < id) lo = mid + 1; else hi = mid; }
      var words = 0;
      for (var k = 0; lo < n && ids[lo] === id && k < Math.min(nw, 31); k++) if (tm[k][at[k][lo]]) words |= 1 << k;
      return words;
    }
    return { ids: ranked, tiers: tiers, titled: titled };
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
    return { groups: groups, itemGroup: itemGroup, itemRank: itemRank, ranked: ranked };
  }
  /* A file's results for this search, newest first (the row's date), then by number. */
  function groupRows(ranked, group, run) {
    if (!group.rows) {
      group.rows = load("d/" + group.file + ".json", run).then(function (rows) {
        var members = [];
        for (var i = group.start; i < group.end; i++) {
          var id = ranked.ids[i], row = rows && rows[id % CAP];
          if (row) members.push({ id: id, row: row });
        }
        members.sort(function (a, b) { return (b.row[5] - a.row[5]) || (a.id - b.id); });
        return members;
      });
    }
    return group.rows;
  }

  /* --- showing results ---------------------------------------------------------------------------------- */
  /* Marks the words of ``text`` that a query word matched: the whole word, or its beginning for the word
     being typed (``terms``: {fold, prefix}); «thi» in «Chiến sĩ thi đua» is not marked for «nguyen thi»
     typed in full unless «thi» matched that line (see item). */
  function highlight(parent, text, terms) {
    text.split(/(\s+)/).forEach(function (word) {
      var folded = tokens(word);
      var hit = folded.length && folded.some(function (w) {
        return terms.some(function (t) { return w === t.fold || (t.prefix && t.fold.length > 1 && w.indexOf(t.fold) === 0); });
      });
      if (hit) { var m = document.createElement("mark"); m.textContent = word; parent.appendChild(m); }
      else parent.appendChild(document.createTextNode(word));
    });
  }
  /* One result: the query words it matched in its title are marked in the title, the others (matched in its
     other text) in the lines below; ``titled`` has bit k for query word k found in the title. */
  function item(doc, terms, titled) {
    var inTitle = terms.filter(function (t, k) { return k < 31 && titled & (1 << k); }),
        below = terms.filter(function (t, k) { return !(k < 31 && titled & (1 << k)); });
    var li = document.createElement("li");
    li.className = "bv-result bv-result--" + doc[0] + (PEOPLE[doc[0]] ? " bv-result--nguoi" : "");
    var a = document.createElement("a");
    a.href = siteRoot + doc[4];
    var kind = document.createElement("span");
    kind.className = "bv-result__kind";
    kind.textContent = KINDS[doc[0]] || doc[0];
    var title = document.createElement("span");
    title.className = "bv-result__title";
    highlight(title, doc[1], inTitle);
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
      highlight(span, line, below);
      a.appendChild(span);
    });
    li.appendChild(a);
    return li;
  }
  function say(text) { statusEl.textContent = text; }
  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }  // 12.345, as vi-VN writes it
  /* Results up to ``upto`` in the order of the current plan, each shown as soon as it and those before it
     are loaded (one chain per search, so that the results of both phases keep their order). */
  function render(state, upto) {
    var layout = state.plan, from = state.shown, wanted = {};
    state.shown = Math.max(from, upto);
    for (var i = from; i < upto; i++) {
      var g = layout.itemGroup[i];
      if (!wanted[g]) wanted[g] = groupRows(layout.ranked, layout.groups[g], state.run);
    }
    for (var j = from; j < upto; j++) {
      state.chain = (function (k, g) {
        return state.chain.then(function () { return wanted[g]; }).then(function (members) {
          var m = members[layout.itemRank[k]];
          if (state === active && m) list.appendChild(item(m.row, state.terms, layout.ranked.titled(m.id)));
        });
      })(j, layout.itemGroup[j]);
    }
    return state.chain;
  }
  function showMore(state) {
    return render(state, Math.min(state.shown + PAGE, state.total)).then(function () {
      if (state === active) more.hidden = state.shown >= state.total;
    });
  }
  /* The query words to mark in results: only the word being typed (no space after it) by its beginning. */
  function shownTerms(words, text) {
    var typing = !/\s$/.test(text);
    return words.map(function (w, k) { return { fold: w.fold, prefix: typing && k === words.length - 1 }; });
  }
  /* First phase: results with every word in a title (name or alias), known from the title parts alone. */
  function showTitled(state, words, lists, text) {
    var hits = intersect(lists);
    if (!hits.ids.length) return;
    state.plan = plan(rank(words, lists.slice(0, words.length), hits));
    state.terms = shownTerms(words, text);
    list.textContent = ""; state.cleared = true; more.hidden = true;
    say("Đang tìm thêm kết quả cho «" + text.trim() + "»…");
    render(state, Math.min(PAGE, hits.ids.length));
  }
  /* Every result: the count, then the rest of the first page. */
  function showAll(state, words, lists, text) {
    var hits = lists.length ? intersect(lists) : { ids: new Int32Array(0), at: [] };
    state.plan = plan(rank(words, lists.slice(0, words.length), hits));
    state.total = hits.ids.length;
    state.terms = shownTerms(words, text);
    if (!state.cleared) list.textContent = "";
    var what = text.trim() ? " cho «" + text.trim() + "»" : "";
    say(state.total ? "Tìm thấy " + thousands(state.total) + " kết quả" + what + "."
                    : "Không tìm thấy kết quả nào" + what + ". Hãy thử bớt từ, kiểm tra chính tả hoặc bỏ bộ lọc.");
    return render(state, Math.max(state.shown, Math.min(PAGE, state.total))).then(function () {
      if (state === active) more.hidden = state.shown >= state.total;
    });
  }
  function selectedFacets() {
    return filters.filter(function (s) { return s.value; })
      .map(function (s) { return ":" + s.getAttribute("data-bv-facet") + s.value; });
  }
  function run() {
    clearTimeout(timer);
    var text = input.value, query = words(text), facets = selectedFacets();
    var state = { run: { id: ++runs, paths: [] }, shown: 0, total: 0, terms: [], chain: Promise.resolve() };
    active = state;
    retire(null, true);
    live.push(state.run);
    showFilterCount(facets.length);
    if (!query.length && !facets.length) {
      syncUrl(text);
      retire(null);
      list.textContent = ""; more.hidden = true; say(""); root.removeAttribute("aria-busy");
      return Promise.resolve();
    }
    var typing = !/\s$/.test(text), spare = {};
    root.setAttribute("aria-busy", "true");
    /* A large word's files are needed whatever completes it: fetched with the shards. Its other text too
       when some large word is in no title: then no result can be shown from titles alone. */
    var shardsLoaded = Promise.all(query.map(function (w) { return shard(w.fold); }));
    var untitled = query.some(function (w) { return plain[w.fold]; });
    query.forEach(function (w) {
      if (longTitle[w.fold] && !parsed["t:" + w.fold]) load("p/" + w.fold + ".json", state.run);
      if (untitled && longOther[w.fold] && !parsed["o:" + w.fold]) load("o/" + w.fold + ".json", state.run);
      spare["p/" + w.fold + ".json"] = spare["o/" + w.fold + ".json"] = true;
    });
    syncUrl(text);  // once the downloads are on their way
    return shardsLoaded.then(function (loaded) {
      if (state !== active) return null;
      var used = [], chosen = [];
      query.forEach(function (w, i) {
        var completing = typing && i === query.length - 1, terms = chooseTerms(w, loaded[i], completing);
        if (!terms.length && completing && w.fold.length < 2) return;  // "nguyen van t…": not a word yet
        used.push(w); chosen.push({ terms: terms, s: loaded[i] });
      });
      var facetLists = facets.map(function (f) { return facetList(f, state.run); });
      var full = null;
      function everything() {
        return full || (full = Promise.all(chosen.map(function (c, k) {
          return wordList(used[k], c.terms, c.s, "to", state.run);
        }).concat(facetLists)));
      }
      var titled = used.length && chosen.every(function (c) {
        return c.terms.some(function (t) { return inTitles(t.term, c.s[t.term]); });
      });
      var first = titled ? Promise.all(chosen.map(function (c, k) {
        return wordList(used[k], c.terms, c.s, "t", state.run);
      }).concat(facetLists)) : null;
      if (!titled) everything();  // no result can have every word in a title: everything at once
      retire(state.run, false, spare);  // after this search has claimed the files it shares with earlier ones
      return (first ? first.then(function (lists) {
        if (state !== active) return;
        everything();  // the other text after the title parts, which come first on a slow link
        showTitled(state, used, lists, text);
      }) : Promise.resolve()).then(function () {
        return state === active ? everything() : null;
      }).then(function (lists) {
        if (state === active && lists) return showAll(state, used, lists, text);
      });
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
      if (complete && longTitle[w.fold] && !parsed["t:" + w.fold]) load("p/" + w.fold + ".json", null);
      if (complete && longOther[w.fold] && !parsed["o:" + w.fold]) load("o/" + w.fold + ".json", null);
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
  /* Typing waits for a pause (DEBOUNCE); a paste, or text that arrives whole, is searched at once. */
  var timer, lastValue = input.value;
  input.addEventListener("input", function (e) {
    var value = input.value, whole = value.length - lastValue.length > 1 || /Paste|Drop/.test(e.inputType || "");
    lastValue = value;
    clearTimeout(timer);
    if (whole) { run(); return; }
    prefetch(value);
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
  if (params.get("q")) input.value = lastValue = params.get("q");
  filters.forEach(function (s) { if (params.get(s.name)) s.value = params.get(s.name); });
  /* Filters: open when the address sets one, or on a wide screen; on a phone results come first. */
  if (filterBox && (selectedFacets().length || (window.matchMedia && window.matchMedia("(min-width: 60em)").matches))) {
    filterBox.open = true;
  }
  root.removeAttribute("data-bv-nojs");
  if (input.value || selectedFacets().length) run();
})();
