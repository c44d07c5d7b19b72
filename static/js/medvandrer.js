// Small progressive enhancements. Every page works without this file.
document.addEventListener("click", function (event) {
  var printButton = event.target.closest("[data-print]");
  if (printButton) {
    event.preventDefault();
    window.print();
  }
  // «Kopier lenken»: copies the value of the field the button names, and says so.
  var copyButton = event.target.closest("[data-copy]");
  if (copyButton) {
    var field = document.querySelector(copyButton.getAttribute("data-copy"));
    if (!navigator.clipboard || !field) return;
    navigator.clipboard.writeText(field.value).then(
      function () { copyButton.textContent = "Kopiert!"; },
      function () { field.select(); copyButton.textContent = "Merk lenken og kopier den selv"; }
    );
  }
});
document.addEventListener("DOMContentLoaded", function () {
  if (!navigator.clipboard) return;  // without it the field can still be selected and copied by hand
  document.querySelectorAll("[data-copy]").forEach(function (button) { button.hidden = false; });
});

// On a phone the plan's parts are one row that scrolls sideways: bring the current part into view.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".sub-nav").forEach(function (nav) {
    var current = nav.querySelector('[aria-current="page"]');
    if (current && nav.scrollWidth > nav.clientWidth) {
      nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
    }
  });
});

// A step or 24-hour goal ticked in place (htmx swaps its row): keep the focus on the row, on its
// tick button, so a keyboard or screen-reader user is where they were, not back at the top.
document.addEventListener("htmx:afterSettle", function (event) {
  if (document.activeElement && document.activeElement !== document.body) return;
  var row = event.target.closest && event.target.closest("li.step");
  var button = row && row.querySelector(".check-button");
  if (button) button.focus();
});

// Drafts on the device belong to one user (their id is the first part of the key). On a shared
// phone, the next person to sign in must never find the last one's unsaved words: a signed-in
// page drops every draft that is not the signed-in user's.
(function () {
  var PREFIXES = ["medvandrer-draft:", "medvandrer-form:"];
  document.addEventListener("DOMContentLoaded", function () {
    var user = document.body.getAttribute("data-user");
    var storage;
    try { storage = window.localStorage; } catch (e) { return; }
    if (!user || !storage) return;
    Object.keys(storage).forEach(function (key) {
      PREFIXES.forEach(function (prefix) {
        if (key.indexOf(prefix) === 0 && key.slice(prefix.length).split(":")[0] !== user) storage.removeItem(key);
      });
    });
  });
})();

// Drafts: a form marked data-draft keeps what is typed on this device until the server says
// it has saved it (the "notes-saved" event), so a dropped connection or an ended session
// during a walk-and-talk loses nothing. A draft belongs to one user (the key holds their id),
// remembers the version it was typed against (restoring an old draft over newer notes gives
// the conflict view, not a silent overwrite), and is dropped after a day, at sign-out, and
// when someone else signs in on the device.
(function () {
  var PREFIX = "medvandrer-draft:";
  var MAX_AGE_MS = 24 * 60 * 60 * 1000;
  function store() { try { return window.localStorage; } catch (e) { return null; } }
  function forget(storage, all) {
    Object.keys(storage).forEach(function (k) {
      if (k.indexOf(PREFIX) !== 0) return;
      var draft = read(storage, k);
      if (all || !draft || Date.now() - draft.at > MAX_AGE_MS) storage.removeItem(k);
    });
  }
  function read(storage, key) {
    try { return JSON.parse(storage.getItem(key)); } catch (e) { return null; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var storage = store();
    if (!storage) return;
    forget(storage, false);  // a page seen signed out keeps drafts: the session may just have ended
    document.querySelectorAll("form[data-draft]").forEach(function (form) {
      var key = PREFIX + form.getAttribute("data-draft");
      var area = form.querySelector("textarea");
      var version = form.querySelector("input[name=version]");
      // the status may sit outside the form (conversation mode keeps it in a bar at the bottom)
      var status = document.getElementById(form.getAttribute("data-status") || "") || form.querySelector("[role=status]");
      var notice = form.querySelector("[data-draft-notice]");
      if (!area) return;
      var draft = read(storage, key);
      if (draft && draft.text !== area.value && notice) {
        notice.hidden = false;
        notice.querySelector("[data-draft-restore]").addEventListener("click", function () {
          area.value = draft.text;
          if (version && draft.version !== undefined) version.value = draft.version;
          notice.hidden = true;
          area.dispatchEvent(new Event("input", { bubbles: true }));
          area.focus();
        });
      } else if (draft) {
        storage.removeItem(key);
      }
      area.addEventListener("input", function () {
        var previous = read(storage, key);
        storage.setItem(key, JSON.stringify({
          text: area.value,
          version: previous ? previous.version : (version ? version.value : ""),
          at: Date.now()
        }));
      });
      form.addEventListener("notes-saved", function () {
        var current = read(storage, key);
        if (current && current.text === area.value) storage.removeItem(key);
      });
      form.addEventListener("htmx:afterRequest", function (event) {
        var code = event.detail.xhr.status;
        if (!status || code === 200 || code === 400 || code === 409) return;
        status.textContent = code === 401
          ? "Du er logget ut. Teksten er tatt vare på her: logg inn igjen, så kan du hente den tilbake."
          : code === 0
            ? "Ingen forbindelse akkurat nå. Teksten er tatt vare på her og lagres når forbindelsen er tilbake."
            : "Det gikk ikke å lagre akkurat nå. Teksten er tatt vare på her på enheten – prøv igjen om litt.";
      });
      window.addEventListener("online", function () {
        if (storage.getItem(key) !== null && window.htmx) window.htmx.trigger(form, "change");
      });
    });
  });

  document.addEventListener("submit", function (event) {
    var storage = store();
    if (storage && event.target.matches("form.logout")) forget(storage, true);
  });
})();

// «Jeg har det vanskelig nå» on the phone without a network: only when the person says yes
// on that page. The page, its stylesheet and icon go into one cache, kept and served by a small service
// worker (crisis/templates/crisis/sw.js), which also deletes it when it is no longer the person's.
// Signing out deletes both; so does «Slett fra telefonen».
(function () {
  var supported = "serviceWorker" in navigator && "caches" in window;
  function forgetOffline() {
    if (!supported) return Promise.resolve();
    return navigator.serviceWorker.getRegistrations()
      .then(function (registrations) { return Promise.all(registrations.map(function (r) { return r.unregister(); })); })
      .then(function () { return caches.keys(); })
      .then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k.indexOf("medvandrer-") === 0; }).map(function (k) { return caches.delete(k); }));
      })
      .catch(function () {});
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!supported || !form.matches("form.logout") || form.hasAttribute("data-forgotten")) return;
    event.preventDefault();
    form.setAttribute("data-forgotten", "");
    forgetOffline().then(function () { form.submit(); });
  });

  document.addEventListener("DOMContentLoaded", function () {
    var section = document.querySelector("[data-offline-keep]");
    if (!section || !supported) return;  // without support the section stays hidden: nothing to offer
    var page = section.getAttribute("data-page");
    var cacheName = section.getAttribute("data-cache");
    var status = section.querySelector("[data-offline-status]");
    var yes = section.querySelector("[data-offline-yes]");
    var no = section.querySelector("[data-offline-no]");
    function show(kept) {
      yes.hidden = kept;
      no.hidden = !kept;
      status.textContent = kept
        ? "Siden er lagret på denne telefonen. Du kan åpne den uten nett."
        : "Siden er ikke lagret på denne telefonen.";
    }
    section.hidden = false;
    caches.has(cacheName).then(show);
    // The worker keeps the page itself, so every copy holds its owner tag and when it was kept.
    function askToKeep(registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { (event.data === "kept" ? resolve : reject)(); };
        registration.active.postMessage("keep", [channel.port2]);
      });
    }
    yes.addEventListener("click", function () {
      status.textContent = "Lagrer …";
      navigator.serviceWorker.register(section.getAttribute("data-worker"), { scope: page })
        .then(function () { return navigator.serviceWorker.ready; })
        .then(askToKeep)
        .then(function () { show(true); })
        .catch(function () { status.textContent = "Det gikk ikke å lagre siden på denne telefonen. Numrene over virker uansett."; });
    });
    no.addEventListener("click", function () { forgetOffline().then(function () { show(false); }); });
  });
})();

// Every form keeps what is typed on this device (except passwords), so a save that meets an
// ended session loses nothing: after signing in again, the form offers it back. A sent form's
// draft is dropped on the next signed-in page (the save went through); if the next page is the
// sign-in page instead, the draft is marked as interrupted and offered back on its form. Drafts
// are dropped after a day, and at sign-out. The conversation notes have their own (data-draft).
(function () {
  var PREFIX = "medvandrer-form:";
  var MAX_AGE_MS = 24 * 60 * 60 * 1000;
  function store() { try { return window.localStorage; } catch (e) { return null; } }
  function read(storage, key) { try { return JSON.parse(storage.getItem(key)); } catch (e) { return null; } }
  function fields(form) {
    return Array.prototype.filter.call(form.querySelectorAll("textarea, input[type=text], input:not([type])"), function (f) {
      return f.name && !f.readOnly && f.name !== "csrfmiddlewaretoken";
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var storage = store();
    if (!storage) return;
    var body = document.body;
    var signedOut = body.hasAttribute("data-signed-out");
    Object.keys(storage).forEach(function (k) {
      if (k.indexOf(PREFIX) !== 0) return;
      var draft = read(storage, k);
      if (!draft || Date.now() - draft.at > MAX_AGE_MS) { storage.removeItem(k); return; }
      if (draft.sent && !draft.interrupted) {
        if (signedOut) { draft.interrupted = true; storage.setItem(k, JSON.stringify(draft)); }
        else storage.removeItem(k);  // sent, and a signed-in page followed: it was saved
      }
    });
    var user = body.getAttribute("data-user");
    if (!user) return;
    document.querySelectorAll("form[method=post]").forEach(function (form, index) {
      if (form.hasAttribute("data-draft") || form.querySelector("input[type=password]") || form.matches(".logout")) return;
      var inputs = fields(form);
      if (!inputs.length) return;
      var key = PREFIX + user + ":" + location.pathname + "#" + index;
      var draft = read(storage, key);
      if (draft && draft.interrupted) {
        var notice = document.createElement("p");
        notice.className = "draft-notice";
        notice.textContent = "Det du skrev sist, ble ikke lagret fordi du var blitt logget ut – det er tatt vare på her. ";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button secondary small";
        button.textContent = "Hent tilbake det du skrev";
        button.addEventListener("click", function () {
          inputs.forEach(function (f) { if (draft.values[f.name] !== undefined) f.value = draft.values[f.name]; });
          notice.remove();
          inputs[0].focus();
        });
        notice.appendChild(button);
        form.insertBefore(notice, form.firstChild);
      }
      form.addEventListener("input", function () {
        var values = {};
        inputs.forEach(function (f) { values[f.name] = f.value; });
        storage.setItem(key, JSON.stringify({ values: values, at: Date.now(), sent: false }));
      });
      form.addEventListener("submit", function () {
        var kept = read(storage, key);
        if (kept) { kept.sent = true; kept.interrupted = false; storage.setItem(key, JSON.stringify(kept)); }
      });
    });
  });
  document.addEventListener("submit", function (event) {
    var storage = store();
    if (!storage || !event.target.matches("form.logout")) return;
    Object.keys(storage).forEach(function (k) { if (k.indexOf(PREFIX) === 0) storage.removeItem(k); });
  });
})();

// Two minutes before a quiet session ends, say so, with «Fortsett» to keep it.
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var body = document.body;
    var idle = parseInt(body.getAttribute("data-idle-seconds") || "0", 10);
    if (!idle || idle <= 120 || !window.fetch) return;
    var timer = null;
    var box = null;
    function csrf() {
      var field = document.querySelector("form.logout input[name=csrfmiddlewaretoken]");
      return field ? field.value : "";
    }
    function hide() { if (box) { box.remove(); box = null; } }
    function show() {
      if (box) return;
      box = document.createElement("div");
      box.className = "idle-warning";
      box.setAttribute("role", "alertdialog");
      box.setAttribute("aria-labelledby", "idle-warning-text");
      var text = document.createElement("p");
      text.id = "idle-warning-text";
      text.textContent = "Du blir logget ut om to minutter fordi det har vært stille en stund. Det du har skrevet, er tatt vare på her.";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      button.textContent = "Fortsett";
      button.addEventListener("click", function () {
        fetch(body.getAttribute("data-keep-url"), { method: "POST", headers: { "X-CSRFToken": csrf() }, credentials: "same-origin" })
          .then(function (response) { if (response.status === 204) { hide(); start(); } else { text.textContent = "Du er logget ut. Logg inn igjen – det du skrev, er tatt vare på her."; } });
      });
      box.appendChild(text);
      box.appendChild(button);
      body.appendChild(box);
      button.focus();
    }
    function start() {
      clearTimeout(timer);
      timer = setTimeout(show, (idle - 120) * 1000);
    }
    document.addEventListener("htmx:afterRequest", function () { hide(); start(); });
    start();
  });
})();
