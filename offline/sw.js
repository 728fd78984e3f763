// Dossier's service worker: once the app has been visited, it opens and works
// with no connection. Written by hand, with no library. The build
// (scripts/offline-hook) writes it into the site as sw.js, with BUILD filled in:
// this build's version, and the app's files with their SHA-256. A new build is
// therefore a new sw.js, which the browser notices byte for byte.
//
// Two caches, named after this copy of the site (its scope), so that two sites
// on one host keep their own:
//   "dossier <scope> shell <version>": the app (its page, script, wasm, styles,
//     web app manifest and icons) and the corpus's manifest, of this version
//     only. A new version installs beside it and takes over only when the reader
//     chooses (the page asks, see src/app/offline.rs) or on the next visit, so
//     the page, the app and the corpus on screen are always of one version.
//   "dossier <scope> parts": the corpus's record parts. Their names change with
//     their contents, so a part is kept as long as the current manifest lists it.
"use strict";

const BUILD = null; // scripts/offline-hook fills this in: {version, files: [[path, sha256], ...]}

const SCOPE = self.registration.scope;
const SHELL = `dossier ${SCOPE} shell ${BUILD.version}`;
const PARTS = `dossier ${SCOPE} parts`;
const MANIFEST = "parts/manifest.json";

/** The address of a file of the site, given relative to this worker. */
const url = (path) => new URL(path, self.location).href;
const PAGE = url("index.html");
const SHELL_URLS = new Set(BUILD.files.map(([path]) => url(path)));
const PARTS_DIR = url("parts/");
// Record parts (r-) and the record directory (d-): named by their contents. A
// record's first look (g-) is shown before the app is there, and the default
// list's pages (l-), the days of its rows (t-) and of its rows that reach (s-,
// for a date range), the actors' lists (a-, b-) and places (p-), the words'
// table (w-, for a search) and the kinds' (k-) while
// a corpus read on request waits for the reader, so a
// device with the app and the corpus kept has no use for them: they are left
// to the network, never kept.
const PART = /^[rd]-[0-9a-f]{16}\.json\.gz$/;

async function sha256(bytes) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A record part's JSON from its bytes as they came: gzipped as the build stores
 * it, or inflated on the way by a host that served it with Content-Encoding. */
async function partJson(bytes) {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  if (head[0] !== 0x1f || head[1] !== 0x8b) return bytes;
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(inflated).arrayBuffer();
}

/** Fetches a file and checks it is the one the build made, or throws. A record
 * part's hash is that of its JSON (src/publish/parts.rs). */
async function fetchChecked(address, hash, init, part = false) {
  const response = await fetch(address, init);
  if (!response.ok) throw new Error(`${address}: ${response.status}`);
  let bytes = await response.clone().arrayBuffer();
  if (part) bytes = await partJson(bytes);
  if ((await sha256(bytes)) !== hash) {
    throw new Error(`${address} is not the file this version was built with`);
  }
  return response;
}

// Install: keep this version's app and corpus manifest, then every record part
// the manifest lists that is not kept yet (for a corpus of a size read without
// asking). Any file that fails, or differs from
// what the build made (a host half-way through an update), fails the install:
// the browser tries again on a later visit, and the version in use stays whole.
self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL);
    for (const [path, hash] of BUILD.files) {
      // "no-cache": asked of the host, never taken stale from the HTTP cache.
      await shell.put(url(path), await fetchChecked(url(path), hash, { cache: "no-cache" }));
    }
    const manifest = await shell.match(url(MANIFEST));
    if (!manifest) return;
    // A browser that cannot inflate the parts reads the whole file, if anything.
    if (typeof DecompressionStream === "undefined") return;
    const listed = await manifest.json();
    // A corpus read only on request (above the manifest's ask_above, which the
    // build always writes: src/publish/parts.rs) is kept when the reader asks
    // ("Keep the whole corpus on this device"), not with every install.
    const stored = listed.parts.reduce((n, part) => n + part.bytes, 0);
    if (stored > listed.ask_above) return;
    const parts = await caches.open(PARTS);
    for (const part of listed.parts) {
      const address = url(`parts/${part.file}`);
      if (!(await parts.match(address))) {
        await parts.put(address, await fetchChecked(address, part.sha256, undefined, true));
      }
    }
  })());
});

// Activate: this version is now the one in use. Drop the caches of earlier
// versions of this site, and the parts its manifest no longer lists.
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(`dossier ${SCOPE} shell `) && name !== SHELL) await caches.delete(name);
    }
    const manifest = await (await caches.open(SHELL)).match(url(MANIFEST));
    if (!manifest) return;
    const { parts: records, directory = [] } = await manifest.json();
    const listed = new Set(records.concat(directory).map((part) => url(`parts/${part.file}`)));
    const parts = await caches.open(PARTS);
    for (const request of await parts.keys()) {
      if (!listed.has(request.url)) await parts.delete(request);
    }
  })());
});

/** This version's copy of a file, or the host's where it has none. */
async function fromShell(address, request) {
  return (await (await caches.open(SHELL)).match(address)) || fetch(request);
}

/** A record part: the kept copy, else the host's, kept for next time. */
async function fromParts(request, event) {
  const parts = await caches.open(PARTS);
  const kept = await parts.match(request.url);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(parts.put(request.url, response.clone()));
  return response;
}

// Requests: the app's page (at any address of the site's folder, whatever the
// query), its files and the corpus's manifest come from this version's cache;
// record parts from the parts cache. Anything else (the plain edition, the
// whole corpus file, another corpus, other hosts) goes to the network as usual.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const address = request.url.split(/[?#]/)[0];
  if (request.mode === "navigate") {
    if (address === SCOPE || address === PAGE) event.respondWith(fromShell(PAGE, request));
  } else if (SHELL_URLS.has(address)) {
    event.respondWith(fromShell(address, request));
  } else if (address.startsWith(PARTS_DIR) && PART.test(address.slice(PARTS_DIR.length))) {
    event.respondWith(fromParts(request, event));
  }
});

// Messages from the page: "manifest" asks for the corpus's manifest this
// version carries (to announce a waiting version by name); "skip-waiting" is the
// reader choosing to take the waiting version now.
self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "skip-waiting") {
    self.skipWaiting();
  } else if (type === "manifest" && event.ports[0]) {
    event.waitUntil((async () => {
      const manifest = await (await caches.open(SHELL)).match(url(MANIFEST));
      event.ports[0].postMessage(manifest ? await manifest.text() : null);
    })());
  }
});
