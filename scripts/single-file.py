#!/usr/bin/env python3
"""Writes the single-file edition, dossier.html: the app (wasm and its JavaScript
glue), its stylesheet and the corpus in one HTML file that opens from disk, by
double-click, with no server and no network request (its Content-Security-Policy
allows none). Run by scripts/single-file-hook, a step of the post-build hook:

  single-file.py BUILD_DIR CORPUS.json CORPUS_SHA256 NOSCRIPT.html OUT.html

- The wasm and the corpus travel gzipped, in base64, in inert
  <script type="application/octet-stream"> blocks (never in data: URLs, which
  older Firefox caps at 32 MB), and are inflated in the browser by
  DecompressionStream.
- The wasm is compiled asynchronously (WebKit refuses synchronous compiles of
  more than 4 KB) from those bytes: wasm-bindgen's __wbg_init({module_or_path}).
- The corpus reaches the app as `window.dossierCorpus`, a promise of a Response
  over the inflated bytes: the download the site's page starts early
  (src/app/loader.rs, early_download), with no fetch at all.
- Without JavaScript the page shows NOSCRIPT.html, the plain edition's content
  (plain-edition --standalone).
- The top of the file states the corpus, its version and date, the build date
  and the corpus's SHA-256 (worked out by the hook with sha256sum).
Standard library only.
"""

import base64
import datetime
import gzip
import hashlib
import html
import json
import re
import sys
from pathlib import Path


def fail(why):
    sys.exit(f"single-file: {why}")


def csp_hash(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def packed(data):
    """gzip, then base64 in lines of 76 characters, so no editor chokes on one
    line of many megabytes. mtime=0: the same input gives the same file."""
    b64 = base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode("ascii")
    return "\n".join(b64[i:i + 76] for i in range(0, len(b64), 76))


def build_files(build):
    """The app's glue, wasm and stylesheet, as Trunk named them in index.html."""
    page = (build / "index.html").read_text(encoding="utf-8")
    js = re.search(r"""(?:import\(|from )'[^']*?(dossier-[0-9a-f]+\.js)'""", page)
    css = re.search(r'<link rel="stylesheet" href="[^"]*?([^"/]+\.css)"', page)
    if not js or not css:
        fail(f"the app's script or stylesheet is not named in {build / 'index.html'}")
    glue = build / js.group(1)
    wasm = build / js.group(1).replace(".js", "_bg.wasm")
    style = build / css.group(1)
    for f in (glue, wasm, style):
        if not f.is_file():
            fail(f"{f} is missing")
    return glue, wasm, style


def inline_glue(glue):
    """wasm-bindgen's ES module, made fit to run inside a function of the page's
    own module script: its exports dropped. Anything unexpected fails the build."""
    text = glue.read_text(encoding="utf-8")
    if re.search(r"^\s*import\b", text, re.M):
        fail(f"{glue.name} imports other modules (snippets?): the single file cannot carry them yet")
    text, n = re.subn(r"^export \{[^}]*\};?\s*$", "", text, flags=re.M)
    text = re.sub(r"^export (function|class|const|let|async function) ", r"\1 ", text, flags=re.M)
    if n != 1 or re.search(r"^\s*export\b", text, re.M) or "function __wbg_init" not in text:
        fail(f"{glue.name} is not wasm-bindgen's web glue as expected")
    if "</script" in text.lower():
        fail(f"{glue.name} contains </script")
    return text


# Reads the gzipped base64 blocks back into bytes, inflates them, hands the
# corpus to the app as the Response of a download already started, and starts
# the app from the wasm's bytes.
LOADER = r"""
const dossierPacked = (id) => {
  const block = document.getElementById(id);
  const text = block.textContent.replace(/\s+/g, "");
  block.remove();
  // Decoded in slices, so no second copy of many megabytes is made at once.
  const parts = [];
  for (let at = 0; at < text.length; at += 4 << 20) {
    const bin = atob(text.slice(at, at + (4 << 20)));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    parts.push(bytes);
  }
  return new Blob(parts).stream().pipeThrough(new DecompressionStream("gzip"));
};
window.dossierSingleFile = true;
try {
  if (new URLSearchParams(location.search).has("corpus")) document.documentElement.className = "other-corpus";
  else window.dossierCorpus = Promise.resolve(new Response(dossierPacked("dossier-corpus"), {
    headers: { "content-type": "application/json", "content-length": "%(corpus_bytes)d" },
  }));
  const dossierWasm = await new Response(dossierPacked("dossier-wasm")).arrayBuffer();
  const wasm = await __wbg_init({ module_or_path: dossierWasm });
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
} catch (e) {
  // A browser too old for the file (DecompressionStream came in Chrome 80,
  // Firefox 113, Safari 16.4): say so, rather than leave the masthead alone.
  const note = document.createElement("p");
  note.setAttribute("role", "alert");
  note.className = "failure";
  note.textContent = "This browser cannot open Dossier's single file (" + e + "). " +
    "A browser from 2023 or later opens it: Firefox 113, Chrome 80 or Safari 16.4 and newer.";
  document.body.append(note);
}
"""

PAGE = """<!DOCTYPE html>
<!--
  Dossier, single-file edition: the app and its corpus in this one file. Open it
  in a browser, from disk; it makes no network request.
  Corpus:         %(title)s
  Version:        %(version)s, updated %(updated)s
  Records:        %(records)s
  Corpus SHA-256: %(sha)s  (of the corpus.json this file carries, gzipped below)
  Built:          %(built)s
-->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src %(script_hash)s 'wasm-unsafe-eval'; style-src %(style_hash)s; img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="dossier-corpus-sha256" content="%(sha)s">
<meta name="description" content="Dossier, single-file edition: %(title)s, version %(version)s.">
<title>Dossier · %(title)s</title>
<link rel="icon" href="data:,">
<style>%(style)s</style>
</head>
<body>
%(masthead)s
<noscript>
<div class="standalone">
<p>This is the single-file edition of Dossier. With JavaScript on, it opens the app, with filters, search and charts; without it, here is the corpus as plain text. Corpus SHA-256: <code>%(sha)s</code>.</p>
%(noscript)s
</div>
</noscript>
<script type="application/octet-stream" id="dossier-wasm">
%(wasm)s
</script>
<script type="application/octet-stream" id="dossier-corpus">
%(corpus)s
</script>
<script type="module">%(script)s</script>
</body>
</html>
"""


def main():
    if len(sys.argv) != 6:
        fail("usage: single-file.py BUILD_DIR CORPUS.json CORPUS_SHA256 NOSCRIPT.html OUT.html")
    build, corpus_path, sha, noscript_path, out = sys.argv[1:]
    build = Path(build)
    if not re.fullmatch(r"[0-9a-f]{64}", sha):
        fail(f"not a SHA-256: {sha!r}")
    corpus = Path(corpus_path).read_bytes()
    if hashlib.sha256(corpus).hexdigest() != sha:
        fail(f"{corpus_path} does not have the SHA-256 given")
    doc = json.loads(corpus)
    meta = doc.get("meta", {})
    records = ", ".join(f"{len(doc.get(k, []))} {k}" for k in ("events", "claims", "sources", "actors"))
    del doc
    glue, wasm, style = build_files(build)
    # The glue in a function of its own: its names stay apart from the loader's.
    script = ("const __wbg_init = (() => {\n" + inline_glue(glue) + "\nreturn __wbg_init;\n})();\n"
              + LOADER % {"corpus_bytes": len(corpus)})
    css = style.read_text(encoding="utf-8")
    if "</style" in css.lower():
        fail(f"{style.name} contains </style")
    page = (build / "index.html").read_text(encoding="utf-8")
    shell = re.search(r'<header id="shell".*?</header>', page, re.S)
    text = lambda key: html.escape(str(meta.get(key, "")))
    # In a comment, "--" would end it early: the corpus's words go in as text.
    comment = lambda s: s.replace("--", "- -")
    built = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    result = PAGE % {
        "title": comment(text("title")),
        "version": comment(text("version")),
        "updated": comment(text("updated")),
        "records": records,
        "sha": sha,
        "built": built,
        "script_hash": csp_hash(script),
        "style_hash": csp_hash(css),
        "style": css,
        "masthead": shell.group(0) if shell else "",
        "noscript": Path(noscript_path).read_text(encoding="utf-8"),
        "wasm": packed(wasm.read_bytes()),
        "corpus": packed(corpus),
        "script": script,
    }
    Path(out).write_text(result, encoding="utf-8")
    print(f"single-file: {out}, {len(result.encode()) / 1e6:.1f} MB, corpus {len(corpus) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
