"""Browser benchmark for Dossier: serves built sites on 127.0.0.1 and drives headless
Chromium through the real UI, printing medians. `scripts/bench-browser` builds the
sites and runs this; by hand:

    .venv/bin/python tests/bench/browser.py [--load-runs 5] [--interaction-runs 9] LABEL=SITE_DIR ...

Each SITE_DIR is a release build whose public/corpus.json is the corpus to measure.

What is measured, all inside the page:
  load          each run in a fresh tab with the HTTP cache off: when the corpus
                finished downloading (its Resource Timing responseEnd) and when the
                first `.list-title` appeared (a MutationObserver installed before any
                page script), both in ms since navigation start; the `[role=status]`
                texts shown before the list.
  memory        `performance.memory.usedJSHeapSize` after gc(), plus the size of the
                wasm linear memory: the app's `wasm_memory_bytes()` export if it has
                one, else the `memory` export Trunk's loader hands to its
                TrunkApplicationStarted event, else n/a.
  interactions  from just before the input event is dispatched until the DOM shows the
                result (noticed by a MutationObserver) and the next frame has been
                painted (requestAnimationFrame, then setTimeout 0): input to the
                painted update, so a figure includes up to one frame (~17 ms) of
                waiting for that frame.
                What "shows the result" means is learned in an untimed warm-up run:
                the `.list-title` text once the screen stopped changing. Typing
                waits for each key's update before the next key; the first and
                last keys are timed.
  charts        in the same timed runs, the time until each chart on screen (the
                timeline, and on the claims view the who-said-what matrix) shows
                its updated state and has been painted, measured as for the list:
                the chart's markup (its innerHTML) is learned in the warm-up, and
                the chart counts as updated once its markup is that again. A row
                "STEP: timeline" is that figure for the timeline. The filters are
                timed on the events view (timeline) and on the claims view (matrix
                and timeline), switching views untimed before and after.
MB are 10^6 bytes.
"""

import argparse
import json
import math
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException

# The static server and Chromium flags the end-to-end tests use.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from browser_host import CHROMIUM_FLAGS, StaticServer  # noqa: E402
from selenium.webdriver.chrome.service import Service

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
MB = 1_000_000
# An interaction that has not updated the screen after this long is reported as a timeout.
INTERACTION_TIMEOUT_MS = 10_000
# Loading a large corpus into an app that renders every record can take minutes.
LOAD_TIMEOUT_S = float(os.environ.get("LOAD_TIMEOUT", "300"))
# The warm-up waits for the screen to stay unchanged this long (longer than any debounce).
SETTLE_QUIET_MS = 500
SETTLE_TIMEOUT_MS = 120_000
CORPUS_PATH = "public/corpus.json"

# Installed before any page script: notes when the first list appears, which status
# texts were shown before it, and the wasm exports Trunk's loader announces.
ON_NEW_DOCUMENT_JS = r"""
(() => {
  // Every part's timing, not the browser's default of the first 250 files.
  performance.setResourceTimingBufferSize(100000);
  const b = window.__bench = {firstList: null, firstListPainted: null, failed: null,
                              statusTexts: [], wasmExports: null, longTasks: []};
  // Tasks over 50 ms: while one runs the page cannot paint or answer.
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
  }).observe({type: 'longtask', buffered: true});
  addEventListener('TrunkApplicationStarted', e => { b.wasmExports = e.detail && e.detail.wasm; });
  const look = () => {
    for (const el of document.querySelectorAll('[role=status]')) {
      const t = el.textContent.trim();
      if (t && !b.statusTexts.includes(t)) b.statusTexts.push(t);
    }
    if (document.querySelector('.list-title')) {
      b.firstList = performance.now();
      requestAnimationFrame(() => setTimeout(() => { b.firstListPainted = performance.now(); }, 0));
      observer.disconnect();
    } else if (document.querySelector('.failure')) {
      b.failed = document.querySelector('.failure').textContent.trim();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(look);
  observer.observe(document, {childList: true, subtree: true, characterData: true});
})();
"""

# Reads what the load left behind, once the first list has been painted.
LOAD_FIGURES_JS = r"""
const b = window.__bench;
// The corpus is the whole file, or its parts: downloaded when the last of them arrived.
const resources = performance.getEntriesByType('resource');
const corpus = resources.filter(r => {
  const path = new URL(r.name).pathname;
  return path.endsWith(arguments[0]) || path.includes('/parts/');
});
const before = e => e.responseEnd <= b.firstList;
const nav = performance.getEntriesByType('navigation')[0];
return {
  firstList: b.firstList, firstListPainted: b.firstListPainted, failed: b.failed,
  statusTexts: b.statusTexts,
  downloaded: corpus.length ? Math.max(...corpus.map(r => r.responseEnd)) : null,
  longestTask: Math.max(0, ...b.longTasks.filter(([start]) => start < b.firstList).map(([, d]) => d)),
  phases: Object.fromEntries(['read', 'checked', 'indexed'].map(p => {
    const m = performance.getEntriesByName('dossier:' + p).pop();
    return [p, m ? m.startTime : null];
  })),
  transferred: (nav ? nav.transferSize : 0) +
    resources.filter(before).reduce((n, r) => n + (r.transferSize || 0), 0),
  domElements: document.getElementsByTagName('*').length,
};
"""

# JS heap after garbage collection, and the wasm memory if the page can tell.
MEMORY_JS = r"""
const done = arguments[arguments.length - 1];
(async () => {
  const collected = typeof gc === 'function';
  if (collected) { gc(); await new Promise(r => setTimeout(r, 0)); gc(); }
  let wasm = null, wasmFrom = null;
  const bindings = window.wasmBindings;
  const exports = window.__bench && window.__bench.wasmExports;
  if (bindings && typeof bindings.wasm_memory_bytes === 'function') {
    wasm = Number(bindings.wasm_memory_bytes()); wasmFrom = 'wasm_memory_bytes()';
  } else if (exports && exports.memory instanceof WebAssembly.Memory) {
    wasm = exports.memory.buffer.byteLength; wasmFrom = 'memory export';
  }
  return {js: performance.memory ? performance.memory.usedJSHeapSize : null,
          collected, wasm, wasmFrom};
})().then(done, e => done({error: String(e)}));
"""

# The page-side half of the interactions: performs a list of operations, then waits
# for the screen to show the result (timed) or to stop changing (warm-up).
UI_HELPERS_JS = r"""
if (!window.__benchUi) window.__benchUi = (() => {
  const title = () => { const e = document.querySelector('.list-title'); return e ? e.textContent : null; };
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const need = sel => { const e = document.querySelector(sel); if (!e) throw new Error('no element ' + sel); return e; };
  const perform = ops => {
    for (const [op, a, b, c] of ops) {
      if (op === 'value') { const e = need(a); e.value = b; e.dispatchEvent(new Event(c, {bubbles: true})); }
      else if (op === 'click') need(a).click();
      else if (op === 'view') {
        const link = [...document.querySelectorAll("nav[aria-label='Views'] a")]
          .find(l => l.textContent.trim().startsWith(a));
        if (!link) throw new Error('no view link ' + a);
        link.click();
      } else throw new Error('unknown operation ' + op);
    }
  };
  // A chart's state as drawn: its markup, '' while it is not on screen.
  const markup = sel => { const e = document.querySelector(sel); return e ? e.innerHTML : ''; };
  const charts = watch => Object.fromEntries(watch.map(w => [w.name, markup(w.selector)]));
  const painted = t0 => new Promise(r => requestAnimationFrame(() => setTimeout(() => r(performance.now() - t0), 0)));
  const holds = (until, before) => {
    if (until.kind === 'title') return title() === until.value;
    if (until.kind === 'exists') return document.querySelector(until.selector) !== null;
    if (until.kind === 'changed') return title() !== before;
    if (until.kind === 'next-frame') return true;
    throw new Error('unknown predicate ' + until.kind);
  };
  // Timed: t0 just before the first event; each change is noticed by a
  // MutationObserver the moment the DOM shows it, then its time is taken once the
  // next frame has been painted (requestAnimationFrame, then a task). `watch` names
  // charts and the markup each shows when updated ({kind: 'next-frame'}: no
  // change to wait for). Returns {list, charts: {name: ms}}, null for whatever
  // had not shown its result after timeoutMs.
  async function time(ops, until, watch, timeoutMs) {
    const before = title();
    const waits = [{name: null, ok: () => holds(until, before)}].concat(watch.map(w => ({
      name: w.name,
      ok: () => w.kind === 'next-frame' || markup(w.selector) === w.value,
    })));
    let t0 = null;
    const out = {list: null, charts: {}};
    let resolveAll;
    const all = new Promise(r => { resolveAll = r; });
    let left = waits.length;
    const finish = (w, ms) => {
      if (w.name === null) out.list = ms; else out.charts[w.name] = ms;
      if (--left === 0) resolveAll();
    };
    const check = () => {
      for (const w of waits) {
        if (!w.seen && w.ok()) { w.seen = true; painted(t0).then(ms => finish(w, ms)); }
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
    const timer = setTimeout(() => {
      for (const w of waits) if (!w.seen) { w.seen = true; finish(w, null); }
    }, timeoutMs);
    t0 = performance.now();
    perform(ops);
    check();
    await all;
    observer.disconnect();
    clearTimeout(timer);
    return out;
  }
  const snapshot = watch => [title(), !!document.querySelector('.detail h2'), location.search,
                             ...watch.map(w => markup(w.selector))].join('|');
  // Untimed: what the screen shows once it has not changed for quietMs, and the
  // markup of each chart in `watch` then.
  async function settle(ops, watch, quietMs, timeoutMs) {
    const before = title();
    const t0 = performance.now();
    const chartsBefore = charts(watch);
    perform(ops);
    let last = snapshot(watch), since = performance.now();
    while (performance.now() - t0 < timeoutMs) {
      await frame();
      await new Promise(r => setTimeout(r, 20));
      const now = performance.now(), s = snapshot(watch);
      if (s !== last) { last = s; since = now; }
      else if (now - since >= quietMs) {
        return {before, after: title(), ms: since - t0, chartsBefore, chartsAfter: charts(watch)};
      }
    }
    return null;
  }
  return {title, time, settle};
})();
"""


# ---------------------------------------------------------------------------
# Serving and the browser


def start_chromium(profile: Path):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (
        # The same flags as the end-to-end tests: needed on these machines.
        *CHROMIUM_FLAGS,
        # Exact heap figures and a gc() to call before reading them.
        "--enable-precise-memory-info",
        "--js-flags=--expose-gc",
        f"--user-data-dir={profile}",
    ):
        opts.add_argument(flag)
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    drv.set_page_load_timeout(LOAD_TIMEOUT_S)
    drv.set_script_timeout(SETTLE_TIMEOUT_MS / 1000 + 30)
    return drv


# ---------------------------------------------------------------------------
# The corpus: its size, and the search word and actor the interactions use


@dataclass
class Corpus:
    records: int
    size_bytes: int
    search_words: list
    busiest_actor: str | None


def corpus_file(site: Path) -> Path:
    """The site's corpus file; a large corpus's site carries it in parts alone, and
    bench-browser keeps the file beside the site (corpus-N.json beside site-N)."""
    path = site / CORPUS_PATH
    return path if path.is_file() else site.parent / (site.name.replace("site-", "corpus-", 1) + ".json")


def read_corpus(site: Path) -> Corpus:
    path = corpus_file(site)
    data = json.loads(path.read_text(encoding="utf-8"))
    lists = {k: data.get(k) or [] for k in ("sources", "actors", "events", "claims")}
    first_title = lists["events"][0].get("title", "") if lists["events"] else ""
    words = []
    for w in re.findall(r"[^\W\d_]{4,}", first_title.lower()):
        if w not in words:
            words.append(w)
    return Corpus(
        records=sum(len(v) for v in lists.values()),
        size_bytes=path.stat().st_size,
        search_words=words,
        busiest_actor=busiest_actor_name(lists),
    )


def busiest_actor_name(lists) -> str | None:
    """The name of the actor whose id the other records mention most often."""
    names = {a["id"]: a.get("name") for a in lists["actors"] if "id" in a}
    mentions = Counter()

    def walk(value):
        if isinstance(value, str):
            if value in names:
                mentions[value] += 1
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    for kind in ("events", "claims", "sources"):
        walk(lists[kind])
    if not mentions:
        return None
    return names[mentions.most_common(1)[0][0]]


# ---------------------------------------------------------------------------
# Page loads


@dataclass
class LoadRun:
    downloaded: float | None
    transferred: int
    longest_task: float
    phases: dict
    first_list: float
    painted: float | None
    status_texts: list
    dom_elements: int
    memory: dict


def open_fresh_tab(drv):
    """Replaces the current tab with a new one whose HTTP cache is off."""
    old = drv.current_window_handle
    drv.switch_to.new_window("tab")
    new = drv.current_window_handle
    drv.switch_to.window(old)
    drv.close()
    drv.switch_to.window(new)
    drv.execute_cdp_cmd("Network.enable", {})
    drv.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    # Every load a first visit: no service worker answers from what an earlier run kept.
    drv.execute_cdp_cmd("Network.setBypassServiceWorker", {"bypass": True})
    drv.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ON_NEW_DOCUMENT_JS})


def wait_for_first_list(drv):
    """Waits until the first list has been painted, or the app reported a failure.
    A corpus read on request (above its manifest's ask_above) is asked for at once,
    as by a reader who presses the button as soon as it shows."""
    deadline = time.monotonic() + LOAD_TIMEOUT_S
    asked = False
    while time.monotonic() < deadline:
        if not asked:
            asked = drv.execute_script(
                "const b = document.querySelector('.alone button'); if (b) b.click(); return !!b")
        state = drv.execute_script(
            "const b = window.__bench; return b ? {painted: b.firstListPainted, failed: b.failed} : null")
        if state and state["failed"]:
            raise BenchError(f"the app could not load the corpus: {state['failed']}")
        if state and state["painted"] is not None:
            return
        time.sleep(0.05)
    raise BenchError(f"no list on screen {LOAD_TIMEOUT_S:.0f} s after opening the page")


def load_once(drv, url) -> LoadRun:
    open_fresh_tab(drv)
    drv.get(url)
    wait_for_first_list(drv)
    figures = drv.execute_script(LOAD_FIGURES_JS, CORPUS_PATH)
    return LoadRun(
        downloaded=figures["downloaded"],
        transferred=figures["transferred"],
        phases=figures["phases"],
        longest_task=figures["longestTask"],
        first_list=figures["firstList"],
        painted=figures["firstListPainted"],
        status_texts=figures["statusTexts"],
        dom_elements=figures["domElements"],
        memory=measure_memory(drv),
    )


def measure_memory(drv) -> dict:
    mem = drv.execute_async_script(MEMORY_JS)
    if "error" in mem:
        raise BenchError(f"reading memory failed: {mem['error']}")
    if mem["wasm"] is None:
        # Without wasm figures, CDP's heap usage is the best there is.
        usage = drv.execute_cdp_cmd("Runtime.getHeapUsage", {})
        mem["cdp"] = usage
        if mem["js"] is None:
            mem["js"] = usage.get("usedSize")
    return mem


# ---------------------------------------------------------------------------
# Interactions


class BenchError(Exception):
    pass


@dataclass
class Step:
    """One action on the page. `row` names its line in the table; None: not timed."""
    row: str | None
    ops: list
    until: dict | None = None  # None: learned in the warm-up
    note: str = ""
    # The charts timed with the step, name -> selector (set from its group), and
    # what each shows once updated, learned in the warm-up.
    charts: dict = field(default_factory=dict)
    chart_until: list = field(default_factory=list)
    chart_notes: dict = field(default_factory=dict)

    def watch(self):
        """The charts the page waits for: only timed steps wait for any."""
        return [{"name": n, "selector": sel} for n, sel in self.charts.items()] if self.row else []


@dataclass
class Group:
    """Steps that leave the page as they found it, so each run starts alike.
    `charts` (name -> selector) are timed with each timed step."""
    name: str
    steps: list
    problem: str | None = None
    charts: dict = field(default_factory=dict)

    def __post_init__(self):
        for step in self.steps:
            step.charts = self.charts


@dataclass
class Timings:
    values: dict = field(default_factory=dict)   # row -> list of ms (None: timeout)
    notes: dict = field(default_factory=dict)    # row -> note
    order: list = field(default_factory=list)
    charts: set = field(default_factory=set)     # the rows that time a chart

    def add(self, row, ms):
        if row not in self.values:
            self.values[row] = []
            self.order.append(row)
        self.values[row].append(ms)


def value(selector, text, event):
    return ["value", selector, text, event]


def typing_steps(word):
    """One `input` event per letter, as typing does; the first and last key are timed."""
    steps = []
    for i in range(1, len(word) + 1):
        row = None
        if i == 1:
            row = "type search (first key)"
        elif i == len(word):
            row = "type search (last key)"
        steps.append(Step(row, [value("#f-text", word[:i], "input")]))
    steps.append(Step("clear search", [value("#f-text", "", "input")]))
    return steps


# The charts each view draws, by the selector of the element holding each.
EVENTS_CHARTS = {"timeline": ".timeline-chart"}
CLAIMS_CHARTS = {"timeline": ".timeline-chart", "matrix": "section.matrix"}


def filter_steps(corpus: Corpus, prefix: str = ""):
    """The filter changes timed on a view, by group; None where one cannot be made."""
    actor = None
    if corpus.busiest_actor:
        actor = [
            Step(f"{prefix}choose actor", [value("#f-actor", corpus.busiest_actor, "change")]),
            Step(f"{prefix}remove actor (chip)", [["click", ".chips .chip"]]),
        ]
    return [
        ("dates", [
            Step(f"{prefix}date from 1988", [value("#f-from", "1988", "change")]),
            Step(f"{prefix}date to 2016", [value("#f-to", "2016", "change")]),
            Step(f"{prefix}clear dates", [value("#f-from", "", "change"), value("#f-to", "", "change")]),
        ]),
        ("actor", actor),
        ("kind", [
            Step(f"{prefix}tick claim kind death toll", [["click", "#f-claim-death-toll"]]),
            Step(f"{prefix}untick it", [["click", "#f-claim-death-toll"]]),
        ]),
    ]


def interaction_groups(corpus: Corpus):
    groups = []
    if corpus.search_words:
        groups.append(Group("search", typing_steps(corpus.search_words[0]), charts=EVENTS_CHARTS))
    else:
        groups.append(Group("search", [], problem="no word of 4 letters in the first event's title"))
    for name, steps in filter_steps(corpus):
        if steps is None:
            groups.append(Group(name, [], problem="no actor is referred to"))
        else:
            groups.append(Group(name, steps, charts=EVENTS_CHARTS))
    groups.append(Group("view", [
        Step("view: Events -> Claims", [["view", "Claims"]]),
        Step("view: Claims -> Events", [["view", "Events"]]),
    ]))
    groups.append(Group("record", [
        Step("open a record", [["click", "li.record h4 a"]], {"kind": "exists", "selector": ".detail h2"}),
        Step("back to the list", [["click", ".back a"]], {"kind": "exists", "selector": ".list-title"}),
    ]))
    # The same filters on the claims view, where the matrix is drawn too: the
    # view is switched to and back untimed.
    for name, steps in filter_steps(corpus, "claims: "):
        if steps is None:
            groups.append(Group("claims: " + name, [], problem="no actor is referred to"))
            continue
        steps = [Step(None, [["view", "Claims"]]), *steps, Step(None, [["view", "Events"]])]
        groups.append(Group("claims: " + name, steps, charts=CLAIMS_CHARTS))
    return groups


class Session:
    """The loaded events view in one tab, and ways to act on it."""

    def __init__(self, drv, url):
        self.drv = drv
        self.url = url
        self.baseline = None

    def reload(self):
        """Back to the bare events view (this reloads the corpus: only to recover)."""
        open_fresh_tab(self.drv)
        self.drv.get(self.url)
        wait_for_first_list(self.drv)
        self.prepare()

    def prepare(self):
        self.drv.execute_script(UI_HELPERS_JS)
        self.drv.execute_script("document.querySelectorAll('.filters details').forEach(d => d.open = true)")
        self.baseline = self.state()

    def state(self):
        return self.drv.execute_script(
            "const t = document.querySelector('.list-title');"
            "return [t ? t.textContent : null, location.search]")

    def at_baseline(self):
        return self.state() == self.baseline

    def time(self, step) -> dict:
        """{"list": ms or None, "charts": {name: ms or None}}."""
        result = self.drv.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "window.__benchUi.time(arguments[0], arguments[1], arguments[2], arguments[3])"
            ".then(done, e => done({error: String(e)}))",
            step.ops, step.until, step.chart_until if step.row else [], INTERACTION_TIMEOUT_MS)
        if "error" in result:
            raise BenchError(result["error"])
        return result

    def settle(self, step) -> dict | None:
        result = self.drv.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "window.__benchUi.settle(arguments[0], arguments[1], arguments[2], arguments[3])"
            ".then(done, e => done({error: String(e)}))",
            step.ops, step.watch(), SETTLE_QUIET_MS, SETTLE_TIMEOUT_MS)
        if isinstance(result, dict) and "error" in result:
            raise BenchError(result["error"])
        return result


def learn(session: Session, group: Group):
    """Warm-up: runs the group untimed and notes what each step leaves on screen."""
    for step in group.steps:
        seen = session.settle(step)
        if seen is None:
            raise BenchError(f"{step.row or 'a step'}: the screen was still changing after {SETTLE_TIMEOUT_MS / 1000:.0f} s")
        learn_charts(step, seen)
        if step.until is not None:
            continue
        if seen["after"] == seen["before"]:
            # Nothing visible changes: the figure is the time to handle the event and paint.
            step.until = {"kind": "next-frame"}
            step.note = "no visible change"
        else:
            step.until = {"kind": "title", "value": seen["after"]}
        if seen["ms"] > INTERACTION_TIMEOUT_MS:
            step.note = f"took {seen['ms'] / 1000:.1f} s in the warm-up"


def learn_charts(step: Step, seen: dict):
    """Notes the markup each watched chart settled on: the timed runs wait for it."""
    step.chart_until, step.chart_notes = [], {}
    for w in step.watch():
        before, after = seen["chartsBefore"][w["name"]], seen["chartsAfter"][w["name"]]
        if not after:
            step.chart_notes[w["name"]] = "not on screen"
            step.chart_until.append({**w, "kind": "next-frame"})
        elif after == before:
            step.chart_notes[w["name"]] = "no visible change"
            step.chart_until.append({**w, "kind": "next-frame"})
        else:
            step.chart_until.append({**w, "kind": "markup", "value": after})


def choose_search_word(session: Session, corpus: Corpus, group: Group):
    """Prefers a word whose last letter still changes the list, so that key shows work."""
    def steps(word):
        out = typing_steps(word)
        for step in out:
            step.charts = group.charts
        return out

    for word in corpus.search_words:
        group.steps = steps(word)
        learn(session, group)
        last = [s for s in group.steps if s.row == "type search (last key)"]
        if not last or last[0].until["kind"] == "title":
            return word
    group.steps = steps(corpus.search_words[0])
    learn(session, group)
    return corpus.search_words[0]


def run_group(session: Session, group: Group, timings: Timings):
    """One timed run; False if a step timed out (the page may then be anywhere)."""
    for step in group.steps:
        result = session.time(step)
        ms = result["list"]
        if step.row:
            timings.add(step.row, ms)
            if step.note:
                timings.notes[step.row] = step.note
            for name, chart_ms in result["charts"].items():
                row = f"{step.row}: {name}"
                timings.add(row, chart_ms)
                timings.charts.add(row)
                if name in step.chart_notes:
                    timings.notes[row] = step.chart_notes[name]
        if ms is None or None in result["charts"].values():
            return False
    return True


def measure_interactions(session: Session, corpus: Corpus, runs: int) -> tuple:
    timings = Timings()
    search_word = None
    for group in interaction_groups(corpus):
        if group.problem:
            timings.add(group.name, None)
            timings.notes[group.name] = f"n/a: {group.problem}"
            continue
        if not session.at_baseline():
            session.reload()
        try:
            if group.name == "search":
                search_word = choose_search_word(session, corpus, group)
            else:
                learn(session, group)
        except BenchError as e:
            timings.add(group.name, None)
            timings.notes[group.name] = f"n/a: {e}"
            session.reload()
            continue
        try:
            for _ in range(runs):
                if not session.at_baseline():
                    session.reload()
                if not run_group(session, group, timings):
                    # Let the page finish whatever it was doing before the next run.
                    session.settle(Step(None, []))
        except BenchError as e:
            row = group.steps[0].row or group.name
            if row not in timings.values:
                timings.add(row, None)
            timings.notes[row] = f"stopped: {e}"
            session.reload()
    if not session.at_baseline():
        session.reload()
    return timings, search_word


# ---------------------------------------------------------------------------
# Figures and the report


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def p95(values):
    """Nearest rank: with fewer than 20 runs this is the largest."""
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    return values[math.ceil(0.95 * len(values)) - 1]


def ms(v):
    return "n/a" if v is None else f"{v:.0f} ms"


def fine_ms(v):
    return "timeout" if v is None else f"{v:.1f} ms"


def mb(v):
    return "n/a" if v is None else f"{v / MB:.1f} MB"


def memory_line(mem: dict, when: str) -> str:
    js, wasm = mem.get("js"), mem.get("wasm")
    gc_note = "" if mem.get("collected") else " (no gc(): heap not collected)"
    if wasm is None:
        cdp = mem.get("cdp") or {}
        extra = ""
        if cdp.get("backingStorageSize") is not None:
            extra = f"; CDP counts {mb(cdp['backingStorageSize'])} of array buffer stores"
        return f"JS heap {mb(js)} + wasm n/a ({when}: the page exposes no wasm memory{extra}){gc_note}"
    total = (js or 0) + wasm
    return f"JS heap {mb(js)} + wasm {mb(wasm)} = {mb(total)} ({when}){gc_note}"


def median_memory(runs) -> dict:
    mems = [r.memory for r in runs]
    out = dict(mems[-1])
    for key in ("js", "wasm"):
        out[key] = median([m.get(key) for m in mems])
    return out


@dataclass
class SiteResult:
    label: str
    corpus: Corpus
    loads: list
    timings: Timings | None
    memory_after: dict | None
    search_word: str | None
    error: str | None = None
    # When the text index was complete, from navigation, in the session's last load.
    text_indexed: float | None = None


def print_report(r: SiteResult, load_runs: int, interaction_runs: int):
    name = "shipped corpus" if r.label == "shipped" else "corpus"
    print(f"\n{name}: {r.corpus.records:,} records ({r.corpus.size_bytes / MB:.1f} MB)   "
          f"runs: load {load_runs}, interactions {interaction_runs}")
    if r.error:
        print(f"error: {r.error}")
    if not r.loads:
        return
    downloaded = median([x.downloaded for x in r.loads])
    first = median([x.first_list for x in r.loads])
    painted = median([x.painted for x in r.loads])
    after = "" if downloaded is None else f" (+{first - downloaded:.0f} ms after download)"
    texts = [t for x in r.loads for t in x.status_texts]
    with_figures = [len({t for t in x.status_texts if re.search(r"\d", t)}) for x in r.loads]
    example = f', e.g. "{texts[-1]}"' if texts else ""
    transferred = median([x.transferred for x in r.loads])
    print(f"load: downloaded {ms(downloaded)}, first list {ms(first)}{after}, painted {ms(painted)}, "
          f"{transferred / MB:.2f} MB transferred before it; "
          f"records read {ms(median([x.phases.get('read') for x in r.loads]))}, "
          f"checked {ms(median([x.phases.get('checked') for x in r.loads]))}, "
          f"indexed {ms(median([x.phases.get('indexed') for x in r.loads]))}; "
          f"longest task before it {ms(median([x.longest_task for x in r.loads]))}; "
          f"progress texts seen: {median(with_figures):.0f} "
          f"(status texts before the list: {median([len(x.status_texts) for x in r.loads]):.0f}{example})")
    print("memory: " + memory_line(median_memory(r.loads), "after load"))
    if r.memory_after:
        print("        " + memory_line(r.memory_after, "after the interactions"))
    wasm_from = r.loads[-1].memory.get("wasmFrom")
    if wasm_from:
        print(f"        (wasm memory from the page's {wasm_from})")
    print(f"DOM elements: {median([x.dom_elements for x in r.loads]):,.0f}")
    print(f"text index complete: {ms(r.text_indexed)} from navigation (last load)")
    if not r.timings:
        return
    if r.search_word or r.corpus.busiest_actor:
        print(f'search word: "{r.search_word or "n/a"}"; actor: "{r.corpus.busiest_actor or "n/a"}"')
    width = max([32, *(len(row) + 2 for row in r.timings.order)])
    print(f"{'interaction (STEP: CHART is the chart painted)':<{width}}{'median':>10}{'p95':>11}")
    for row in r.timings.order:
        values = r.timings.values[row]
        timeouts = sum(v is None for v in values)
        notes = [r.timings.notes.get(row, "")]
        if timeouts and timeouts < len(values):
            notes.append(f"{timeouts} of {len(values)} timed out")
        note = "   " + "; ".join(n for n in notes if n) if any(notes) else ""
        print(f"{row:<{width}}{fine_ms(median(values)):>10}{fine_ms(p95(values)):>11}{note}")


def print_summary(results):
    print("\nsummary (medians)")
    print(f"{'corpus':<10}{'records':>9}{'MB':>7}{'download':>10}{'1st list':>10}{'memory':>10}"
          f"{'DOM':>9}{'last key':>10}  slowest interaction; slowest chart")
    for r in results:
        if not r.loads:
            print(f"{r.label:<10}{r.corpus.records:>9,}  {r.error}")
            continue
        mem = median_memory(r.loads)
        total = None if mem.get("wasm") is None else (mem.get("js") or 0) + mem["wasm"]
        last_key, slowest, slowest_chart = "n/a", None, None
        if r.timings:
            medians = {row: median(v) for row, v in r.timings.values.items()}
            if "type search (last key)" in medians:
                last_key = fine_ms(medians["type search (last key)"])
            timed = [(m, row) for row, m in medians.items() if m is not None and row not in r.timings.charts]
            if timed:
                slowest = max(timed)
            charted = [(m, row) for row, m in medians.items() if m is not None and row in r.timings.charts]
            if charted:
                slowest_chart = max(charted)
        print(f"{r.label:<10}{r.corpus.records:>9,}{r.corpus.size_bytes / MB:>7.1f}"
              f"{ms(median([x.downloaded for x in r.loads])):>10}{ms(median([x.first_list for x in r.loads])):>10}"
              f"{'n/a' if total is None else f'{total / MB:.0f} MB':>10}"
              f"{median([x.dom_elements for x in r.loads]):>9,.0f}{last_key:>10}"
              f"  {f'{slowest[1]} {slowest[0]:.0f} ms' if slowest else 'n/a'}"
              f"; {f'{slowest_chart[1]} {slowest_chart[0]:.0f} ms' if slowest_chart else 'n/a'}")


# ---------------------------------------------------------------------------


def bench_site(drv, label, site: Path, load_runs, interaction_runs) -> SiteResult:
    corpus = read_corpus(site)
    result = SiteResult(label, corpus, [], None, None, None)
    server = StaticServer(site)
    try:
        for _ in range(load_runs):
            result.loads.append(load_once(drv, server.url))
        session = Session(drv, server.url)
        session.prepare()
        result.timings, result.search_word = measure_interactions(session, corpus, interaction_runs)
        # The search group waits for the text index: by now its mark is set.
        result.text_indexed = drv.execute_script(
            "const m = performance.getEntriesByName('dossier:text-indexed').pop(); return m ? m.startTime : null")
        result.memory_after = measure_memory(drv)
    except (BenchError, WebDriverException) as e:
        result.error = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    finally:
        server.stop()
    return result


def parse_args():
    def positive(text):
        n = int(text)
        if n < 1:
            raise argparse.ArgumentTypeError("must be at least 1")
        return n

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--load-runs", type=positive, default=5)
    p.add_argument("--interaction-runs", type=positive, default=9)
    p.add_argument("sites", nargs="+", metavar="LABEL=SITE_DIR")
    args = p.parse_args()
    sites = []
    for spec in args.sites:
        label, sep, path = spec.partition("=")
        if not sep or not label:
            p.error(f"expected LABEL=SITE_DIR, got {spec!r}")
        site = Path(path)
        if not (site / "index.html").is_file() or not corpus_file(site).is_file():
            p.error(f"{site} is not a built site with {CORPUS_PATH} or corpus-N.json beside it: "
                    "run scripts/bench-browser, which builds it")
        sites.append((label, site))
    return args, sites


def main():
    args, sites = parse_args()
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            sys.exit(f"bench: {path} is missing: apt-get install chromium chromium-driver (scripts/test does)")
    profile = Path(tempfile.mkdtemp(prefix="dossier-bench-profile-"))
    drv = None
    results = []
    try:
        drv = start_chromium(profile)
        print(f"Chromium {drv.capabilities.get('browserVersion', '?')}, headless; "
              f"times in ms since navigation start or since the input event")
        for label, site in sites:
            result = bench_site(drv, label, site, args.load_runs, args.interaction_runs)
            results.append(result)
            print_report(result, args.load_runs, args.interaction_runs)
            sys.stdout.flush()
        print_summary(results)
    finally:
        if drv is not None:
            drv.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
