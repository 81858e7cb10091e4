// lentera serve: live reload and the build-error overlay. Injected only by
// `lentera serve`; never part of a built site.
(function () {
  "use strict";
  var box = null;
  var build = null;

  function show(report) {
    if (!box) {
      box = document.createElement("div");
      box.id = "lentera-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText =
        "position:fixed;z-index:2147483647;left:0;right:0;bottom:0;max-height:70vh;overflow:auto;" +
        "margin:0;padding:1em;background:#fff8f0;color:#111;border-top:4px solid #b00020;" +
        "font:16px/1.4 system-ui,sans-serif;box-shadow:0 -2px 12px rgba(0,0,0,.3)";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "\u00d7";
    close.setAttribute("aria-label", report.close || "close");
    close.style.cssText = "float:right;font-size:1.5em;line-height:1;border:0;background:none;cursor:pointer";
    close.onclick = clear;
    box.appendChild(close);
    var title = document.createElement("strong");
    title.textContent = report.title || "";
    box.appendChild(title);
    (report.errors || []).forEach(function (e) {
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre;overflow-x:auto;margin:.75em 0 0;padding:.5em;background:#fff;border:1px solid #e0c0c0;font:14px/1.4 monospace";
      pre.textContent = e.text;
      box.appendChild(pre);
    });
  }

  function clear() {
    if (box) {
      box.remove();
      box = null;
    }
  }

  var initial = document.getElementById("lentera-error");
  if (initial) {
    try { show(JSON.parse(initial.textContent)); } catch (err) { /* keep the page */ }
  }

  function connect() {
    if (!window.EventSource) return;
    var events = new EventSource("/__lentera/events");
    events.addEventListener("hello", function (ev) {
      // A new build happened while we were disconnected (or the server restarted).
      if (build !== null && build !== ev.data) location.reload();
      build = ev.data;
    });
    events.addEventListener("reload", function () {
      clear();
      location.reload();
    });
    events.addEventListener("error", function (ev) {
      if (typeof ev.data === "string") {
        try { show(JSON.parse(ev.data)); } catch (err) { /* ignore */ }
      } else if (events.readyState === 2) {
        // The browser gave up (server stopped): try again later.
        setTimeout(connect, 2000);
      }
    });
  }
  connect();
})();
