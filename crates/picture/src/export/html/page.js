"use strict";
(function () {
  var data = JSON.parse(document.getElementById("data").textContent);
  var words = JSON.parse(document.getElementById("words").textContent);
  // Each photo once, by key: many elements may cite one photo.
  var photos = JSON.parse(document.getElementById("photos").textContent);
  var viewport = document.getElementById("viewport");
  var stage = document.getElementById("stage");
  var panel = document.getElementById("panel");
  var details = document.getElementById("details");
  var bar = document.querySelector(".bar");
  var view = { x: 0, y: 0, scale: 1 };
  var selected = null;

  function current() {
    return document.querySelector(".variant:not([hidden])");
  }
  function size() {
    var svg = current().querySelector("svg.hits");
    return { w: +svg.getAttribute("width"), h: +svg.getAttribute("height") };
  }
  var minimap = document.getElementById("minimap");
  var miniView = document.getElementById("mini-view");
  function apply() {
    stage.style.transform = "translate(" + view.x + "px," + view.y + "px) scale(" + view.scale + ")";
    if (miniView) {
      miniView.setAttribute("x", -view.x / view.scale);
      miniView.setAttribute("y", -view.y / view.scale);
      miniView.setAttribute("width", viewport.clientWidth / view.scale);
      miniView.setAttribute("height", viewport.clientHeight / view.scale);
    }
  }
  // Where each stage's column starts on the page, and the map's top.
  function stageStarts() {
    return (current().getAttribute("data-stages") || "0").split(" ").map(Number);
  }
  function goStage(k) {
    var xs = stageStarts();
    var top = +(current().getAttribute("data-top") || 0);
    // The first stage with the lanes' names beside it.
    var left = k === 0 ? +(current().getAttribute("data-left") || 0) : xs[Math.min(k, xs.length - 1)] - 16;
    view.x = -left * view.scale;
    view.y = -(top - 8) * view.scale;
    apply();
    document.querySelectorAll(".tab").forEach(function (tab) {
      tab.setAttribute("aria-current", tab.getAttribute("data-stage") === String(k) ? "true" : "false");
    });
  }
  // The page opens at its own size on the first stage, where its words read; a map
  // that fits whole at that size opens whole.
  function readable() {
    document.documentElement.style.setProperty("--bar", bar.offsetHeight + "px");
    var s = size();
    var whole = Math.min(viewport.clientWidth / s.w, viewport.clientHeight / s.h) * 0.98;
    if (whole >= 1) {
      fit();
      return;
    }
    view.scale = 1;
    goStage(0);
  }
  function fit() {
    document.documentElement.style.setProperty("--bar", bar.offsetHeight + "px");
    var s = size();
    var w = viewport.clientWidth, h = viewport.clientHeight;
    view.scale = Math.min(w / s.w, h / s.h) * 0.98;
    view.x = (w - s.w * view.scale) / 2;
    view.y = Math.max(0, (h - s.h * view.scale) / 2);
    apply();
  }
  function zoomAt(factor, cx, cy) {
    var scale = Math.min(8, Math.max(0.05, view.scale * factor));
    factor = scale / view.scale;
    view.x = cx - (cx - view.x) * factor;
    view.y = cy - (cy - view.y) * factor;
    view.scale = scale;
    apply();
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function show(id) {
    var item = data[id];
    if (!item) return;
    selected = id;
    details.replaceChildren();
    details.appendChild(el("div", "kind", item.kind));
    details.appendChild(el("h2", null, item.title));
    if (item.between) details.appendChild(el("div", "meta", item.between));
    if (item.lines.length) {
      var dl = el("dl");
      item.lines.forEach(function (pair) {
        dl.appendChild(el("dt", null, pair[0]));
        dl.appendChild(el("dd", null, pair[1]));
      });
      details.appendChild(dl);
    }
    if (item.opportunities.length) {
      details.appendChild(el("h3", null, words.opportunities));
      var ul = el("ul");
      item.opportunities.forEach(function (o) { ul.appendChild(el("li", null, o)); });
      details.appendChild(ul);
    }
    if (item.evidence.length) {
      details.appendChild(el("h3", null, words.evidence));
      item.evidence.forEach(function (e) {
        var quote = el("blockquote");
        quote.appendChild(el("div", "meta", [e.kind, e.confidence, e.date].filter(Boolean).join(" · ")));
        quote.appendChild(el("div", "quote", e.text));
        if (e.metric) quote.appendChild(el("div", "metric", e.metric));
        if (e.source) {
          var source = el("div", "meta");
          if (e.link) {
            var a = el("a", null, e.source);
            a.href = e.link;
            a.rel = "noopener noreferrer";
            a.target = "_blank";
            source.appendChild(a);
          } else {
            source.textContent = e.source;
          }
          quote.appendChild(source);
        }
        e.photos.forEach(function (key) {
          if (!photos[key]) return;
          var img = el("img");
          img.alt = e.text;
          img.src = photos[key];
          quote.appendChild(img);
        });
        details.appendChild(quote);
      });
    }
    panel.hidden = false;
    document.querySelectorAll(".hit.on").forEach(function (h) { h.classList.remove("on"); });
    current().querySelectorAll(".hit").forEach(function (h) {
      if (h.getAttribute("data-id") === id) h.classList.add("on");
    });
  }
  function hide() {
    panel.hidden = true;
    selected = null;
    document.querySelectorAll(".hit.on").forEach(function (h) { h.classList.remove("on"); });
  }

  // Pan with one pointer, pinch with two; a press that does not move is a click.
  var pointers = new Map();
  var moved = false, pinch = null;
  viewport.addEventListener("pointerdown", function (event) {
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    moved = false;
    if (pointers.size === 2) {
      var p = Array.from(pointers.values());
      pinch = Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
    }
  });
  viewport.addEventListener("pointermove", function (event) {
    var last = pointers.get(event.pointerId);
    if (!last) return;
    var dx = event.clientX - last.x, dy = event.clientY - last.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
    if (!moved) return;
    if (pointers.size === 2 && pinch) {
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      var p = Array.from(pointers.values());
      var distance = Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
      var box = viewport.getBoundingClientRect();
      zoomAt(distance / pinch, (p[0].x + p[1].x) / 2 - box.left, (p[0].y + p[1].y) / 2 - box.top);
      pinch = distance;
      return;
    }
    viewport.classList.add("dragging");
    view.x += dx;
    view.y += dy;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    apply();
  });
  function release(event) {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = null;
    viewport.classList.remove("dragging");
  }
  viewport.addEventListener("pointerup", release);
  viewport.addEventListener("pointercancel", release);
  viewport.addEventListener("click", function (event) {
    if (moved) return;
    var hit = event.target.closest ? event.target.closest(".hit") : null;
    if (hit) show(hit.getAttribute("data-id"));
    else hide();
  });
  viewport.addEventListener("wheel", function (event) {
    event.preventDefault();
    var box = viewport.getBoundingClientRect();
    if (event.ctrlKey || !event.shiftKey) {
      zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
    } else {
      view.x -= event.deltaY;
      apply();
    }
  }, { passive: false });
  document.getElementById("fit").addEventListener("click", fit);
  document.getElementById("zoom-in").addEventListener("click", function () {
    zoomAt(1.25, viewport.clientWidth / 2, viewport.clientHeight / 2);
  });
  document.getElementById("zoom-out").addEventListener("click", function () {
    zoomAt(0.8, viewport.clientWidth / 2, viewport.clientHeight / 2);
  });
  document.getElementById("close").addEventListener("click", hide);
  // The numbered list of grey areas opens each one's details.
  document.querySelectorAll("button.open").forEach(function (button) {
    button.addEventListener("click", function () { show(button.getAttribute("data-id")); });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });

  // The switches pick the composition drawn with or without the blueprint's lanes
  // and the extra curves.
  function choose() {
    var blueprint = document.getElementById("toggle-blueprint");
    var curves = document.getElementById("toggle-curves");
    var want = {
      blueprint: blueprint ? (blueprint.checked ? "1" : "0") : null,
      curves: curves ? (curves.checked ? "1" : "0") : null
    };
    document.querySelectorAll(".variant").forEach(function (v) {
      var fits = (want.blueprint === null || v.getAttribute("data-blueprint") === want.blueprint) &&
        (want.curves === null || v.getAttribute("data-curves") === want.curves);
      v.hidden = !fits;
    });
    if (selected) show(selected);
  }
  ["toggle-blueprint", "toggle-curves"].forEach(function (id) {
    var box = document.getElementById(id);
    if (box) box.addEventListener("change", choose);
  });
  document.querySelectorAll(".tab").forEach(function (tab) {
    tab.addEventListener("click", function () {
      view.scale = Math.max(view.scale, 1);
      goStage(+tab.getAttribute("data-stage"));
    });
  });
  if (minimap) {
    minimap.addEventListener("click", function (event) {
      var point = minimap.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      var at = point.matrixTransform(minimap.getScreenCTM().inverse());
      view.x = viewport.clientWidth / 2 - at.x * view.scale;
      view.y = viewport.clientHeight / 2 - at.y * view.scale;
      apply();
    });
  }
  window.addEventListener("resize", function () {
    document.documentElement.style.setProperty("--bar", bar.offsetHeight + "px");
    apply();
  });
  window.journeymap = { show: show, hide: hide, fit: fit, stage: goStage };
  readable();
})();
