{% load static l10n %}// Keeps «Jeg har det vanskelig nå» on this phone, for a person who said yes to it on the page.
// It serves that one page (with its stylesheet and icon) from the phone when there is no network, and
// touches nothing else. Signing out deletes the cache and this worker. The copy must also stay the
// person's own (crisis/kept.py): it holds their owner tag, and the worker deletes it – and itself – when
// the server says the tag is no longer theirs (signed out everywhere, erased), when someone else's own
// page arrives on this phone, or when nobody signed in has refreshed it for the maximum age.
var CACHE = "{{ cache }}";
var ASSETS = ["{% static 'css/medvandrer.css' %}", "{% static 'favicon.svg' %}"];
var PERSONAL = "{{ personal_header }}";  // on the person's own page: the owner tag
var KEPT = "{{ kept_header }}";  // sent with the kept copy's tag, so the server can say it is no longer theirs
var FORGET = "{{ forget_header }}";  // the server's answer: delete the copy
var KEPT_AT = "X-Medvandrer-Kept-At";  // stored on the copy: when a signed-in visit last refreshed it (this phone's clock)
var MAX_AGE_MS = {{ max_age_ms|unlocalize }};

function page() { return self.registration.scope; }  // the one page kept: /vanskelig/

// The tag is "<owner key>.<password mark>.<issued>:<signature>"; the key tells one person from another.
function ownerOf(tag) { return tag ? tag.split(".")[0] : ""; }

function forget() {
  return caches.delete(CACHE).then(function () { return self.registration.unregister(); });
}

// A copy of the page that remembers when it was kept, so an old one can be deleted rather than served.
function stamped(response) {
  var headers = new Headers(response.headers);
  headers.set(KEPT_AT, String(Date.now()));
  return response.blob().then(function (body) {
    return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
  });
}

function tooOld(kept) {
  var at = Number(kept.headers.get(KEPT_AT));
  return !at || Date.now() - at > MAX_AGE_MS;
}

function keepPage(cache, fresh) {
  return stamped(fresh).then(function (copy) { return cache.put(page(), copy); });
}

// The person said yes on the page: keep it – only if it is their own page – with its stylesheet and icon.
function keep() {
  return caches.open(CACHE).then(function (cache) {
    return fetch(page(), { credentials: "same-origin", cache: "no-store" }).then(function (fresh) {
      if (!fresh.ok || !ownerOf(fresh.headers.get(PERSONAL))) throw new Error("not the person's own page");
      return keepPage(cache, fresh);
    }).then(function () { return cache.addAll(ASSETS); });
  });
}

// Opening the kept page: ask the network, with the copy's tag.
function openPage(request, cache, kept) {
  var tag = kept.headers.get(PERSONAL);
  if (tooOld(kept) || !ownerOf(tag)) return forget().then(function () { return fetch(request); });
  var headers = {};
  headers[KEPT] = tag;
  return fetch(request.url, { headers: headers, credentials: "same-origin", cache: "no-store", redirect: "manual" }).then(function (fresh) {
    var owner = ownerOf(fresh.headers.get(PERSONAL));
    // The owner, signed in on this phone: keep the newest page with its new tag (also when the old tag
    // went stale because they changed their password here), and the stylesheet and icon it names.
    if (fresh.ok && owner && owner === ownerOf(tag)) {
      return keepPage(cache, fresh.clone())
        .then(function () { return cache.addAll(ASSETS); })
        .then(function () { return fresh; }, function () { return fresh; });
    }
    // No longer theirs, or someone else's own page on this phone: theirs goes, and the new one is not kept
    // (they are offered to keep it on the page, like anyone). Waited for, so the page sees it gone.
    if (fresh.headers.get(FORGET) === "1" || (fresh.ok && owner)) {
      return forget().then(function () { return fresh; });
    }
    return kept;  // signed out, or an error: the kept page, still theirs
  }, function () { return kept; });  // no network
}

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  // An older worker's cache (without an owner tag) is not kept: the person is offered to keep the page again.
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("medvandrer-vanskelig-") === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // Looked up without opening the cache: opening would make an empty one again right after forgetting.
  event.respondWith(caches.match(request.url, { cacheName: CACHE, ignoreSearch: true, ignoreVary: true }).then(function (kept) {
    if (!kept) return fetch(request);  // not kept on the phone: the network as usual
    return caches.open(CACHE).then(function (cache) {
      if (request.mode === "navigate") return openPage(request, cache, kept);
      return fetch(request).then(function (fresh) {  // the stylesheet or icon: the newest, or the kept one
        if (fresh.ok) cache.put(request.url, fresh.clone());
        return fresh;
      }, function () { return kept; });
    });
  }));
});

self.addEventListener("message", function (event) {
  if (event.data === "forget") {
    event.waitUntil(forget());
  } else if (event.data === "keep" && event.ports[0]) {
    var port = event.ports[0];
    event.waitUntil(keep().then(
      function () { port.postMessage("kept"); },
      function () { return forget().then(function () { port.postMessage("failed"); }); }
    ));
  }
});
