//! The icon and the install script: the committed PNGs are the SVG rendered, and
//! `scripts/install.sh` puts the binary, every icon size and the desktop entry in place.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_icon_png_is_the_svg_rendered_at_its_size() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for size in journeymap::icon::PNG_SIZES {
        let path = root().join(format!("assets/icon/journeymap-{size}.png"));
        let rendered = journeymap::icon::png(size);
        if update {
            std::fs::write(&path, &rendered).unwrap();
        }
        let committed = image::open(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_SNAPSHOTS=1", path.display()))
            .to_rgba8();
        let fresh = image::load_from_memory(&rendered).unwrap().to_rgba8();
        assert_eq!(committed.dimensions(), (size, size));
        let differing = committed
            .pixels()
            .zip(fresh.pixels())
            .filter(|(a, b)| a.0.iter().zip(b.0).any(|(x, y)| x.abs_diff(y) > 2))
            .count();
        assert!(
            differing * 200 <= (size * size) as usize,
            "{size} px: {differing} pixels differ; run with UPDATE_SNAPSHOTS=1"
        );
        // Not blank: the navy square and the white curve are there.
        let opaque = fresh.pixels().filter(|p| p.0[3] == 255).count();
        assert!(opaque > (size * size / 2) as usize, "{size} px");
    }
}

#[test]
fn the_install_script_puts_the_binary_icons_and_desktop_entry_in_place() {
    let prefix = tempfile::tempdir().unwrap();
    let output = Command::new("bash")
        .arg(root().join("scripts/install.sh"))
        .arg("--binary")
        .arg(env!("CARGO_BIN_EXE_journeymap"))
        .env("PREFIX", prefix.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains(env!("CARGO_PKG_VERSION")), "{stdout}");
    let installed = prefix.path().join("bin/journeymap");
    let version = Command::new(&installed).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("journeymap {}", env!("CARGO_PKG_VERSION"))
    );
    let icons = prefix.path().join("share/icons/hicolor");
    assert!(icons.join("scalable/apps/journeymap.svg").is_file());
    for size in journeymap::icon::PNG_SIZES {
        let png = icons.join(format!("{size}x{size}/apps/journeymap.png"));
        let image = image::open(&png).unwrap();
        assert_eq!((image.width(), image.height()), (size, size));
    }
    let entry =
        std::fs::read_to_string(prefix.path().join("share/applications/journeymap.desktop"))
            .unwrap();
    assert!(
        entry.contains(&format!("Exec={} %f", installed.display())),
        "{entry}"
    );
    assert!(entry.contains("Icon=journeymap") && entry.contains("StartupWMClass=journeymap"));
    if let Ok(check) = Command::new("desktop-file-validate")
        .arg(prefix.path().join("share/applications/journeymap.desktop"))
        .output()
    {
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
}

#[test]
fn the_debian_package_holds_the_binary_every_icon_and_the_entry() {
    let out = tempfile::tempdir().unwrap();
    let output = Command::new("bash")
        .arg(root().join("scripts/build-deb.sh"))
        .arg("--binary")
        .arg(env!("CARGO_BIN_EXE_journeymap"))
        .env("OUT", out.path())
        .env("DEB_COMPRESSION", "none") // a debug binary: fast, not small
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let deb = out.path().join(format!(
        "journeymap_{}_{}.deb",
        env!("CARGO_PKG_VERSION"),
        String::from_utf8(
            Command::new("dpkg")
                .arg("--print-architecture")
                .output()
                .unwrap()
                .stdout
        )
        .unwrap()
        .trim()
    ));
    let field = |name: &str| {
        let output = Command::new("dpkg-deb")
            .arg("-f")
            .arg(&deb)
            .arg(name)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    };
    assert_eq!(field("Package"), "journeymap");
    assert_eq!(field("Version"), env!("CARGO_PKG_VERSION"));
    assert!(field("Depends").contains("libxkbcommon-x11-0"));
    let listing = Command::new("dpkg-deb")
        .arg("-c")
        .arg(&deb)
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&listing.stdout);
    let mut wanted = vec![
        "./usr/bin/journeymap".to_owned(),
        "./usr/share/applications/journeymap.desktop".to_owned(),
        "./usr/share/icons/hicolor/scalable/apps/journeymap.svg".to_owned(),
    ];
    for size in journeymap::icon::PNG_SIZES {
        wanted.push(format!(
            "./usr/share/icons/hicolor/{size}x{size}/apps/journeymap.png"
        ));
    }
    for path in &wanted {
        assert!(
            listing.contains(path.as_str()),
            "{path} missing:\n{listing}"
        );
    }
    assert!(
        !listing.contains("icon-theme.cache") && !listing.contains("mimeinfo.cache"),
        "no desktop caches in the package"
    );
    // Unpacked, the entry runs the installed binary, which runs.
    let unpacked = tempfile::tempdir().unwrap();
    let status = Command::new("dpkg-deb")
        .arg("-x")
        .arg(&deb)
        .arg(unpacked.path())
        .status()
        .unwrap();
    assert!(status.success());
    let entry = std::fs::read_to_string(
        unpacked
            .path()
            .join("usr/share/applications/journeymap.desktop"),
    )
    .unwrap();
    assert!(entry.contains("Exec=/usr/bin/journeymap"), "{entry}");
    let version = Command::new(unpacked.path().join("usr/bin/journeymap"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&version.stdout).contains(env!("CARGO_PKG_VERSION")));
}
