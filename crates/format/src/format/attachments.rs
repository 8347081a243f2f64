//! Where a piece of evidence's photos are: paths relative to the journey's folder,
//! never outside it (a link pointing out is refused like `../x`).

use super::check_attachment_path;

/// The file an attachment names, inside the journey's `folder`: symlinks are resolved
/// first, so a link pointing outside the folder is refused like `../x`. Returns the
/// message id of why not.
pub fn resolve_attachment(
    folder: &std::path::Path,
    relative: &str,
) -> Result<std::path::PathBuf, &'static str> {
    check_attachment_path(relative).map_err(|_| "notice-attach-outside")?;
    let folder = std::fs::canonicalize(if folder.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        folder
    })
    .map_err(|_| "notice-attach-missing")?;
    let file = std::fs::canonicalize(folder.join(relative)).map_err(|_| "notice-attach-missing")?;
    if file.starts_with(&folder) {
        Ok(file)
    } else {
        Err("notice-attach-outside")
    }
}

/// The path of `file` relative to the journey's folder, or the message id of why not.
pub fn attachment_path(
    journey_path: Option<&std::path::Path>,
    file: &std::path::Path,
) -> Result<String, &'static str> {
    let Some(folder) = journey_path.and_then(|p| p.parent()) else {
        return Err("notice-attach-save-first");
    };
    let folder = std::fs::canonicalize(if folder.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        folder
    })
    .map_err(|_| "notice-attach-outside")?;
    let file = std::fs::canonicalize(file).map_err(|_| "notice-attach-missing")?;
    let relative = file
        .strip_prefix(&folder)
        .map_err(|_| "notice-attach-outside")?;
    let text: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let text = text.join("/");
    check_attachment_path(&text).map_err(|_| "notice-attach-outside")?;
    Ok(text)
}
