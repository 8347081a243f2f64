//! The code map in ARCHITECTURE.md is the crates' real dependencies: every edge it draws
//! is in `cargo metadata`, every edge there is drawn, the model crate depends on no
//! crate of ours, only the app crate knows egui, and the headless binary's dependency
//! tree holds no egui at all. Prose that drifts from the code fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn cargo() -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(root());
    command
}

/// The ```crates block of ARCHITECTURE.md: `crate -> lower crate…`, short names
/// without the `journeymap-` prefix (`journeymap` is the facade and binary).
fn drawn() -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let start = text
        .find("```crates\n")
        .expect("ARCHITECTURE.md draws the crates")
        + 10;
    let end = start + text[start..].find("```").unwrap();
    text[start..end]
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (name, below) = line.split_once("->").unwrap_or((line, ""));
            let below = below.split_whitespace().map(str::to_owned).collect();
            (name.trim().to_owned(), below)
        })
        .collect()
}

fn short(name: &str) -> String {
    name.strip_prefix("journeymap-").unwrap_or(name).to_owned()
}

/// Every workspace package with its direct normal (not dev, not build) dependencies.
fn metadata() -> BTreeMap<String, BTreeSet<String>> {
    let output = cargo()
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|package| {
            let deps = package["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|dep| dep["kind"].is_null())
                .map(|dep| dep["name"].as_str().unwrap().to_owned())
                .collect();
            (package["name"].as_str().unwrap().to_owned(), deps)
        })
        .collect()
}

#[test]
fn the_code_map_is_the_crates_dependencies() {
    let drawn = drawn();
    let real = metadata();
    let ours: BTreeSet<String> = real.keys().map(|name| short(name)).collect();
    assert!(ours.len() >= 8, "the workspace lists {ours:?}");
    assert_eq!(
        drawn.keys().cloned().collect::<BTreeSet<_>>(),
        ours,
        "ARCHITECTURE.md draws other crates than the workspace has"
    );
    for (name, deps) in &real {
        let below: BTreeSet<String> = deps
            .iter()
            .filter(|dep| dep.starts_with("journeymap"))
            .map(|dep| short(dep))
            .collect();
        assert_eq!(
            &below,
            &drawn[&short(name)],
            "{name}: cargo says it depends on {below:?}, ARCHITECTURE.md draws otherwise"
        );
    }
    assert!(
        drawn["model"].is_empty(),
        "the model depends on {:?}",
        drawn["model"]
    );
}

#[test]
fn the_layers_run_one_way() {
    // Each crate's line lists only crates drawn above it: no circle, no arrow upward.
    let drawn = drawn();
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let start = text.find("```crates\n").unwrap();
    let order: Vec<String> = text[start + 10..]
        .lines()
        .take(drawn.len())
        .map(|line| line.split("->").next().unwrap().trim().to_owned())
        .collect();
    for (at, name) in order.iter().enumerate() {
        for below in &drawn[name] {
            let place = order.iter().position(|n| n == below);
            assert!(
                place.is_some_and(|p| p < at),
                "{name} depends on {below}, which is not drawn below it"
            );
        }
    }
}

#[test]
fn only_the_app_crate_knows_egui() {
    let real = metadata();
    let gui = [
        "egui",
        "eframe",
        "egui_kittest",
        "rfd",
        "winit",
        "egui-winit",
    ];
    for (name, deps) in &real {
        let knows: Vec<&String> = deps.iter().filter(|d| gui.contains(&d.as_str())).collect();
        if name == "journeymap-app" {
            assert!(
                !knows.is_empty(),
                "the app crate no longer names egui: {deps:?}"
            );
        } else {
            assert!(knows.is_empty(), "{name} depends on {knows:?}");
        }
    }
    let tree = cargo()
        .args([
            "tree",
            "--offline",
            "--locked",
            "-p",
            "journeymap",
            "--no-default-features",
            "-e",
            "normal",
            "--prefix",
            "none",
        ])
        .output()
        .unwrap();
    assert!(
        tree.status.success(),
        "{}",
        String::from_utf8_lossy(&tree.stderr)
    );
    let tree = String::from_utf8(tree.stdout).unwrap();
    assert!(
        tree.lines().count() > 50,
        "the tree is too short to be real:\n{tree}"
    );
    let reached: Vec<&str> = tree
        .lines()
        .filter(|line| {
            let name = line.split_whitespace().next().unwrap_or("");
            gui.contains(&name) || name.starts_with("egui") || name == "journeymap-app"
        })
        .collect();
    assert!(
        reached.is_empty(),
        "the headless binary reaches {reached:?}"
    );
}
