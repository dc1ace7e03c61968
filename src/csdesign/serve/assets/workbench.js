// csdesign serve: the live workbench page. Served from the app's own origin (the CSP allows
// no inline script). User text goes in with textContent only; the chart fragment is HTML the
// server rendered with every user string escaped.
(function () {
  "use strict";
  var root = document.documentElement;
  window.addEventListener("error", function (e) { root.setAttribute("data-error", String(e.message)); });
  var $ = function (id) { return document.getElementById(id); };
  var vp = $("viewport"), cv = $("canvas"), err = $("error"), list = $("findings"), diff = $("diff");
  var sel = $("structure"), viewSel = $("view"), search = $("search"), status = $("status");
  var params = new URLSearchParams(location.hash.slice(1));
  var state = {
    structure: params.get("structure") || "", view: params.get("view") || "chart",
    side: params.get("side") || "after", lang: root.lang === "zh" ? "zh" : "en"
  };
  var s = 1, x = 0, y = 0, drag = null, fitted = false, selected = null, loaded = -1, links = { links: [], leads: [] };
  var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.id = "links"; svg.setAttribute("aria-hidden", "true");
  function lines() { if (window.csdesignLinks) window.csdesignLinks.draw(cv, svg, links); }

  function apply() { cv.style.transform = "translate(" + x + "px," + y + "px) scale(" + s + ")"; }
  function zoomAt(f, cx, cy) { var n = Math.min(4, Math.max(0.1, s * f)); x = cx - (cx - x) * n / s; y = cy - (cy - y) * n / s; s = n; apply(); }
  function fit() {
    s = 1; x = 0; y = 0; apply();
    var w = cv.offsetWidth, h = cv.offsetHeight;
    var f = Math.min(1, vp.clientWidth / Math.max(w, 1), vp.clientHeight / Math.max(h, 1));
    s = f > 0 ? f : 1; x = Math.max(0, (vp.clientWidth - w * s) / 2); y = 0; apply();
  }
  function remember() {
    var p = new URLSearchParams();
    if (state.structure) p.set("structure", state.structure);
    if (state.view !== "chart") p.set("view", state.view);
    if (state.side !== "after") p.set("side", state.side);
    history.replaceState(null, "", "#" + p.toString());
  }
  vp.addEventListener("wheel", function (e) { e.preventDefault(); var r = vp.getBoundingClientRect(); zoomAt(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - r.left, e.clientY - r.top); }, { passive: false });
  vp.addEventListener("pointerdown", function (e) { if (e.target.closest("button,.box,td")) return; drag = { px: e.clientX, py: e.clientY, x: x, y: y }; });
  window.addEventListener("pointermove", function (e) { if (!drag) return; x = drag.x + e.clientX - drag.px; y = drag.y + e.clientY - drag.py; apply(); });
  window.addEventListener("pointerup", function () { drag = null; });

  function setCollapsed(li, c) {
    li.classList.toggle("collapsed", c);
    var b = li.querySelector(":scope>.box>.toggle");
    if (b) { b.textContent = c ? "+" : "\u2212"; b.setAttribute("aria-expanded", String(!c)); }
  }
  function openTo(el) { for (var li = el.closest("li"); li; li = li.parentNode.closest("li")) setCollapsed(li, false); }
  function find(q) {
    q = q.trim().toLowerCase();
    cv.querySelectorAll(".box,td li").forEach(function (b) {
      var hit = q !== "" && b.textContent.toLowerCase().indexOf(q) >= 0;
      b.classList.toggle("match", hit); if (hit) openTo(b);
    });
    lines();
  }
  function mark(nodes) {
    cv.querySelectorAll(".picked").forEach(function (b) { b.classList.remove("picked"); });
    var want = {}; (nodes || []).forEach(function (n) { want[n] = true; });
    var first = null;
    cv.querySelectorAll("[data-node]").forEach(function (b) {
      if (want[b.getAttribute("data-node")]) { b.classList.add("picked"); openTo(b); first = first || b; }
    });
    lines();
    return first;
  }
  function centre(box) {
    var r = box.getBoundingClientRect(), v = vp.getBoundingClientRect();
    x += v.left + v.width / 2 - (r.left + r.width / 2); y += v.top + v.height / 2 - (r.top + r.height / 2); apply();
  }

  function item(parent, cls) { var li = document.createElement("li"); if (cls) li.className = cls; parent.appendChild(li); return li; }
  function span(parent, cls, text) { var e = document.createElement("span"); e.className = cls; e.textContent = text; parent.appendChild(e); return e; }

  function showFindings(data) {
    list.replaceChildren();
    $("count").textContent = String(data.findings.length);
    data.findings.forEach(function (f, i) {
      var li = item(list, "finding sev-" + f.severity);
      li.tabIndex = 0; li.setAttribute("data-index", String(i));
      var tag = span(li, "kind", f.label); tag.style.borderColor = /^#[0-9a-fA-F]{6}$/.test(f.colour) ? f.colour : "#595959";
      span(li, "msg", f.message);
      if (f.hint) span(li, "hint", f.hint);
      span(li, "where", f.where);
      li.addEventListener("click", function () {
        list.querySelectorAll(".chosen").forEach(function (c) { c.classList.remove("chosen"); });
        li.classList.add("chosen"); selected = i;
        var box = mark(f.nodes); if (box) centre(box);
      });
    });
  }
  function showDiff(data) {
    var has = data.diff && data.diff.length > 0;
    diff.hidden = !has; $("diff-head").hidden = !has; diff.replaceChildren();
    (data.diff || []).forEach(function (c) {
      var li = item(diff, "change " + c.status);
      span(li, "status", c.status); span(li, "msg", c.title);
      c.changes.forEach(function (ch) { span(li, "detail", ch[0] + ": " + ch[1] + " \u2192 " + ch[2]); });
    });
  }
  function fillStructures(data) {
    if (sel.options.length === data.structures.length) { sel.value = data.structure || ""; return; }
    sel.replaceChildren();
    data.structures.forEach(function (name) { var o = document.createElement("option"); o.value = name; o.textContent = (data.structure_labels || {})[name] || name; sel.appendChild(o); });
    sel.value = data.structure || "";
  }

  // Requests are numbered: when the user changes the view and then the structure quickly, the
  // answer to the older request may arrive last, and it must not overwrite the newer one.
  var asked = 0;
  function load(reason) {
    var q = new URLSearchParams({ side: state.side, view: state.view, lang: state.lang });
    if (state.structure) q.set("structure", state.structure);
    status.textContent = "\u2026";
    var mine = ++asked;
    return fetch("/api/view?" + q.toString(), { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (data) {
      if (mine !== asked) return;  // a newer request is on its way; its answer is the one to show
      $("title").textContent = data.title;
      document.title = data.title + " \u2013 csdesign";
      fillStructures(data);
      var problem = data.error || Object.keys(data.errors || {}).map(function (k) { return data.errors[k]; })[0] || "";
      err.textContent = problem; err.hidden = !problem;
      if (data.chart !== null) {
        // The last good chart stays when the file is broken (chart is null then).
        var doc = new DOMParser().parseFromString("<div>" + data.chart + "</div>", "text/html");
        var collapsed = {};
        cv.querySelectorAll("li.collapsed>.box[data-node]").forEach(function (b) { collapsed[b.getAttribute("data-node")] = true; });
        cv.replaceChildren.apply(cv, [svg].concat(Array.prototype.slice.call(doc.body.firstChild.childNodes)));
        links = data.links || { links: [], leads: [] };
        cv.querySelectorAll("li>.box[data-node]").forEach(function (b) { if (collapsed[b.getAttribute("data-node")]) setCollapsed(b.parentNode, true); });
        showFindings(data); showDiff(data);
        if (search.value) find(search.value);
        if (selected !== null && data.findings[selected]) mark(data.findings[selected].nodes);
        lines();
        if (!fitted) { fit(); fitted = true; }
      }
      $("sides").hidden = data.sides.length < 2;
      document.querySelectorAll("#sides button").forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-side") === state.side)); });
      loaded = data.version;
      root.setAttribute("data-version", String(data.version));
      root.setAttribute("data-ready", "1");
      status.textContent = "";
    }).catch(function (e) { if (mine === asked) status.textContent = String(e); });
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (t.classList.contains("toggle")) { var li = t.closest("li"); setCollapsed(li, !li.classList.contains("collapsed")); lines(); return; }
    var act = t.getAttribute("data-action");
    if (act === "zoom-in") zoomAt(1.25, vp.clientWidth / 2, vp.clientHeight / 2);
    else if (act === "zoom-out") zoomAt(0.8, vp.clientWidth / 2, vp.clientHeight / 2);
    else if (act === "fit") fit();
    else if (t.hasAttribute("data-side")) { state.side = t.getAttribute("data-side"); remember(); selected = null; load("side"); }
    else if (t.id === "lang") { state.lang = t.getAttribute("data-lang"); location.search = "?lang=" + state.lang; }
    else { var box = t.closest(".box"); if (box && box.querySelector(".details")) box.classList.toggle("open"); }
  });
  sel.addEventListener("change", function () { state.structure = sel.value; remember(); selected = null; fitted = false; load("structure"); });
  viewSel.value = state.view;
  viewSel.addEventListener("change", function () { state.view = viewSel.value; remember(); selected = null; fitted = false; load("view"); });
  search.addEventListener("input", function () { find(search.value); });

  var events = new EventSource("/events");
  events.addEventListener("version", function (e) { if (Number(e.data) !== loaded) load("change"); });
  load("open");
})();
