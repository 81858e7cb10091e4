// The theme's page scripts, in one file so that the Content-Security-Policy
// of every page can allow scripts from the site itself and no inline ones
// (base.html). Loaded with `defer`: reading never waits for it, and the page
// works without it. Written as ES5 so that old phone browsers run it.
(function () {
  var me = document.currentScript;

  // Search: loads the index and search.js only when the reader starts a
  // search. Without JavaScript the form opens the A-Z topic page.
  var f = document.getElementById("search"), loaded = 0;
  function load() {
    if (loaded) return;
    loaded = 1;
    ["data-index", "data-script"].forEach(function (a) {
      var s = document.createElement("script");
      s.src = f.getAttribute("data-root") + f.getAttribute(a);
      s.async = false;
      document.head.appendChild(s);
    });
  }
  if (f) {
    f.q.addEventListener("focus", load);
    f.q.addEventListener("input", load);
    if (/[?&]q=/.test(location.search)) load();
  }

  // Offline reading: the service worker (not in the portable site, whose
  // pages carry no data-sw), and the "save for offline reading" button on
  // the home page, which saves this page, the pages it links and this script.
  var sw = me && me.getAttribute("data-sw");
  if (sw && "serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(sw).then(function () {
      var button = document.querySelector("[data-offline]");
      if (!button) return;
      var status = document.querySelector("[data-offline-status]");
      button.parentNode.hidden = false;
      button.addEventListener("click", function () {
        var seen = {};
        var urls = [location.href.split("#")[0], me.src];
        [].forEach.call(document.querySelectorAll(".menu a, main a"), function (a) {
          var h = a.href.split("#")[0];
          if (h.indexOf(location.origin) === 0 && !/\.pdf$/.test(h) && !seen[h]) { seen[h] = 1; urls.push(h); }
        });
        status.textContent = button.getAttribute("data-busy");
        navigator.serviceWorker.ready.then(function (reg) {
          var channel = new MessageChannel();
          channel.port1.onmessage = function (e) {
            status.textContent = e.data.ok ? button.getAttribute("data-done").replace("{n}", e.data.count) : button.getAttribute("data-fail");
          };
          reg.active.postMessage({ type: "save", urls: urls }, [channel.port2]);
        });
      });
    });
  }

  // Listen: reads the lesson aloud with the phone's own speech engine (Web
  // Speech API). The button stays hidden unless the browser has a voice for
  // the language of the text. Stop keeps the place; listen again resumes.
  var S = window.speechSynthesis, b = document.getElementById("tts"), U = window.SpeechSynthesisUtterance;
  if (!S || !U || !b) return;
  var L = b.getAttribute("data-lang"), A = { id: "in", jv: "jw" }[L], l = b.lastChild, t0 = l.textContent, v, q = [], i = 0, on = 0, cur;
  function pick() {
    S.getVoices().forEach(function (x) {
      var c = x.lang.toLowerCase().replace("_", "-").split("-")[0];
      if ((c == L || c == A) && (!v || x.localService && !v.localService)) v = x;
    });
    if (v) b.parentNode.hidden = false;
  }
  function label(k) { l.textContent = k ? b.getAttribute("data-" + k) : t0; }
  function say() {
    if (i >= q.length) { on = i = 0; q = []; label(); return; }
    var u = cur = new U(q[i]);
    u.voice = v;
    u.lang = v.lang;
    u.onend = function () { if (on && cur == u) { i++; say(); } };
    u.onerror = function () { if (on && cur == u) { on = 0; label("resume"); } };
    S.speak(u);
  }
  b.onclick = function () {
    if (on) { on = 0; S.cancel(); label("resume"); return; }
    if (!q.length) {
      [].forEach.call(b.closest("article").querySelectorAll("h1>span:last-child,.summary,.points,.body"), function (e) {
        e.innerText.replace(/([.!?:;])\s+/g, "$1\n").split(/\n+/).forEach(function (s) { s = s.trim(); if (s) q.push(s); });
      });
    }
    on = 1;
    label("stop");
    say();
  };
  addEventListener("pagehide", function () { if (on) S.cancel(); });
  S.onvoiceschanged = pick;
  pick();
})();
