//! The published page in a real browser: Debian's Chromium, headless, driven over the
//! DevTools protocol (a websocket; no WebDriver). The example loads with no console
//! error and no request beyond the page itself; a click on a card shows its quote; a
//! title made of script tags shows as text and runs nothing; photos qualify or are
//! named; every example and template publishes its words whole.

#[path = "../support/browser.rs"]
mod browser;

use browser::Browser;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron")
}

fn publish(source: &Path, out: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("export")
        .arg(source)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_published_example_loads_clean_offline_and_a_click_shows_a_cards_quote() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("map.html");
    publish(&example(), &page);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
    );
    for outside in [
        "src=\"http",
        "href=\"http",
        "url(http",
        "<iframe",
        "<link",
        "@import",
    ] {
        assert!(!html.contains(outside), "{outside}");
    }
    let mut browser = Browser::start();
    let url = browser.open(&page);
    assert!(browser.problems().is_empty(), "{:#?}", browser.problems());
    assert!(
        browser.requests_besides(&url).is_empty(),
        "{:?}",
        browser.requests_besides(&url)
    );
    // The fonts the page embeds are the ones it draws with.
    assert_eq!(
        browser.eval("document.fonts.check('12px Inter')"),
        json!(true)
    );
    let journey = journeymap::format::load(&example()).unwrap().journey;
    let card = journey.touchpoint(&"tp-10".into()).unwrap();
    let quote = journeymap::scene::strongest_quote(&journey, card).unwrap();
    // The page opens on the first stage; the whole map, to click across it.
    browser.click("#fit");
    assert_eq!(
        browser.eval("document.getElementById('panel').hidden"),
        json!(true)
    );
    browser.click(".variant:not([hidden]) .hit[data-id='touchpoints:tp-10']");
    assert_eq!(
        browser.eval("document.getElementById('panel').hidden"),
        json!(false)
    );
    let shown = browser.eval("document.getElementById('details').textContent");
    let shown = shown.as_str().unwrap();
    assert!(shown.contains(&card.title), "{shown}");
    assert!(
        shown.contains(quote.text.trim()),
        "the quote {:?} in {shown}",
        quote.text
    );
    // A step, and a grey area between steps, show their words too.
    browser.click(".variant:not([hidden]) .hit[data-id='steps:st-5']");
    let shown = browser.eval("document.getElementById('details').textContent");
    assert!(
        shown
            .as_str()
            .unwrap()
            .contains("Courier at the door leaves a card")
    );
    // The blueprint switch shows the composition without its lanes.
    browser.click("#toggle-blueprint");
    assert_eq!(
        browser.eval("document.querySelector('.variant:not([hidden])').dataset.blueprint"),
        json!("0")
    );
    assert!(browser.problems().is_empty(), "{:#?}", browser.problems());
    assert!(browser.requests_besides(&url).is_empty());
    // The watch sees what it looks for: the page's own request, and an error logged.
    assert!(
        browser
            .events
            .iter()
            .any(|e| e["params"]["request"]["url"] == json!(url)),
        "the page's own request was seen"
    );
    browser.eval("console.error('seen')");
    assert_eq!(browser.problems().len(), 1);
}

#[test]
fn a_title_made_of_script_tags_shows_as_text_and_runs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "</script><script>alert(1)</script>";
    let mut journey = journeymap::format::load(&example()).unwrap().journey;
    journey.title = hostile.to_owned();
    journey.touchpoints[0].title = format!("{hostile} <img src=x onerror=alert(2)>");
    journey.touchpoints[0].action = "\u{2028}</SCRIPT><!-- & \"quotes\" 'apostrophes'".to_owned();
    let source = dir.path().join("hostile.ron");
    journeymap::format::save(&source, &journey).unwrap();
    let page = dir.path().join("hostile.html");
    publish(&source, &page);
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(
        html.matches("<script").count(),
        4,
        "the page's own scripts only (data, words, photos, code)"
    );
    let mut browser = Browser::start();
    let url = browser.open(&page);
    assert_eq!(browser.eval("document.title"), json!(hostile));
    assert_eq!(
        browser.eval("document.querySelector('.bar h1').textContent"),
        json!(hostile)
    );
    browser.click(".variant:not([hidden]) .hit[data-id='touchpoints:tp-1']");
    let shown = browser.eval("document.getElementById('details').textContent");
    assert!(
        shown.as_str().unwrap().contains("onerror=alert(2)"),
        "{shown}"
    );
    assert!(shown.as_str().unwrap().contains("</SCRIPT><!--"), "{shown}");
    assert_eq!(
        browser.eval("document.querySelectorAll('#details img').length"),
        json!(0)
    );
    assert!(browser.problems().is_empty(), "{:#?}", browser.problems());
    assert!(browser.requests_besides(&url).is_empty());
}

#[test]
fn photos_inside_the_journeys_folder_are_embedded_and_the_others_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut journey = journeymap::format::load(&example()).unwrap().journey;
    // A real photo, a link to it, a text file called .jpg, one outside the folder.
    let photos = dir.path().join("photos");
    std::fs::create_dir(&photos).unwrap();
    image::RgbImage::from_fn(2400, 1200, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    })
    .save(photos.join("door.jpg"))
    .unwrap();
    std::os::unix::fs::symlink(photos.join("door.jpg"), photos.join("link.jpg")).unwrap();
    std::fs::write(photos.join("fake.jpg"), "not an image").unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.jpg"), "x").unwrap();
    let evidence = &mut journey.evidence[0];
    evidence.attachments = vec![
        "photos/door.jpg".into(),
        "photos/link.jpg".into(),
        "photos/fake.jpg".into(),
    ];
    let id = evidence.id.clone();
    let source = dir.path().join("journey.ron");
    journeymap::format::save(&source, &journey).unwrap();
    let page = dir.path().join("map.html");
    let stderr = publish(&source, &page);
    assert!(stderr.contains("photo photos/link.jpg"), "{stderr}");
    assert!(stderr.contains("photo photos/fake.jpg"), "{stderr}");
    assert!(!stderr.contains("photo photos/door.jpg"), "{stderr}");
    let card = journey
        .touchpoints
        .iter()
        .find(|t| t.evidence.contains(&id))
        .unwrap()
        .id
        .clone();
    let mut browser = Browser::start();
    browser.open(&page);
    browser.click(&format!(
        ".variant:not([hidden]) .hit[data-id='touchpoints:{card}']"
    ));
    let sizes = browser.eval(
        "Promise.all([...document.querySelectorAll('#details img')].map(i => i.decode().then(() => [i.naturalWidth, i.naturalHeight])))",
    );
    assert_eq!(sizes, json!([[1600, 800]]), "re-encoded within 1600 px");
    assert!(browser.problems().is_empty(), "{:#?}", browser.problems());
}

#[test]
fn one_photo_cited_by_three_hundred_cards_is_embedded_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut journey = journeymap::generate::generate(300, 42);
    std::fs::create_dir(dir.path().join("photos")).unwrap();
    image::RgbImage::from_fn(1200, 800, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    })
    .save(dir.path().join("photos/wall.jpg"))
    .unwrap();
    let id = journeymap::model::EvidenceId::new("ev-wall");
    journey.evidence.push(journeymap::model::Evidence {
        attachments: vec!["photos/wall.jpg".into()],
        ..journeymap::model::Evidence::new(
            id.clone(),
            journeymap::model::EvidenceKind::Photo,
            "The workshop wall",
        )
    });
    for t in &mut journey.touchpoints {
        t.evidence.push(id.clone());
    }
    let source = dir.path().join("journey.ron");
    journeymap::format::save(&source, &journey).unwrap();
    let page = dir.path().join("map.html");
    publish(&source, &page);
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(
        html.matches("data:image/jpeg;base64,").count(),
        1,
        "one copy"
    );
    let size = html.len();
    assert!(size < 8 << 20, "{size} bytes");
    eprintln!(
        "a 300-card page citing one photo 300 times: {} KB",
        size / 1024
    );
}

#[test]
fn every_example_and_template_publishes_every_word_whole_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let mut sources: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
    for template in journeymap::templates::TEMPLATES {
        for language in [
            journeymap::model::Language::En,
            journeymap::model::Language::Es,
        ] {
            let journey = journeymap::templates::build(template, language);
            let path = dir
                .path()
                .join(format!("{}-{}.ron", template.key, language.key()));
            journeymap::format::save(&path, &journey).unwrap();
            sources.push(path);
        }
    }
    for source in sources {
        let journey = journeymap::format::load(&source).unwrap().journey;
        let page = dir.path().join("page.html");
        publish(&source, &page);
        let html = std::fs::read_to_string(&page).unwrap();
        // The map is the SVG writer's picture, whole: the same document as the SVG
        // export, so the overlap and whole-words checks of the export hold for it.
        let svg = journeymap::export::svg(&journey, false);
        assert!(
            html.contains(&svg),
            "{}: the page's map is the SVG export",
            source.display()
        );
        let picture =
            journeymap::export::compose(&journey, &journeymap::export::ExportOptions::default());
        let overlaps = journeymap::scene::overlap::check(&picture.shapes);
        assert!(overlaps.is_empty(), "{}: {overlaps:?}", source.display());
        // What a click shows holds each card's title whole.
        for t in &journey.touchpoints {
            let title = serde_json::to_string(&t.title)
                .unwrap()
                .replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026");
            assert!(html.contains(&title), "{}: {:?}", source.display(), t.title);
        }
    }
}

#[test]
fn the_page_goes_through_the_guarded_writer() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere.html");
    std::fs::write(&target, "keep").unwrap();
    let link = dir.path().join("map.html");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("export")
        .arg(example())
        .arg("-o")
        .arg(&link)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
}

/// The median height of the map's words in view, in CSS pixels.
const MEDIAN_VISIBLE_TEXT: &str = r#"(() => {
  const bar = document.querySelector('.bar').getBoundingClientRect().bottom;
  const heights = [];
  for (const t of document.querySelectorAll('.variant:not([hidden]) svg tspan')) {
    const r = t.getBoundingClientRect();
    if (r.width > 0 && r.bottom > bar && r.top < innerHeight && r.right > 0 && r.left < innerWidth) {
      heights.push(r.height);
    }
  }
  heights.sort((a, b) => a - b);
  return [heights.length, heights.length ? heights[Math.floor(heights.length / 2)] : 0];
})()"#;

/// The smallest font size of any visible text on the page, its scroll width, and the
/// outline's words.
const PHONE_FACTS: &str = r#"(() => {
  let smallest = 1e9;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (el.closest('script, style, [hidden], .print, #viewport, #panel, details:not([open]) ol')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
  }
  const outline = document.getElementById('outline');
  return {
    smallest,
    scroll: document.documentElement.scrollWidth,
    outlineWidth: outline.getBoundingClientRect().width,
    outlineShown: getComputedStyle(outline).position === 'static',
    text: outline.innerText,
  };
})()"#;

#[test]
fn the_page_opens_readable_on_a_laptop_and_reflows_as_text_on_a_phone() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("map.html");
    publish(&example(), &page);
    let journey = journeymap::format::load(&example()).unwrap().journey;
    let mut browser = Browser::start();
    // A laptop: the first stage at a size its words read at.
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 1440, "height": 900, "deviceScaleFactor": 1, "mobile": false}),
    );
    browser.open(&page);
    let seen = browser.eval(MEDIAN_VISIBLE_TEXT);
    let (count, median) = (seen[0].as_f64().unwrap(), seen[1].as_f64().unwrap());
    assert!(count > 50.0, "{count} words in view");
    assert!(median >= 12.0, "median text {median} px at 1440 × 900");
    // The tabs bring each stage into view; fit shows it all, one click away.
    browser.click(".tab[data-stage=\"4\"]");
    assert_eq!(
        browser
            .eval("document.querySelector('.tab[data-stage=\"4\"]').getAttribute('aria-current')"),
        json!("true")
    );
    browser.click("#fit");
    let fitted = browser.eval(MEDIAN_VISIBLE_TEXT);
    assert!(
        fitted[1].as_f64().unwrap() < median,
        "fit shows the whole map smaller"
    );
    assert!(
        browser
            .eval("!!document.querySelector('#minimap #mini-view')")
            .as_bool()
            .unwrap()
    );
    // A phone: the map as text, every word 14 px or more, nothing to scroll sideways.
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": true}),
    );
    browser.open(&page);
    let facts = browser.eval(PHONE_FACTS);
    assert_eq!(facts["outlineShown"], json!(true), "{facts}");
    assert!(facts["scroll"].as_f64().unwrap() <= 390.0, "{facts}");
    assert!(facts["outlineWidth"].as_f64().unwrap() <= 390.0, "{facts}");
    assert!(
        facts["smallest"].as_f64().unwrap() >= 14.0,
        "{}",
        facts["smallest"]
    );
    let text = facts["text"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for tp in &journey.touchpoints {
        let title = tp.title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&title), "{title:?} in the outline");
    }
    let numbers = journey.grey_area_numbers();
    let i18n = journeymap::i18n::I18n::new(journey.language);
    for (g, n) in journey.grey_areas.iter().zip(numbers) {
        let title = journeymap::words::grey_area_title(&journey, g, &i18n);
        assert!(
            text.contains(&format!("{n} {title}")),
            "grey area {n} {title:?}"
        );
    }
    assert!(browser.problems().is_empty(), "{:?}", browser.problems());
}

/// The page's outline as a screen reader meets it on a laptop, where it is visually
/// hidden: Chromium's accessibility tree (`Accessibility.getFullAXTree`) holds every
/// stage, card and grey area of the map, by name.
#[test]
fn the_pages_outline_is_in_chromiums_accessibility_tree_on_a_wide_screen() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("map.html");
    publish(&example(), &page);
    let journey = journeymap::format::load(&example()).unwrap().journey;
    let i18n = journeymap::i18n::I18n::new(journey.language);
    let mut browser = Browser::start();
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 1440, "height": 900, "deviceScaleFactor": 1, "mobile": false}),
    );
    browser.open(&page);
    browser.call("Accessibility.enable", json!({}));
    let tree = browser.call("Accessibility.getFullAXTree", json!({}));
    let nodes = tree["nodes"].as_array().expect("the tree's nodes");
    let name_of = |n: &Value| {
        n["name"]["value"]
            .as_str()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let shown = |n: &&Value| n["ignored"] != json!(true);
    // The headings a reader jumps by: the outline's stages and cards (the drawn map
    // has none).
    let headings: Vec<String> = nodes
        .iter()
        .filter(shown)
        .filter(|n| n["role"]["value"] == json!("heading"))
        .filter_map(name_of)
        .collect();
    // Every name the tree gives, static text included, as a reader hears it.
    let all = nodes
        .iter()
        .filter(shown)
        .filter_map(name_of)
        .collect::<Vec<_>>()
        .join(" | ");
    for stage in journeymap::model::Stage::ALL {
        if journey.touchpoints_in(*stage).is_empty() {
            continue;
        }
        let name = i18n.stage_name(&journey, *stage);
        assert!(
            headings.iter().any(|h| h.starts_with(&name)),
            "{name} in {headings:?}"
        );
    }
    for tp in &journey.touchpoints {
        let title = tp.title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            headings.iter().any(|h| h.contains(&title)),
            "{title:?} is a heading"
        );
    }
    for g in &journey.grey_areas {
        let title = journeymap::words::grey_area_title(&journey, g, &i18n);
        assert!(all.contains(title.trim()), "{title:?} heard");
    }
}
