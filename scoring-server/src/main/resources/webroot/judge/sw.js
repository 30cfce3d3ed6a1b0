// The tablet's service worker: keeps the app shell (this app's HTML, scripts and styles) so that
// /judge opens with no network — after a reload, a tablet restart, or with the hall Wi-Fi down —
// and marks queue in the outbox as usual. Only the shell is cached: API calls and WebSockets always
// go to the network. The shell is refreshed from the network whenever it answers (network first),
// so a new version reaches tablets on the next load with the network up.

const CACHE = 'craftmark-judge-shell-v1';
const SHELL = [
  '/judge/', '/judge/index.html', '/judge/app.js', '/judge/i18n.js', '/judge/link.js', '/judge/marks.js',
  '/judge/messages.js', '/judge/outbox.js', '/judge/judge.css',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

/** /judge/ and /judge/index.html are the one page. */
function shellKey(url) {
  if (url.pathname === '/judge/' || url.pathname === '/judge/index.html') {
    return '/judge/index.html';
  }
  return SHELL.includes(url.pathname) ? url.pathname : null;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  // The bare /judge is the server's redirect to /judge/: answered here so it works offline too.
  if (url.pathname === '/judge') {
    event.respondWith(Response.redirect('/judge/', 302));
    return;
  }
  const key = shellKey(url);
  if (!key) {
    return; // the API, WebSockets and anything else: straight to the network
  }
  event.respondWith(fetch(event.request, { cache: 'no-store' })
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(key, copy));
      }
      return response;
    })
    .catch(() => caches.match(key).then((cached) => cached || Response.error())));
});
