/* kgbuild graph viewer.
 *
 * Reads the graph from the JSON block #kgviz-data (a script element of type application/json) and draws it with
 * cytoscape.js (inlined beside this file). Every piece of text that comes from the graph
 * is put on the page with textContent or as cytoscape canvas text, never as HTML, so an
 * article cannot inject markup or script.
 *
 * Layout: ForceAtlas2 (Jacomy et al. 2014) with a Barnes-Hut quadtree, seeded, so the same
 * graph always gets the same picture; then overlaps are pushed apart. Labels keep a fixed
 * size on screen, and a greedy pass shows only those that do not overlap, most important
 * first, so labels never pile up at any zoom level.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kgviz-data").textContent);
  var META = DATA.meta;
  var $ = function (id) { return document.getElementById(id); };

  /* ---------- small DOM helpers (text only, never HTML) ---------- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function safeUrl(s) {
    try {
      var u = new URL(String(s));
      return (u.protocol === "https:" || u.protocol === "http:") ? u.href : null;
    } catch (e) { return null; }
  }
  function fmt(n) { return Number(n).toLocaleString("en"); }
  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /* ---------- the data ---------- */
  var NODES = DATA.nodes, EDGES = DATA.edges;
  var byId = new Map(), TYPES = new Map(), REL = DATA.relations;
  NODES.forEach(function (n) { byId.set(n.id, n); });
  DATA.types.forEach(function (t) { TYPES.set(t.key, t); });
  var claimsOf = new Map();          // claimant id -> claim ids
  var outE = new Map(), inE = new Map();
  NODES.forEach(function (n) { outE.set(n.id, []); inE.set(n.id, []); });
  EDGES.forEach(function (e) { outE.get(e.s).push(e); inE.get(e.t).push(e); });
  NODES.forEach(function (n) {
    if (n.type !== "claim") return;
    n.claimants.forEach(function (c) {
      if (!claimsOf.has(c)) claimsOf.set(c, []);
      claimsOf.get(c).push(n.id);
    });
  });
  NODES.forEach(function (n) {
    n.search = fold([n.label, n.attrs.name, n.attrs.alternate_names, n.attrs.quote, n.attrs.text,
                     n.attrs.country_code, n.attrs.title].filter(Boolean).join(" \u0001 "));
  });

  var state = {
    typeOn: {}, outlet: "", collapsed: new Set(), selected: null, matches: new Set(), query: ""
  };
  DATA.types.forEach(function (t) { state.typeOn[t.key] = true; });
  if (META.startCollapsed) claimsOf.forEach(function (_, c) { state.collapsed.add(c); });

  /* ---------- visibility and collapsing ---------- */
  function claimPasses(n) {
    return state.typeOn.claim && (state.outlet === "" || n.outlets.indexOf(state.outlet) >= 0);
  }
  function hiddenByCollapse(n) {
    return n.claimants.length > 0 && n.claimants.every(function (c) { return state.collapsed.has(c); });
  }
  function nodeVisible(n) {
    if (!state.typeOn[n.type]) return false;
    if (n.type === "claim") return claimPasses(n) && !hiddenByCollapse(n);
    return true;
  }
  function visibleSet() {
    var v = new Set();
    NODES.forEach(function (n) { if (nodeVisible(n)) v.add(n.id); });
    return v;
  }
  /* Claims folded into a collapsed speaker become dashed "about" / "reported by" edges. */
  function aggregate(visible) {
    var agg = new Map(), hidden = new Map();
    claimsOf.forEach(function (claims, c) {
      if (!state.collapsed.has(c) || !visible.has(c)) return;
      claims.forEach(function (k) {
        var n = byId.get(k);
        if (!claimPasses(n) || !hiddenByCollapse(n)) return;
        hidden.set(c, (hidden.get(c) || 0) + 1);
        var add = function (t, rel) {
          if (!visible.has(t) || t === c) return;
          var key = c + "|" + t + "|" + rel;
          var a = agg.get(key);
          if (!a) { a = { id: "agg:" + key, s: c, t: t, rel: rel, count: 0 }; agg.set(key, a); }
          a.count += 1;
        };
        // Only "about": speaker-to-outlet links would tie every speaker to a few outlets and
        // knot the overview; the outlet menu answers "who was reported by whom" instead.
        n.about.forEach(function (t) { add(t, "about"); });
      });
    });
    return { edges: Array.from(agg.values()), hidden: hidden };
  }

  /* ---------- layout: ForceAtlas2 + Barnes-Hut, seeded ---------- */
  function mulberry32(a) {
    return function () {
      a |= 0; a = (a + 0x6D2B79F5) | 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function buildTree(ids, x, y, m, x0, y0, size, depth) {
    var r = { mass: 0, cx: 0, cy: 0, size: size, kids: null, pts: null };
    for (var k = 0; k < ids.length; k++) {
      var i = ids[k]; r.mass += m[i]; r.cx += x[i] * m[i]; r.cy += y[i] * m[i];
    }
    r.cx /= r.mass; r.cy /= r.mass;
    if (ids.length <= 1 || depth > 24) { r.pts = ids; return r; }
    var h = size / 2, q = [[], [], [], []];
    for (k = 0; k < ids.length; k++) {
      i = ids[k];
      q[(x[i] >= x0 + h ? 1 : 0) + (y[i] >= y0 + h ? 2 : 0)].push(i);
    }
    r.kids = [];
    for (var c = 0; c < 4; c++) {
      if (q[c].length) r.kids.push(buildTree(q[c], x, y, m, x0 + (c & 1 ? h : 0), y0 + (c & 2 ? h : 0), h, depth + 1));
    }
    return r;
  }

  /* Positions for n nodes linked by pairs ([i, j, weight]), in pixels, calling done(x, y).
   * Phase 1 untangles the graph; then the picture is scaled so the median edge is edgePx
   * long, and phase 2 (FA2's "prevent overlap") keeps discs of radius rad[i] px apart. */
  function forceAtlas2(n, pairs, rad, iterations, edgePx, done) {
    var x = new Float64Array(n), y = new Float64Array(n), dx = new Float64Array(n), dy = new Float64Array(n);
    var odx = new Float64Array(n), ody = new Float64Array(n), m = new Float64Array(n).fill(1);
    var R = new Float64Array(n), sizes = false, maxStep = Infinity;
    pairs.forEach(function (p) { m[p[0]] += 1; m[p[1]] += 1; });
    var rand = mulberry32(20240611), radius = Math.sqrt(n) * 8;
    for (var i = 0; i < n; i++) {
      var a = rand() * 2 * Math.PI, r = radius * Math.sqrt(rand());
      x[i] = r * Math.cos(a); y[i] = r * Math.sin(a);
    }
    var kr = 4, kg = 1, theta2 = 1.2 * 1.2, speed = 1, speedEff = 1, jitterTol = 1, all = [];
    for (i = 0; i < n; i++) all.push(i);
    var iter = 0, phase2 = Math.round(iterations * 0.5), total = iterations + phase2, s = 1;
    function pairForce(i, j) {
      var ex = x[i] - x[j], ey = y[i] - y[j], d2 = ex * ex + ey * ey, f;
      if (d2 < 1e-12) { ex = ((i * 7919) % 13 - 6) * 1e-3 + 1e-4; ey = ((i * 104729) % 11 - 5) * 1e-3; d2 = ex * ex + ey * ey; }
      if (sizes) {
        var d = Math.sqrt(d2) - R[i] - R[j];
        f = d > 0 ? kr * m[i] * m[j] / (d * d) : 100 * kr * m[i] * m[j];
      } else {
        f = kr * m[i] * m[j] / d2;
      }
      dx[i] += ex * f; dy[i] += ey * f;
    }
    function repulse(node, i) {
      if (node.pts) {
        for (var k = 0; k < node.pts.length; k++) if (node.pts[k] !== i) pairForce(i, node.pts[k]);
        return;
      }
      var ex = x[i] - node.cx, ey = y[i] - node.cy, dd = ex * ex + ey * ey;
      if (node.size * node.size < theta2 * dd) {
        var f = kr * m[i] * node.mass / dd; dx[i] += ex * f; dy[i] += ey * f;
        return;
      }
      for (var c = 0; c < node.kids.length; c++) repulse(node.kids[c], i);
    }
    function step() {
      var i, k;
      odx.set(dx); ody.set(dy); dx.fill(0); dy.fill(0);
      var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (i = 0; i < n; i++) {
        if (x[i] < minX) minX = x[i]; if (x[i] > maxX) maxX = x[i];
        if (y[i] < minY) minY = y[i]; if (y[i] > maxY) maxY = y[i];
      }
      var tree = buildTree(all, x, y, m, minX, minY, Math.max(maxX - minX, maxY - minY) + 1e-6, 0);
      for (i = 0; i < n; i++) repulse(tree, i);
      for (i = 0; i < n; i++) {           // gravity keeps loose parts near the middle
        var d = Math.sqrt(x[i] * x[i] + y[i] * y[i]);
        if (d > 0) { var g = kg * m[i] / d; dx[i] -= x[i] * g; dy[i] -= y[i] * g; }
      }
      for (k = 0; k < pairs.length; k++) { // linear attraction along edges
        var a = pairs[k][0], b = pairs[k][1], w = pairs[k][2];
        var ex = x[a] - x[b], ey = y[a] - y[b];
        if (sizes && Math.sqrt(ex * ex + ey * ey) <= R[a] + R[b]) continue;
        dx[a] -= ex * w; dy[a] -= ey * w; dx[b] += ex * w; dy[b] += ey * w;
      }
      var swing = 0, traction = 0, sw = new Float64Array(n);
      for (i = 0; i < n; i++) {
        sw[i] = m[i] * Math.sqrt((odx[i] - dx[i]) * (odx[i] - dx[i]) + (ody[i] - dy[i]) * (ody[i] - dy[i]));
        swing += sw[i];
        traction += m[i] * 0.5 * Math.sqrt((odx[i] + dx[i]) * (odx[i] + dx[i]) + (ody[i] + dy[i]) * (ody[i] + dy[i]));
      }
      // Gephi's adaptive speed: fast while the layout moves coherently, slow when it jitters.
      var optJ = 0.05 * Math.sqrt(n), minJ = Math.sqrt(optJ);
      var jt = jitterTol * Math.max(minJ, Math.min(10, optJ * traction / (n * n)));
      if (traction > 0 && swing / traction > 2) { if (speedEff > 0.05) speedEff *= 0.5; jt = Math.max(jt, jitterTol); }
      var target = swing > 0 ? jt * speedEff * traction / swing : speed * 2;
      if (swing > jt * traction) { if (speedEff > 0.05) speedEff *= 0.7; } else if (speed < 1000) speedEff *= 1.3;
      speed = speed + Math.min(target - speed, 0.5 * speed);
      for (i = 0; i < n; i++) {
        var factor = (sizes ? 0.1 : 1) * speed / (1 + Math.sqrt(speed * sw[i]));
        var df = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (df * factor > maxStep) factor = maxStep / df;  // no jumps while discs make room
        x[i] += dx[i] * factor; y[i] += dy[i] * factor;
      }
    }
    function scaleNow() {
      var lens = pairs.map(function (p) { return Math.hypot(x[p[0]] - x[p[1]], y[p[0]] - y[p[1]]); }).sort(function (a, b) { return a - b; });
      var med = lens.length ? lens[Math.floor(lens.length / 2)] : 0;
      return med > 1e-9 ? edgePx / med : 1;
    }
    (function chunk() {
      var t0 = performance.now();
      while (iter < total && performance.now() - t0 < 40) {
        if (iter === iterations) {       // switch to phase 2, in units where discs have their size
          s = scaleNow();
          for (var i2 = 0; i2 < n; i2++) R[i2] = rad[i2] / s;
          sizes = true; maxStep = 10 / s; speed = 1; speedEff = 1;
        }
        step(); iter++;
      }
      if (iter < total) {
        status("Arranging " + fmt(n) + " nodes… " + Math.round(100 * iter / total) + " %");
        setTimeout(chunk, 0);
      } else {
        // The phase-2 scale, not a new one: the discs were kept apart at this size.
        if (!sizes) s = scaleNow();
        for (var i3 = 0; i3 < n; i3++) { x[i3] *= s; y[i3] *= s; }
        done(x, y);
      }
    })();
  }

  /* Push overlapping discs apart: grid-hashed rounds in which every pair moves at once (all
   * pushes of a round are summed before anyone moves, so the picture does not drift). */
  function removeOverlaps(ids, r, px, py, rounds) {
    var n = ids.length, maxR = 0;
    for (var i = 0; i < n; i++) maxR = Math.max(maxR, r[i]);
    var cell = 2 * maxR + 1, mx = new Float64Array(n), my = new Float64Array(n);
    for (var round = 0; round < rounds; round++) {
      var grid = new Map(), moved = 0;
      mx.fill(0); my.fill(0);
      for (i = 0; i < n; i++) {
        var key = Math.floor(px[i] / cell) * 1000003 + Math.floor(py[i] / cell);
        var bucket = grid.get(key);
        if (bucket) bucket.push(i); else grid.set(key, [i]);
      }
      for (i = 0; i < n; i++) {
        var gx = Math.floor(px[i] / cell), gy = Math.floor(py[i] / cell);
        for (var ox = -1; ox <= 1; ox++) for (var oy = -1; oy <= 1; oy++) {
          var list = grid.get((gx + ox) * 1000003 + (gy + oy));
          if (!list) continue;
          for (var k = 0; k < list.length; k++) {
            var j = list[k]; if (j <= i) continue;
            var ex = px[j] - px[i], ey = py[j] - py[i], d = Math.sqrt(ex * ex + ey * ey), need = r[i] + r[j];
            if (d >= need) continue;
            if (d < 1e-6) { ex = Math.cos(i * 2.399963); ey = Math.sin(i * 2.399963); d = 1; }
            var push = (need - d) / 2 / d * 0.6;
            mx[i] -= ex * push; my[i] -= ey * push; mx[j] += ex * push; my[j] += ey * push; moved++;
          }
        }
      }
      if (!moved) break;
      for (i = 0; i < n; i++) { px[i] += mx[i]; py[i] += my[i]; }
    }
  }

  function discRadius(n) {
    // Room for the node and a short label beneath it, so neighbours' labels rarely collide.
    var chars = Math.min(String(n.label).length, 26);
    return Math.max(n.size / 2 + 6, chars * 3.1);
  }

  var pos = new Map();

  /* Lay out node ids (array) along edges (array of {s, t}).
   * Each connected component is laid out on its own and the pieces are then packed in rows,
   * biggest first, so lone nodes do not drift to the edge of the picture. */
  function layout(ids, edges, done) {
    var n = ids.length, index = new Map();
    ids.forEach(function (id, i) { index.set(id, i); });
    var pairs = [], seen = new Set(), parent = new Int32Array(n);
    for (var i = 0; i < n; i++) parent[i] = i;
    var findRoot = function (a) { while (parent[a] !== a) { parent[a] = parent[parent[a]]; a = parent[a]; } return a; };
    edges.forEach(function (e) {
      var a = index.get(e.s), b = index.get(e.t);
      if (a === undefined || b === undefined || a === b) return;
      var key = a < b ? a + "," + b : b + "," + a;
      if (seen.has(key)) return;
      seen.add(key); pairs.push([a, b, 1]);
      var ra = findRoot(a), rb = findRoot(b); if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    });
    var groups = new Map();
    for (i = 0; i < n; i++) { var r0 = findRoot(i); if (!groups.has(r0)) groups.set(r0, []); groups.get(r0).push(i); }
    var comps = Array.from(groups.values()).sort(function (a, b) { return b.length - a.length || a[0] - b[0]; });
    var compOf = new Int32Array(n), local = new Int32Array(n);
    comps.forEach(function (c, ci) { c.forEach(function (g, li) { compOf[g] = ci; local[g] = li; }); });
    var compPairs = comps.map(function () { return []; });
    pairs.forEach(function (p) { compPairs[compOf[p[0]]].push([local[p[0]], local[p[1]], 1]); });
    var px = new Float64Array(n), py = new Float64Array(n), rad = new Float64Array(n);
    for (i = 0; i < n; i++) rad[i] = discRadius(byId.get(ids[i]));
    var t0 = performance.now(), ci = 0;

    function next() {
      if (ci >= comps.length) { pack(); return; }
      var comp = comps[ci], cp = compPairs[ci], k = comp.length;
      ci++;
      if (k <= 2) {
        comp.forEach(function (g, li) { px[g] = k === 1 ? 0 : (li ? 1 : -1) * (rad[comp[0]] + rad[comp[1]]) / 2; py[g] = 0; });
        next(); return;
      }
      var iterations = Math.round(Math.min(500, Math.max(150, 10000 / Math.sqrt(k + 1))));
      var lr = new Float64Array(k);
      comp.forEach(function (g, li) { lr[li] = rad[g]; });
      forceAtlas2(k, cp, lr, iterations, 110, function (x, y) {
        removeOverlaps(comp, lr, x, y, 40);  // whatever phase 2 left touching
        comp.forEach(function (g, li) { px[g] = x[li]; py[g] = y[li]; });
        setTimeout(next, 0);
      });
    }

    function pack() {
      var boxes = comps.map(function (comp) {
        var b = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
        comp.forEach(function (g) {
          b.x1 = Math.min(b.x1, px[g] - rad[g]); b.x2 = Math.max(b.x2, px[g] + rad[g]);
          b.y1 = Math.min(b.y1, py[g] - rad[g]); b.y2 = Math.max(b.y2, py[g] + rad[g] + 14);
        });
        return b;
      });
      var area = 0, widest = 0, gap = 30;
      boxes.forEach(function (b) { area += (b.x2 - b.x1 + gap) * (b.y2 - b.y1 + gap); widest = Math.max(widest, b.x2 - b.x1); });
      var rowWidth = Math.max(widest, Math.sqrt(area)), cx = 0, cy0 = 0, rowH = 0;
      boxes.forEach(function (b, c) {
        var w = b.x2 - b.x1, h = b.y2 - b.y1;
        if (cx > 0 && cx + w > rowWidth) { cx = 0; cy0 += rowH + gap; rowH = 0; }
        var ox = cx - b.x1, oy = cy0 - b.y1;
        comps[c].forEach(function (g) { px[g] += ox; py[g] += oy; });
        cx += w + gap; rowH = Math.max(rowH, h);
      });
      ids.forEach(function (id, i) { pos.set(id, { x: px[i], y: py[i] }); });
      stats.layoutMs = Math.round(performance.now() - t0);
      stats.layoutNodes = n;
      done();
    }
    next();
  }

  /* New claims of an expanded speaker go on a ring around it, facing away from the middle. */
  function placeAround(center, ids) {
    var c = pos.get(center); if (!c) return;
    var cn = byId.get(center), k = ids.length;
    var base = Math.atan2(c.y, c.x);
    var ring = cn.size / 2 + 60 + k * 6;
    ids.forEach(function (id, i) {
      var a = base + (k === 1 ? 0 : (i / k) * 2 * Math.PI);
      pos.set(id, { x: c.x + ring * Math.cos(a), y: c.y + ring * Math.sin(a) });
    });
  }

  /* ---------- cytoscape ---------- */
  var container = $("kgviz-graph");
  var big = NODES.length > 300;
  // Labels are switched on per node (class lbl) and sized per node against the zoom, so they keep
  // one size on screen; the stylesheet itself stays static, which keeps restyling cheap.
  var style = [
    { selector: "node", style: {
      "shape": "data(shape)", "background-color": "data(color)", "width": "data(size)", "height": "data(size)",
      "border-width": 1, "border-color": "data(border)", "label": "",
      "font-size": 12, "text-max-width": "170px", "text-margin-y": 2, "text-background-padding": "1.5px",
      "text-valign": "bottom", "text-halign": "center", "text-wrap": "wrap", "color": "#1d1d1d",
      "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-shape": "roundrectangle",
      "min-zoomed-font-size": 0, "font-family": "sans-serif"
    } },
    { selector: "node.lbl", style: { "label": "data(display)", "z-index": 10 } },
    { selector: "node.neg", style: { "border-color": "#c0392b", "border-width": 3 } },
    { selector: "node.collapsed", style: { "border-width": 4, "border-style": "double", "border-color": "#444" } },
    { selector: "node.match", style: { "border-width": 4, "border-color": "#ff7f0e", "z-index": 20 } },
    { selector: "node.sel", style: { "border-width": 5, "border-color": "#111", "z-index": 30 } },
    { selector: "node.hover", style: { "z-index": 40 } },
    { selector: ".faded", style: { "opacity": 0.15 } },
    { selector: "edge", style: {
      "width": 1.4, "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "triangle",
      "arrow-scale": 0.8, "curve-style": big ? "straight" : "bezier", "opacity": 0.75, "label": "",
      "font-size": 9, "color": "#444", "text-rotation": "autorotate", "text-background-color": "#ffffff",
      "text-background-opacity": 0.85, "text-background-padding": "1px", "font-family": "sans-serif"
    } },
    { selector: "edge.elbl", style: { "label": "data(label)" } },
    { selector: "edge.agg", style: { "line-style": "dashed", "width": "data(width)" } },
    { selector: "edge.hl", style: { "opacity": 1, "width": 2.4, "z-index": 25 } },
    { selector: "node:selected", style: { "overlay-opacity": 0 } }
  ];

  var cy = cytoscape({
    container: container, style: style, elements: [], minZoom: 0.02, maxZoom: 6,
    boxSelectionEnabled: false, selectionType: "single",
    hideEdgesOnViewport: big, textureOnViewport: false, pixelRatio: "auto"
  });
  var stats = { nodes: NODES.length, edges: EDGES.length, layoutMs: 0, layoutNodes: 0, renderMs: 0, labels: 0 };

  /* Only what is visible lives in cytoscape; elements are made once and removed / restored. */
  var made = new Map(), inCy = new Set();
  function nodeJson(n) {
    var t = TYPES.get(n.type) || TYPES.get("other");
    return { group: "nodes", data: { id: n.id, display: n.label, color: t.color, shape: t.shape, size: n.size,
      border: t.border, type: n.type }, classes: (n.attrs.polarity === "negative" ? "neg" : "") };
  }
  function edgeJson(e) {
    var r = REL[e.rel] || { label: e.label, color: "#999999" };
    return { group: "edges", data: { id: e.id, source: e.s, target: e.t, label: e.label, color: r.color, rel: e.rel } };
  }
  function ele(id) { return inCy.has(id) ? made.get(id) : null; }

  var current = { visible: new Set(), agg: [] };

  /* Show what the filters and collapsing allow; place nodes that have no position yet. */
  function refresh(after) {
    var visible = visibleSet(), ag = aggregate(visible);
    var fresh = [];
    visible.forEach(function (id) { if (!pos.has(id)) fresh.push(id); });
    var finish = function () {
      var t0 = performance.now();
      var wantEdges = new Set();
      EDGES.forEach(function (e) { if (visible.has(e.s) && visible.has(e.t)) wantEdges.add(e.id); });
      cy.batch(function () {
        cy.edges(".agg").remove();
        inCy.forEach(function (id) {
          if (!(visible.has(id) || wantEdges.has(id))) { made.get(id).remove(); inCy.delete(id); }
        });
        var add = [];
        visible.forEach(function (id) {
          if (inCy.has(id)) return;
          if (made.has(id)) made.get(id).restore(); else add.push(nodeJson(byId.get(id)));
          inCy.add(id);
        });
        if (add.length) cy.add(add).forEach(function (e) { made.set(e.id(), e); });
        add = [];
        EDGES.forEach(function (e) {
          if (!wantEdges.has(e.id) || inCy.has(e.id)) return;
          if (made.has(e.id)) made.get(e.id).restore(); else add.push(edgeJson(e));
          inCy.add(e.id);
        });
        if (add.length) cy.add(add).forEach(function (e) { made.set(e.id(), e); });
        visible.forEach(function (id) {
          var nd = made.get(id), n = byId.get(id), h = ag.hidden.get(id) || 0;
          var disp = h ? n.label + "\n[" + h + " claim" + (h === 1 ? "" : "s") + " folded in]" : n.label;
          if (nd.data("display") !== disp) nd.data("display", disp);
          if (nd.hasClass("collapsed") !== h > 0) nd.toggleClass("collapsed", h > 0);
          nd.position(pos.get(id));
        });
        cy.add(ag.edges.map(function (a) {
          var r = REL[a.rel];
          var label = a.rel === "about" ? a.count + " claim" + (a.count === 1 ? "" : "s") + " about"
            : "reported by (" + a.count + ")";
          return { group: "edges", classes: "agg", data: {
            id: a.id, source: a.s, target: a.t, label: label, color: r.color, rel: a.rel,
            width: 1.2 + Math.log2(a.count + 1)
          } };
        }));
      });
      current = { visible: visible, agg: ag.edges };
      stats.refreshMs = Math.round(performance.now() - t0);
      stats.visibleNodes = visible.size;
      stats.visibleEdges = cy.edges().length;
      applyHighlight();
      status(null);
      scheduleLabels();
      if (after) after();
    };
    if (pos.size === 0 || fresh.length > 40) {
      // Many newcomers: arrange the whole picture afresh (deterministic, so the same view
      // always looks the same); a few are placed around their speaker below instead.
      var ids = Array.from(visible).sort(function (a, b) { return byId.get(a).order - byId.get(b).order; });
      var edges = EDGES.filter(function (e) { return visible.has(e.s) && visible.has(e.t); }).concat(ag.edges);
      status("Arranging " + fmt(ids.length) + " nodes…");
      layout(ids, edges, finish);
    } else {
      var byCenter = new Map();
      fresh.forEach(function (id) {
        var n = byId.get(id), c = n.claimants.find(function (x) { return pos.has(x); });
        if (!c) { pos.set(id, { x: 0, y: 0 }); return; }
        if (!byCenter.has(c)) byCenter.set(c, []);
        byCenter.get(c).push(id);
      });
      byCenter.forEach(function (list, c) { placeAround(c, list); });
      if (fresh.length) {
        var ids2 = Array.from(visible), px = new Float64Array(ids2.length), py = new Float64Array(ids2.length), r = new Float64Array(ids2.length);
        ids2.forEach(function (id, i) { var p = pos.get(id); px[i] = p.x; py[i] = p.y; r[i] = discRadius(byId.get(id)); });
        removeOverlaps(ids2, r, px, py, 30);
        ids2.forEach(function (id, i) { pos.set(id, { x: px[i], y: py[i] }); });
      }
      finish();
    }
  }

  function relayout() {
    pos.clear();
    refresh(function () { fit(); });
  }

  /* Fit the visible graph into the part of the canvas the legend does not cover. */
  function fit() {
    var vis = cy.nodes();
    if (!vis.length) return;
    var W = container.clientWidth, H = container.clientHeight, pad = 30, padX = 80;  // room for labels
    var lg = $("kgviz-legend"), left = 0;
    if (lg.offsetWidth && lg.offsetHeight > H * 0.35) left = lg.offsetLeft + lg.offsetWidth;
    // From the known positions: asking cytoscape for a bounding box would style every node first.
    var bb = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    current.visible.forEach(function (id) {
      var p = pos.get(id), r = byId.get(id).size / 2;
      if (!p) return;
      bb.x1 = Math.min(bb.x1, p.x - r); bb.x2 = Math.max(bb.x2, p.x + r);
      bb.y1 = Math.min(bb.y1, p.y - r); bb.y2 = Math.max(bb.y2, p.y + r);
    });
    bb.w = bb.x2 - bb.x1; bb.h = bb.y2 - bb.y1;
    var bw = Math.max(bb.w, 1), bh = Math.max(bb.h, 1);
    var z = Math.min((W - left - 2 * padX) / bw, (H - 2 * pad - 20) / bh, 1.5);
    z = Math.max(cy.minZoom(), z);
    cy.viewport({ zoom: z, pan: { x: left + (W - left) / 2 - z * (bb.x1 + bb.w / 2), y: H / 2 - 10 - z * (bb.y1 + bb.h / 2) } });
    scheduleLabels();
  }

  /* ---------- labels: fixed size on screen, greedy, no overlaps ---------- */
  var measureCtx = document.createElement("canvas").getContext("2d"), widths = new Map();
  function textWidth(text, font) {
    var key = font + "|" + text, w = widths.get(key);
    if (w === undefined) { measureCtx.font = font + "px sans-serif"; w = measureCtx.measureText(text).width; widths.set(key, w); }
    return w;
  }
  var labelTimer = null, labelled = new Set(), edgeLabelled = new Set();
  function scheduleLabels() { clearTimeout(labelTimer); labelTimer = setTimeout(placeLabels, 60); }
  function placeLabels() {
    var t0 = performance.now();
    var z = cy.zoom(), ext = cy.extent(), mx = (ext.x2 - ext.x1) * 0.05, my = (ext.y2 - ext.y1) * 0.05;
    var cands = [];
    cy.nodes().forEach(function (nd) {
      var p = nd.position();
      if (p.x < ext.x1 - mx || p.x > ext.x2 + mx || p.y < ext.y1 - my || p.y > ext.y2 + my) return;
      var n = byId.get(nd.id()), pri = n.imp;
      if (nd.hasClass("hover")) pri += 2e9; else if (nd.hasClass("sel")) pri += 1e9;
      else if (nd.hasClass("nbr") || nd.hasClass("match")) pri += 1e8;
      if (nd.hasClass("faded")) pri -= 1e8;
      cands.push({ nd: nd, pri: pri, n: n, p: p });
    });
    cands.sort(function (a, b) { return b.pri - a.pri || a.n.order - b.n.order; });
    var cell = 64, grid = new Map(), nodeGrid = new Map(), keep = new Map(), budget = 400;
    function cells(b, fn) {
      for (var gx = Math.floor(b.x1 / cell); gx <= Math.floor(b.x2 / cell); gx++) {
        for (var gy = Math.floor(b.y1 / cell); gy <= Math.floor(b.y2 / cell); gy++) {
          if (fn(gx * 100003 + gy)) return true;
        }
      }
      return false;
    }
    function insert(g, b) { cells(b, function (k) { var l = g.get(k); if (l) l.push(b); else g.set(k, [b]); return false; }); }
    function overlaps(g, b, self) {
      return cells(b, function (k) {
        var list = g.get(k);
        return !!list && list.some(function (o) {
          return o.owner !== self && b.x1 < o.x2 && b.x2 > o.x1 && b.y1 < o.y2 && b.y2 > o.y1;
        });
      });
    }
    var pan = cy.pan();
    // Nodes on screen are obstacles: a label may cover its own node only.
    cands.forEach(function (c) {
      var rx = c.p.x * z + pan.x, ry = c.p.y * z + pan.y, r = c.n.size * z / 2;
      c.rx = rx; c.ry = ry; c.r = r;
      if (r >= 2) insert(nodeGrid, { x1: rx - r, x2: rx + r, y1: ry - r, y2: ry + r, owner: c.n.id });
    });
    // The legend and the canvas edges are obstacles too.
    var W = container.clientWidth, H = container.clientHeight, lg = $("kgviz-legend");
    if (lg.offsetWidth) insert(grid, { x1: lg.offsetLeft, x2: lg.offsetLeft + lg.offsetWidth, y1: lg.offsetTop, y2: lg.offsetTop + lg.offsetHeight, owner: null });
    var outside = function (b) { return b.x1 < 2 || b.y1 < 2 || b.x2 > W - 2 || b.y2 > H - 2; };
    // Below the node if there is room, else above, right or left of it.
    var SPOTS = [["bottom", "center"], ["top", "center"], ["center", "right"], ["center", "left"]];
    for (var i = 0; i < cands.length && keep.size < budget; i++) {
      var c = cands[i], font = c.n.font, text = String(c.nd.data("display"));
      var lines = text.split("\n"), longest = 0, rows = 0;
      lines.forEach(function (l) { var lw = textWidth(l, font); longest = Math.max(longest, lw); rows += Math.max(1, Math.ceil(lw / 165)); });
      var w = Math.min(170, longest) + 5, h = rows * font * 1.25 + 3;
      var rx = c.rx, ry = c.ry, r = c.r, forced = c.pri >= 1e8;
      // The best-connected nodes may cover other nodes with their label if nothing else fits;
      // no label ever covers another label.
      var tries = i < 25 ? SPOTS.length * 2 : SPOTS.length;
      for (var sIdx = 0; sIdx < tries; sIdx++) {
        var spot = SPOTS[sIdx % SPOTS.length], strict = sIdx < SPOTS.length, box;
        if (spot[0] === "bottom") box = { x1: rx - w / 2, x2: rx + w / 2, y1: ry + r + 1, y2: ry + r + 1 + h };
        else if (spot[0] === "top") box = { x1: rx - w / 2, x2: rx + w / 2, y1: ry - r - 1 - h, y2: ry - r - 1 };
        else if (spot[1] === "right") box = { x1: rx + r + 2, x2: rx + r + 2 + w, y1: ry - h / 2, y2: ry + h / 2 };
        else box = { x1: rx - r - 2 - w, x2: rx - r - 2, y1: ry - h / 2, y2: ry + h / 2 };
        box.owner = c.n.id;
        if (!forced && (outside(box) || overlaps(grid, box, null) || (strict && overlaps(nodeGrid, box, c.n.id)))) continue;
        insert(grid, box);
        c.spot = spot;
        keep.set(c.nd.id(), c);
        break;
      }
    }
    // Arrow labels: for the selected node's arrows, and for others where they fit, when zoomed in.
    var edgeCands = [];
    cy.edges().forEach(function (ed) {
      var p = ed.source().position(), q = ed.target().position(), x = (p.x + q.x) / 2, y = (p.y + q.y) / 2;
      if (x < ext.x1 || x > ext.x2 || y < ext.y1 || y > ext.y2) return;
      var hl = ed.hasClass("hl");
      if (!hl && (z < 0.45 || ed.hasClass("faded"))) return;
      edgeCands.push({ ed: ed, hl: hl, p: p, q: q });
    });
    edgeCands.sort(function (a, b) { return (b.hl - a.hl) || (a.ed.id() < b.ed.id() ? -1 : 1); });
    var showEdges = [];
    edgeCands.slice(0, 300).forEach(function (e) {
      var len = Math.hypot(e.q.x - e.p.x, e.q.y - e.p.y) * z, label = String(e.ed.data("label"));
      var w = textWidth(label, 9) + 4, h = 12;
      if (!e.hl && w > len * 0.7) return;  // an arrow too short to carry its label
      var ang = Math.atan2(e.q.y - e.p.y, e.q.x - e.p.x), cs = Math.abs(Math.cos(ang)), sn = Math.abs(Math.sin(ang));
      var bw = w * cs + h * sn, bh = w * sn + h * cs;
      var cx = (e.p.x + e.q.x) / 2 * z + pan.x, cy2 = (e.p.y + e.q.y) / 2 * z + pan.y;
      var box = { x1: cx - bw / 2, x2: cx + bw / 2, y1: cy2 - bh / 2, y2: cy2 + bh / 2, owner: null };
      if (!e.hl && (overlaps(grid, box, null) || overlaps(nodeGrid, box, null))) return;
      insert(grid, box);
      showEdges.push(e.ed);
    });
    var MARGIN = { bottom: [0, 2], top: [0, -2], right: [3, 0], left: [-3, 0] };
    cy.batch(function () {
      labelled.forEach(function (id) { var nd = ele(id); if (nd && !keep.has(id)) nd.removeClass("lbl"); });
      keep.forEach(function (c) {
        var m = MARGIN[c.spot[0] === "center" ? c.spot[1] : c.spot[0]];
        c.nd.addClass("lbl");
        c.nd.style({ "font-size": c.n.font / z, "text-max-width": (170 / z) + "px",
          "text-valign": c.spot[0], "text-halign": c.spot[1], "text-margin-x": m[0] / z, "text-margin-y": m[1] / z,
          "text-background-padding": (1.5 / z) + "px" });
      });
      labelled = new Set(keep.keys());
      edgeLabelled.forEach(function (ed) { ed.removeClass("elbl"); });
      edgeLabelled = new Set(showEdges);
      showEdges.forEach(function (ed) {
        ed.addClass("elbl");
        ed.style({ "font-size": 9 / z, "text-background-padding": (1 / z) + "px" });
      });
    });
    stats.labels = keep.size;
    stats.labelMs = Math.round(performance.now() - t0);
  }
  cy.on("viewport", scheduleLabels);

  /* ---------- highlight: selection neighbourhood and search matches ---------- */
  function applyHighlight() {
    cy.batch(function () {
      cy.elements(".faded, .nbr, .hl, .sel, .match").removeClass("faded nbr hl sel match");
      state.matches.forEach(function (id) { var nd = ele(id); if (nd) nd.addClass("match"); });
      var nd = state.selected ? ele(state.selected) : null;
      if (!nd) return;
      var hood = nd.closedNeighborhood();
      cy.elements().difference(hood).addClass("faded");
      hood.nodes().addClass("nbr");
      hood.edges().addClass("hl");
      nd.addClass("sel");
    });
  }

  /* ---------- the side panel ---------- */
  var panel = $("kgviz-panel");
  var OUT_TITLES = { claimant: "Said by", reported_by: "Reported by", about: "About", holds_position: "Holds position",
    position_of: "Position of", location: "Location", agent: "Agent", participant: "Participants", contained_in: "Lies in" };
  var IN_TITLES = { claimant: "Claims made", reported_by: "Claims it reported", about: "Claims about it",
    holds_position: "Held by", position_of: "Positions", location: "Located here", agent: "Events it caused",
    participant: "Events it took part in", contained_in: "Places in it" };
  var FIELDS = [
    ["name", "Name"], ["alternate_names", "Also called"], ["title", "Title"], ["country_code", "Country code"],
    ["event_types", "Kind of event"], ["start_date", "Start"], ["end_date", "End"], ["quantities", "How many"]
  ];

  function typeBadge(type) {
    var t = TYPES.get(type) || TYPES.get("other");
    var b = el("span", "badge" + (t.light ? " light" : ""), t.label);
    b.style.backgroundColor = t.color;
    return b;
  }
  function nodeLink(id) {
    var n = byId.get(id);
    var b = el("button", "link");
    b.type = "button";
    var d = el("span", "dot"); d.style.backgroundColor = (TYPES.get(n.type) || TYPES.get("other")).color;
    b.appendChild(d);
    b.appendChild(el("span", null, n.label + (n.attrs.date && n.type === "claim" ? " (" + n.attrs.date + ")" : "")));
    b.dataset.nodeId = id;
    b.addEventListener("click", function () { reveal(id); });
    return b;
  }
  function addField(dl, key, title, value, kind) {
    if (value === undefined || value === null || value === "") return null;
    var dt = el("dt", null, title), dd = el("dd");
    dd.dataset.field = key;
    if (kind === "quote" || kind === "evidence") {
      var q = el("blockquote", kind === "evidence" ? "evidence" : null, value);
      dd.appendChild(q);
    } else if (kind === "link") {
      var url = safeUrl(value);
      if (url) {
        var a = el("a", null, url.replace(/^https?:\/\/(www\.)?/, ""));
        a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
        dd.appendChild(a);
      } else { dd.textContent = String(value); }
    } else {
      dd.textContent = String(value);
      if (kind) dd.className = kind;
    }
    dl.appendChild(dt); dl.appendChild(dd);
    return dd;
  }
  function addLinks(dl, key, title, ids) {
    if (!ids.length) return;
    dl.appendChild(el("dt", null, title + (ids.length > 1 ? " (" + ids.length + ")" : "")));
    var dd = el("dd"), ul = el("ul", "links");
    dd.dataset.field = key;
    ids.slice(0, 60).forEach(function (id) { var li = el("li"); li.appendChild(nodeLink(id)); ul.appendChild(li); });
    if (ids.length > 60) ul.appendChild(el("li", "muted", "… and " + (ids.length - 60) + " more"));
    dd.appendChild(ul); dl.appendChild(dd);
  }

  function showHelp() {
    clear(panel);
    panel.removeAttribute("data-node-id");
    panel.appendChild(el("h2", null, "Who said what about whom"));
    var ul = el("ul", "help");
    [
      "Each yellow diamond is a claim: something the article reports that someone said. Arrows lead from the claim to who said it (claimant), the outlet that reported it, and what it is about.",
      "Click any node to see its details here: names, Wikidata link, and for a claim its quote, date, outlet and the sentence in the article it comes from.",
      "Type in the search box to find a person, place or quote. Use the legend to hide kinds of nodes, and the outlet menu to see only what one outlet reported.",
      META.startCollapsed ? "This graph is large, so each speaker's claims start folded into the speaker (double border). Double-click a speaker, or use \u201cShow all claims\u201d, to unfold them." :
        "Double-click a speaker to fold their claims into them."
    ].forEach(function (t) { ul.appendChild(el("li", null, t)); });
    panel.appendChild(ul);
  }

  function showPanel(id) {
    var n = byId.get(id), a = n.attrs;
    clear(panel);
    panel.dataset.nodeId = id;
    panel.dataset.nodeType = n.type;
    panel.appendChild(typeBadge(n.type));
    var h = el("h2", null, n.label); h.dataset.field = "label"; panel.appendChild(h);
    var dl = el("dl");
    if (n.type === "claim") {
      addField(dl, "quote", "Quote", a.quote, "quote");
      if (!a.quote || fold(a.text) !== fold(a.quote)) addField(dl, "text", a.quote ? "Content" : "What was said", a.text, a.quote ? null : "quote");
      addLinks(dl, "claimant", "Said by", n.claimants);
      addField(dl, "date", "Date", a.stated_on);
      addLinks(dl, "outlet", "Reported by", n.outlets);
      var act = [a.cue ? "\u201c" + a.cue + "\u201d" : null, a.speech_act].filter(Boolean).join(" \u2014 ");
      addField(dl, "speech_act", "Speech act", act);
      if (a.polarity === "negative") addField(dl, "polarity", "Polarity", "negative: says that something is not so", "negative");
      addLinks(dl, "about", "About", n.about);
      addField(dl, "evidence", "Evidence in the article", a.evidence, "evidence");
      addField(dl, "article", "Article", a.article_headline);
    } else {
      FIELDS.forEach(function (f) { addField(dl, f[0], f[1], a[f[0]]); });
      addField(dl, "wikidata", "Wikidata", a.wikidata, "link");
      if (n.type === "event") {
        addField(dl, "evidence", "Evidence in the article", a.evidence, "evidence");
      }
    }
    // Connections, grouped by relation (claims' own links are listed above).
    var groups = new Map();
    outE.get(id).forEach(function (e) {
      if (n.type === "claim" && (e.rel === "claimant" || e.rel === "reported_by" || e.rel === "about")) return;
      var k = "out:" + e.rel; if (!groups.has(k)) groups.set(k, { title: OUT_TITLES[e.rel] || e.label, ids: [] });
      groups.get(k).ids.push(e.t);
    });
    inE.get(id).forEach(function (e) {
      var k = "in:" + e.rel; if (!groups.has(k)) groups.set(k, { title: IN_TITLES[e.rel] || ("\u2190 " + e.label), ids: [] });
      groups.get(k).ids.push(e.s);
    });
    groups.forEach(function (g, k) { addLinks(dl, k.replace(":", "_"), g.title, g.ids); });
    panel.appendChild(dl);
    if (claimsOf.has(id)) {
      var folded = state.collapsed.has(id), count = claimsOf.get(id).length;
      var btn = el("button", "action", folded ? "Show " + count + " claim" + (count === 1 ? "" : "s") + " as nodes" : "Fold claims into this speaker");
      btn.type = "button"; btn.id = "kgviz-toggle-claims";
      btn.addEventListener("click", function () { toggleCollapse(id); });
      panel.appendChild(btn);
    }
    var iri = safeUrl(n.iri);
    if (iri) { var dli = el("dl"); addField(dli, "iri", "IRI", n.iri, "iri"); panel.appendChild(dli); }
  }

  function select(id) {
    state.selected = id;
    if (id) showPanel(id); else showHelp();
    applyHighlight();
    scheduleLabels();
  }
  /* Select a node, making it visible first (unfold its speaker, turn its type back on). */
  function reveal(id) {
    var n = byId.get(id);
    if (!n) return;
    var changed = false;
    if (!state.typeOn[n.type]) { state.typeOn[n.type] = true; changed = true; syncLegend(); }
    if (n.type === "claim") {
      if (state.outlet && n.outlets.indexOf(state.outlet) < 0) { state.outlet = ""; $("kgviz-outlet").value = ""; changed = true; }
      if (hiddenByCollapse(n)) { state.collapsed.delete(n.claimants[0]); changed = true; }
    }
    var go = function () {
      select(id);
      var nd = ele(id);
      if (!nd) return;
      // Move the view only to bring the node into sight: a click on a drawn node keeps it still.
      var rp = nd.renderedPosition(), w = container.clientWidth, h = container.clientHeight;
      if (rp.x < 30 || rp.y < 30 || rp.x > w - 30 || rp.y > h - 30 || nd.renderedWidth() < 3) {
        cy.animate({ center: { eles: nd }, zoom: Math.max(cy.zoom(), 0.9) }, { duration: 250 });
      }
    };
    if (changed) { syncCollapseButton(); refresh(go); } else go();
  }
  function toggleCollapse(id) {
    if (!claimsOf.has(id)) return;
    if (state.collapsed.has(id)) state.collapsed.delete(id); else state.collapsed.add(id);
    syncCollapseButton();
    refresh(function () { if (state.selected) showPanel(state.selected); });
  }

  /* ---------- header controls ---------- */
  function syncCollapseButton() {
    var b = $("kgviz-collapse");
    var any = state.collapsed.size > 0;
    b.textContent = any ? "Show all claims" : "Fold claims into speakers";
    b.disabled = claimsOf.size === 0;
  }
  $("kgviz-collapse").addEventListener("click", function () {
    if (state.collapsed.size > 0) state.collapsed.clear();
    else claimsOf.forEach(function (_, c) { state.collapsed.add(c); });
    syncCollapseButton();
    refresh(function () { fit(); if (state.selected) showPanel(state.selected); });
  });
  $("kgviz-fit").addEventListener("click", fit);
  $("kgviz-relayout").addEventListener("click", relayout);

  var outletSel = $("kgviz-outlet");
  (function () {
    var counts = new Map();
    NODES.forEach(function (n) { if (n.type === "claim") n.outlets.forEach(function (o) { counts.set(o, (counts.get(o) || 0) + 1); }); });
    var o0 = el("option", null, counts.size ? "All outlets" : "No outlets named"); o0.value = ""; outletSel.appendChild(o0);
    Array.from(counts.keys()).sort(function (a, b) { return byId.get(a).label.localeCompare(byId.get(b).label); }).forEach(function (id) {
      var o = el("option", null, byId.get(id).label + " (" + counts.get(id) + ")"); o.value = id; outletSel.appendChild(o);
    });
    outletSel.disabled = counts.size === 0;
  })();
  outletSel.addEventListener("change", function () { state.outlet = outletSel.value; refresh(); });

  var search = $("kgviz-search"), results = $("kgviz-results"), searchTimer = null, resultIds = [];
  function runSearch() {
    var q = fold(search.value.trim());
    state.query = q;
    state.matches = new Set();
    clear(results);
    if (q.length < 2) { results.hidden = true; applyHighlight(); scheduleLabels(); return; }
    var found = NODES.filter(function (n) { return n.search.indexOf(q) >= 0; });
    found.sort(function (a, b) {
      var an = fold(a.label).indexOf(q) >= 0 ? 0 : 1, bn = fold(b.label).indexOf(q) >= 0 ? 0 : 1;
      return an - bn || (a.type === "claim") - (b.type === "claim") || b.imp - a.imp || a.order - b.order;
    });
    found.forEach(function (n) { state.matches.add(n.id); });
    resultIds = found.slice(0, 40).map(function (n) { return n.id; });
    if (!found.length) results.appendChild(el("li", "none", "Nothing found"));
    resultIds.forEach(function (id, i) {
      var n = byId.get(id), li = el("li");
      var d = el("span", "dot"); d.style.backgroundColor = (TYPES.get(n.type) || TYPES.get("other")).color;
      li.appendChild(d); li.appendChild(el("span", null, n.label)); li.appendChild(el("span", "kind", (TYPES.get(n.type) || {}).label));
      li.dataset.nodeId = id;
      if (i === 0) li.className = "active";
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); results.hidden = true; reveal(id); });
      results.appendChild(li);
    });
    if (found.length > 40) results.appendChild(el("li", "none", "… " + (found.length - 40) + " more highlighted in the graph"));
    results.hidden = false;
    applyHighlight(); scheduleLabels();
  }
  search.addEventListener("input", function () { clearTimeout(searchTimer); searchTimer = setTimeout(runSearch, 120); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { clearTimeout(searchTimer); runSearch(); if (resultIds.length) { results.hidden = true; reveal(resultIds[0]); } }
    if (ev.key === "Escape") { search.value = ""; runSearch(); }
  });
  search.addEventListener("blur", function () { setTimeout(function () { results.hidden = true; }, 150); });
  search.addEventListener("focus", function () { if (results.firstChild) results.hidden = false; });

  /* ---------- legend (doubles as the type filter) ---------- */
  var SVGNS = "http://www.w3.org/2000/svg";
  function swatch(t) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "-8 -8 16 16");
    var shape, pts = function (k, r, rot, inner) {
      var out = [];
      for (var i = 0; i < k; i++) {
        var a = rot + i * 2 * Math.PI / k, rr = inner && i % 2 ? inner : r;
        out.push((rr * Math.cos(a)).toFixed(2) + "," + (rr * Math.sin(a)).toFixed(2));
      }
      return out.join(" ");
    };
    switch (t.shape) {
      case "round-rectangle": case "rectangle":
        shape = document.createElementNS(SVGNS, "rect");
        shape.setAttribute("x", "-6.5"); shape.setAttribute("y", "-5"); shape.setAttribute("width", "13"); shape.setAttribute("height", "10");
        shape.setAttribute("rx", t.shape === "rectangle" ? "0" : "2.5"); break;
      case "hexagon": shape = document.createElementNS(SVGNS, "polygon"); shape.setAttribute("points", pts(6, 7, 0)); break;
      case "triangle": shape = document.createElementNS(SVGNS, "polygon"); shape.setAttribute("points", pts(3, 7.5, -Math.PI / 2)); break;
      case "pentagon": shape = document.createElementNS(SVGNS, "polygon"); shape.setAttribute("points", pts(5, 7, -Math.PI / 2)); break;
      case "star": shape = document.createElementNS(SVGNS, "polygon"); shape.setAttribute("points", pts(10, 7.5, -Math.PI / 2, 3.2)); break;
      case "diamond": shape = document.createElementNS(SVGNS, "polygon"); shape.setAttribute("points", pts(4, 7, -Math.PI / 2)); break;
      default: shape = document.createElementNS(SVGNS, "circle"); shape.setAttribute("r", "6.5");
    }
    shape.setAttribute("fill", t.color); shape.setAttribute("stroke", t.border); shape.setAttribute("stroke-width", "1");
    svg.appendChild(shape);
    return svg;
  }
  var legend = $("kgviz-legend"), legendBoxes = {};
  function buildLegend() {
    clear(legend);
    legend.appendChild(el("h3", null, "Nodes \u2014 untick to hide"));
    DATA.types.forEach(function (t) {
      if (!t.count) return;
      var lab = el("label"), cb = el("input");
      cb.type = "checkbox"; cb.checked = state.typeOn[t.key]; cb.dataset.type = t.key;
      cb.addEventListener("change", function () { state.typeOn[t.key] = cb.checked; refresh(); });
      legendBoxes[t.key] = cb;
      lab.appendChild(cb); lab.appendChild(swatch(t)); lab.appendChild(el("span", null, t.plural));
      lab.appendChild(el("span", "count", "(" + fmt(t.count) + ")"));
      legend.appendChild(lab);
    });
    var used = new Set(EDGES.map(function (e) { return e.rel; }));
    if (used.size) {
      var sec = el("div", "section"), cols = el("div", "cols");
      sec.appendChild(el("h3", null, "Arrows")); sec.appendChild(cols);
      Object.keys(REL).forEach(function (k) {
        if (!used.has(k)) return;
        var row = el("div", "edge-row"), svg = document.createElementNS(SVGNS, "svg");
        svg.setAttribute("width", "26"); svg.setAttribute("height", "8");
        var line = document.createElementNS(SVGNS, "line");
        line.setAttribute("x1", "1"); line.setAttribute("y1", "4"); line.setAttribute("x2", "25"); line.setAttribute("y2", "4");
        line.setAttribute("stroke", REL[k].color); line.setAttribute("stroke-width", "2.5");
        svg.appendChild(line); row.appendChild(svg); row.appendChild(el("span", null, REL[k].label));
        cols.appendChild(row);
      });
      legend.appendChild(sec);
    }
    var notes = el("div", "section");
    if (NODES.some(function (n) { return n.attrs.polarity === "negative"; })) {
      var neg = el("div", "note"), s1 = swatch({ shape: "diamond", color: TYPES.get("claim").color, border: "#c0392b" });
      s1.firstChild.setAttribute("stroke-width", "2.2");
      neg.appendChild(s1); neg.appendChild(el("span", null, "red outline: a negative claim (denies, says \u201cnot\u201d)"));
      notes.appendChild(neg);
    }
    if (claimsOf.size) {
      var fold1 = el("div", "note"), s2 = swatch({ shape: "ellipse", color: "#ffffff", border: "#444" });
      s2.firstChild.setAttribute("stroke-width", "2.5");
      fold1.appendChild(s2); fold1.appendChild(el("span", null, "thick outline: a speaker with folded-in claims (double-click)"));
      notes.appendChild(fold1);
    }
    if (notes.firstChild) legend.appendChild(notes);
  }
  function syncLegend() { Object.keys(legendBoxes).forEach(function (k) { legendBoxes[k].checked = state.typeOn[k]; }); }

  /* ---------- events ---------- */
  // Double clicks are told apart by the input events' own time stamps: on a big graph the
  // first click's redraw can delay the second one's handling past cytoscape's dbltap window.
  var lastTap = { id: null, t: -1e9 };
  cy.on("tap", "node", function (ev) {
    var id = ev.target.id(), oe = ev.originalEvent, t = oe && oe.timeStamp ? oe.timeStamp : performance.now();
    if (lastTap.id === id && t - lastTap.t < 450) { lastTap = { id: null, t: -1e9 }; toggleCollapse(id); return; }
    lastTap = { id: id, t: t };
    reveal(id);
  });
  cy.on("tap", function (ev) { if (ev.target === cy) select(null); });
  cy.on("mouseover", "node", function (ev) { ev.target.addClass("hover"); container.style.cursor = "pointer"; scheduleLabels(); });
  cy.on("mouseout", "node", function (ev) { ev.target.removeClass("hover"); container.style.cursor = ""; scheduleLabels(); });

  function status(text) {
    var s = $("kgviz-status");
    if (text) { s.textContent = text; s.hidden = false; } else { s.hidden = true; }
  }

  /* ---------- test and scripting hooks ---------- */
  var api = {
    ready: false, stats: stats, cy: cy,
    nodes: function () {
      return NODES.map(function (n) {
        return { id: n.id, iri: n.iri, type: n.type, label: n.label, visible: current.visible.has(n.id), labelled: labelled.has(n.id) };
      });
    },
    find: function (text) {
      var q = fold(text);
      return NODES.filter(function (n) { return fold(n.label) === q || fold(n.attrs.name) === q || n.iri === text; })
        .map(function (n) { return n.id; });
    },
    select: function (id) { reveal(id); },
    /* Where the node is drawn, in page (client) pixels, after bringing it into view. */
    clientPosition: function (id) {
      var nd = ele(id);
      if (!nd) return null;
      var rp = nd.renderedPosition(), w = container.clientWidth, h = container.clientHeight;
      if (rp.x < 20 || rp.y < 20 || rp.x > w - 20 || rp.y > h - 20) { cy.center(nd); rp = nd.renderedPosition(); }
      var rect = container.getBoundingClientRect();
      return { x: rect.left + rp.x, y: rect.top + rp.y };
    },
    expand: function (id) { if (state.collapsed.has(id)) toggleCollapse(id); },
    collapse: function (id) { if (!state.collapsed.has(id)) toggleCollapse(id); },
    setTypeVisible: function (type, on) { state.typeOn[type] = !!on; syncLegend(); refresh(); },
    setOutlet: function (id) { state.outlet = id || ""; outletSel.value = state.outlet; refresh(); },
    search: function (q) { search.value = q; runSearch(); return Array.from(state.matches); }
  };
  window.kgviz = api;

  /* ---------- start ---------- */
  $("kgviz-title").textContent = META.title;
  $("kgviz-subtitle").textContent = META.subtitle;
  document.title = META.title;
  buildLegend();
  syncCollapseButton();
  showHelp();
  var started = performance.now();
  setTimeout(function () {
    refresh(function () {
      fit();
      setTimeout(function () {
        placeLabels();
        stats.renderMs = Math.round(performance.now() - started);
        api.ready = true;
        document.body.dataset.kgvizReady = "true";
      }, 0);
    });
  }, 0);
})();
