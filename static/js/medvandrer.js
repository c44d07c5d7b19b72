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

// Drafts: a form marked data-draft keeps what is typed on this device until the server says
// it has saved it (the "notes-saved" event), so a dropped connection or an ended session
// during a walk-and-talk loses nothing. A draft belongs to one user (the key holds their id),
// remembers the version it was typed against (restoring an old draft over newer notes gives
// the conflict view, not a silent overwrite), and is dropped after a day, at sign-out, and
// on any page seen signed out.
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
    forget(storage, document.body.hasAttribute("data-signed-out"));
    document.querySelectorAll("form[data-draft]").forEach(function (form) {
      var key = PREFIX + form.getAttribute("data-draft");
      var area = form.querySelector("textarea");
      var version = form.querySelector("input[name=version]");
      var status = form.querySelector("[role=status]");
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
// on that page. The page and its stylesheet go into one cache, served by a small service
// worker (crisis/templates/crisis/sw.js). Signing out deletes both; so does «Slett fra telefonen».
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
    yes.addEventListener("click", function () {
      status.textContent = "Lagrer …";
      navigator.serviceWorker.register(section.getAttribute("data-worker"), { scope: page })
        .then(function () { return caches.open(cacheName); })
        .then(function (cache) { return cache.addAll([page, section.getAttribute("data-style")]); })
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function () { show(true); })
        .catch(function () { status.textContent = "Det gikk ikke å lagre siden på denne telefonen. Numrene over virker uansett."; });
    });
    no.addEventListener("click", function () { forgetOffline().then(function () { show(false); }); });
  });
})();
