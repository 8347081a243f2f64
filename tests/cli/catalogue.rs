//! A shared catalogue: `check --catalogue` names each difference at its entry, and
//! `catalogue sync` renames ids with their references and takes names and colours.

use journeymap::catalogue::Catalogue;
use journeymap::model::*;
use std::path::Path;
use std::process::Command;

fn journeymap(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_journeymap"));
    for arg in args {
        command.arg(arg);
    }
    command.output().unwrap()
}

#[test]
fn check_names_each_difference_and_sync_brings_journeys_in_line() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let journey = journeymap::format::load(&source).unwrap().journey;
    let mut shared = Catalogue {
        channels: journey.channels.clone(),
        departments: journey.departments.clone(),
        actors: journey.actors.clone(),
    };
    // The team calls the web shop `online`, writes "E-mail", has no comparison site.
    shared
        .channels
        .iter_mut()
        .find(|c| c.id.as_str() == "web")
        .unwrap()
        .id = "online".into();
    shared
        .channels
        .iter_mut()
        .find(|c| c.id.as_str() == "email")
        .unwrap()
        .name = "E-mail".into();
    shared.channels.retain(|c| c.id.as_str() != "comparison");
    shared
        .actors
        .iter_mut()
        .find(|a| a.id.as_str() == "courier")
        .unwrap()
        .colour = Rgb::hex(0x123456);
    let catalogue = dir.path().join("catalogue.ron");
    std::fs::write(&catalogue, journeymap::format::pretty(&shared).unwrap()).unwrap();
    let map = dir.path().join("map.ron");
    std::fs::copy(&source, &map).unwrap();
    let text = std::fs::read_to_string(&map).unwrap();

    let output = journeymap(&[&"check", &"--catalogue", &catalogue, &map]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line_of = |id: &str| {
        text.lines()
            .enumerate()
            .skip_while(|(_, l)| l.trim() != format!("id: \"{id}\","))
            .find(|(_, l)| l.trim_start().starts_with("name:"))
            .map(|(n, _)| n + 1)
            .unwrap()
    };
    for (id, says) in [
        (
            "web",
            "is \"Web shop\" in the shared catalogue, with id online",
        ),
        (
            "email",
            "is named \"Email\" here and \"E-mail\" in the shared catalogue",
        ),
        ("comparison", "is not in the shared catalogue"),
    ] {
        let at = format!("{}:{}:", map.display(), line_of(id));
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with(&at) && l.contains(says)),
            "{at} {says} in\n{stdout}"
        );
    }

    let web_cards = journey
        .touchpoints
        .iter()
        .filter(|t| t.channel.as_ref().is_some_and(|c| c.as_str() == "web"))
        .count();
    assert!(web_cards > 0);
    let output = journeymap(&[&"catalogue", &"sync", &catalogue, &map]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let synced = journeymap::format::load(&map).unwrap().journey;
    assert!(synced.channel(&"online".into()).is_some() && synced.channel(&"web".into()).is_none());
    assert_eq!(
        synced
            .touchpoints
            .iter()
            .filter(|t| t.channel.as_ref().is_some_and(|c| c.as_str() == "online"))
            .count(),
        web_cards,
        "the cards follow the rename"
    );
    assert_eq!(synced.channel(&"email".into()).unwrap().name, "E-mail");
    assert_eq!(
        synced.actor(&"courier".into()).unwrap().colour,
        Rgb::hex(0x123456)
    );
    assert!(
        synced.channel(&"comparison".into()).is_some(),
        "its own entries stay"
    );
    // Canonical, and only the comparison site still differs.
    let written = std::fs::read_to_string(&map).unwrap();
    assert_eq!(written, journeymap::format::to_text(&synced).unwrap());
    let output = journeymap(&[&"check", &"--catalogue", &catalogue, &map]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.matches("shared catalogue").count(), 1, "{stdout}");
    // A catalogue that does not read is named with its place, nothing is written.
    std::fs::write(&catalogue, "Catalogue(channels: [Channel(id: 3)])").unwrap();
    let before = std::fs::read_to_string(&map).unwrap();
    let output = journeymap(&[&"catalogue", &"sync", &catalogue, &map]);
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("catalogue.ron:1:"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(std::fs::read_to_string(&map).unwrap(), before);
}

#[test]
fn a_catalogue_swapping_two_names_against_their_ids_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/online-order-delivery-return.ron");
    let journey = journeymap::format::load(&source).unwrap().journey;
    let mut shared = Catalogue {
        channels: journey.channels.clone(),
        departments: journey.departments.clone(),
        actors: journey.actors.clone(),
    };
    // The shared catalogue calls `mobile-app` what the map calls `phone`, and the other way.
    let name = |id: &str| {
        journey
            .channels
            .iter()
            .find(|c| c.id.as_str() == id)
            .unwrap()
            .name
            .clone()
    };
    let (app, phone) = (name("mobile-app"), name("phone"));
    for channel in &mut shared.channels {
        if channel.id.as_str() == "mobile-app" {
            channel.name = phone.clone();
        } else if channel.id.as_str() == "phone" {
            channel.name = app.clone();
        }
    }
    let catalogue = dir.path().join("catalogue.ron");
    std::fs::write(&catalogue, journeymap::format::pretty(&shared).unwrap()).unwrap();
    let map = dir.path().join("map.ron");
    std::fs::copy(&source, &map).unwrap();
    let before = std::fs::read(&map).unwrap();
    let output = journeymap(&[&"catalogue", &"sync", &catalogue, &map]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(std::fs::read(&map).unwrap(), before, "nothing written");
    for words in [
        format!(
            "channel mobile-app \"{app}\": its id is the shared channel mobile-app \"{phone}\""
        ),
        format!("its name is the shared channel phone \"{app}\""),
        format!("channel phone \"{phone}\": its id is the shared channel phone \"{app}\""),
        format!("its name is the shared channel mobile-app \"{phone}\""),
    ] {
        assert!(stderr.contains(&words), "{words}\n{stderr}");
    }
    assert!(!stderr.contains("brought in line"), "{stderr}");
    // `check --catalogue` says both readings too.
    let output = journeymap(&[&"check", &"--catalogue", &catalogue, &map]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("reads two ways"), "{stdout}");
}
