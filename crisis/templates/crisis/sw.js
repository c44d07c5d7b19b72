// Keeps «Jeg har det vanskelig nå» on this phone, for a person who said yes to it on the page.
// It serves that one page (with its stylesheet and icon) from the phone when there is no network, and
// touches nothing else. The page puts them in the cache; signing out deletes the cache and
// this worker.
var CACHE = "{{ cache }}";
var PERSONAL = "{{ personal_header }}";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request.url, { ignoreSearch: true, ignoreVary: true }).then(function (kept) {
      if (!kept) return fetch(request);  // not kept on the phone: the network as usual
      return fetch(request).then(function (fresh) {
        // The person's own page, fresh: keep the newest. Anything else (signed out, an error): the kept one.
        if (fresh.ok && (request.mode !== "navigate" || fresh.headers.get(PERSONAL) === "1")) {
          cache.put(request.url, fresh.clone());
          return fresh;
        }
        return request.mode === "navigate" ? kept : fresh;
      }, function () { return kept; });
    });
  }));
});

self.addEventListener("message", function (event) {
  if (event.data === "forget") {
    event.waitUntil(caches.delete(CACHE).then(function () { return self.registration.unregister(); }));
  }
});
