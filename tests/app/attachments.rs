//! Photo evidence: attachments are stored relative to the journey's folder, paths
//! outside it are refused, and thumbnails decode under size limits.

use journeymap::app::thumbnails::{MAX_SIDE_PX, decode_thumbnail};
use journeymap::document::attachment_path;

fn write_png(path: &std::path::Path, width: u32, height: u32) {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    image.save(path).unwrap();
}

#[test]
fn attachments_inside_the_folder_are_relative_and_outside_ones_refused() {
    let root = tempfile::tempdir().unwrap();
    let journey_dir = root.path().join("maps");
    std::fs::create_dir_all(journey_dir.join("photos")).unwrap();
    let journey = journey_dir.join("journey.ron");
    let inside = journey_dir.join("photos/wall.png");
    let outside = root.path().join("elsewhere.png");
    write_png(&inside, 8, 8);
    write_png(&outside, 8, 8);

    assert_eq!(
        attachment_path(Some(&journey), &inside),
        Ok("photos/wall.png".to_owned())
    );
    assert_eq!(
        attachment_path(Some(&journey), &outside),
        Err("notice-attach-outside")
    );
    assert_eq!(
        attachment_path(None, &inside),
        Err("notice-attach-save-first")
    );
    let sneaky = journey_dir.join("photos/../../elsewhere.png");
    assert_eq!(
        attachment_path(Some(&journey), &sneaky),
        Err("notice-attach-outside")
    );
}

#[test]
fn thumbnails_are_small_and_huge_images_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("photo.png");
    write_png(&photo, 1200, 800);
    let thumbnail = decode_thumbnail(&photo).unwrap();
    assert_eq!(thumbnail.size, [320, 213]);

    let huge = dir.path().join("huge.png");
    write_png(&huge, MAX_SIDE_PX + 1, 2);
    let error = decode_thumbnail(&huge).unwrap_err();
    assert!(error.contains("huge.png"), "{error}");

    let not_an_image = dir.path().join("fake.png");
    std::fs::write(&not_an_image, b"definitely not a PNG").unwrap();
    assert!(decode_thumbnail(&not_an_image).is_err());
}

/// Asks for the thumbnail every 10 ms (as frames would) until it is no longer loading,
/// or fails the test after `limit`.
fn settled(
    thumbnails: &mut journeymap::app::thumbnails::Thumbnails,
    ctx: &egui::Context,
    path: &std::path::Path,
    limit: std::time::Duration,
) -> journeymap::app::thumbnails::Thumbnail {
    use journeymap::app::thumbnails::Thumbnail;
    let deadline = std::time::Instant::now() + limit;
    loop {
        let shown = thumbnails.get(ctx, path);
        if !matches!(shown, Thumbnail::Loading) {
            return shown;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still loading after {limit:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn thumbnails_load_off_the_ui_thread_and_a_hung_read_times_out() {
    use journeymap::app::thumbnails::{Thumbnail, Thumbnails};
    use std::time::Duration;
    let ctx = egui::Context::default();
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("photo.png");
    write_png(&photo, 640, 480);
    let mut thumbnails = Thumbnails::default();
    match settled(&mut thumbnails, &ctx, &photo, Duration::from_secs(30)) {
        Thumbnail::Ready(texture) => assert_eq!(texture.size(), [320, 240]),
        _ => panic!("the photo decodes"),
    }

    // A read that never returns (a hung network share): the frame does not wait for
    // it, and after the timeout the inspector says so.
    fn hangs(_: &std::path::Path) -> Result<egui::ColorImage, String> {
        loop {
            std::thread::park();
        }
    }
    let mut hanging = Thumbnails::with_decoder(hangs, Duration::from_millis(200));
    let asked = std::time::Instant::now();
    assert!(matches!(hanging.get(&ctx, &photo), Thumbnail::Loading));
    assert!(
        asked.elapsed() < Duration::from_millis(150),
        "the first ask returns at once"
    );
    let shown = settled(&mut hanging, &ctx, &photo, Duration::from_secs(30));
    assert!(matches!(shown, Thumbnail::TimedOut));
    assert!(asked.elapsed() >= Duration::from_millis(200));
}

#[test]
fn a_missing_attachment_names_its_file() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("journey.ron");
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys/online-order-delivery-return.ron");
    let mut journey = journeymap::format::load(&example).unwrap().journey;
    journey.evidence[0].attachments = vec!["photos/missing.png".to_owned()];
    journeymap::format::save(&file, &journey).unwrap();
    let mut h = crate::common::harness(crate::common::app_on_file(&file));
    h.state().act(journeymap::app::Action::View(
        journeymap::app::ViewChange::Select(vec![journeymap::model::ElementId::Evidence(
            journey.evidence[0].id.clone(),
        )]),
    ));
    h.run();
    assert!(
        h.query_by_label_contains("photos/missing.png cannot be read")
            .is_some(),
        "the message names the file, never a literal {{$file}}"
    );
}
