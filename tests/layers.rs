//! The core's layers, as the README's module map draws them: each folder of `src/`
//! imports only itself and the folders below it (`publish` → `query` → `corpus` →
//! `i18n`), and no two modules import each other, directly or through others.
//! Read from the source text (`crate::folder::module` paths), tests left out.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

const LAYERS: [&str; 4] = ["i18n", "corpus", "query", "publish"];

/// Every module of the core ("corpus/load", "i18n") with the modules it names.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph = BTreeMap::new();
    for folder in LAYERS {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(folder);
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            let name = if stem == "mod" {
                folder.to_string()
            } else {
                format!("{folder}/{stem}")
            };
            let text = fs::read_to_string(&path).unwrap();
            // Unit tests may reach anywhere; only the code counts.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            graph.insert(name.clone(), named_modules(code, folder, &name));
        }
    }
    graph
}

/// The modules a file's code names: `crate::corpus::load`, and within a folder
/// `super::strings` (or, from a folder's mod.rs, its own files).
fn named_modules(code: &str, folder: &str, me: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |module: String| {
        if module != me {
            out.insert(module);
        }
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let mut parts = rest.split("::").map(|p| {
            p.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        });
        let (Some(top), next) = (parts.next(), parts.next()) else {
            continue;
        };
        if !LAYERS.contains(&top.as_str()) {
            continue;
        }
        let file = next.filter(|n| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("src/{top}/{n}.rs"))
                .exists()
        });
        add(file.map_or(top.clone(), |f| format!("{top}/{f}")));
    }
    for (i, _) in code.match_indices("super::") {
        let name: String = code[i + "super::".len()..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("src/{folder}/{name}.rs"));
        add(if file.exists() {
            format!("{folder}/{name}")
        } else {
            folder.to_string()
        });
    }
    // A folder's mod.rs declares its files (`mod x;`, `pub mod x;`): arrows from the
    // folder into them, so a file that imports its folder's mod.rs closes a circle.
    if me == folder {
        for line in code.lines() {
            let line = line.trim_start().trim_start_matches("pub ");
            if let Some(name) = line.strip_prefix("mod ").and_then(|l| l.strip_suffix(';')) {
                add(format!("{folder}/{name}"));
            }
        }
    }
    out
}

fn layer(module: &str) -> usize {
    let folder = module.split('/').next().unwrap();
    LAYERS.iter().position(|l| *l == folder).unwrap()
}

#[test]
fn every_folder_imports_only_itself_and_the_folders_below() {
    let mut upward = Vec::new();
    for (module, names) in imports() {
        for name in names {
            if layer(&name) > layer(&module) {
                upward.push(format!("{module} -> {name}"));
            }
        }
    }
    assert!(upward.is_empty(), "imports that point up: {upward:#?}");
}

#[test]
fn no_two_modules_import_each_other_directly_or_through_others() {
    let graph = imports();
    let mut circles = Vec::new();
    for start in graph.keys() {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&String> = graph[start].iter().collect();
        while let Some(m) = todo.pop() {
            if m == start {
                circles.push(start.clone());
                break;
            }
            if seen.insert(m.clone()) {
                todo.extend(graph.get(m).into_iter().flatten());
            }
        }
    }
    assert!(circles.is_empty(), "modules on a circle: {circles:?}");
}

#[test]
fn the_reading_of_imports_sees_what_is_there() {
    // Guards the test itself: known arrows must be found, or it proves nothing.
    let graph = imports();
    assert!(graph["corpus/load"].contains("corpus/validate"));
    assert!(graph["corpus/date"].contains("i18n"));
    assert!(graph["query/filter"].contains("query/index"));
    assert!(graph["i18n/en"].contains("i18n/strings"));
    assert!(graph["publish/cite"].contains("publish/export"));
    assert!(graph.len() > 25, "{} modules", graph.len());
}
