//! Atomic file replacement: write a temp file in the same folder, flush and fsync it,
//! give it the original's permissions (and owner, where the OS allows), then rename it
//! over the target. A crash or a failed write at any point leaves the old file or the
//! new one, never a mix.
//!
//! Saving through a symlink rewrites the file it points to and keeps the link. A
//! read-only file, or one that is not a regular file (a folder, a FIFO, a device), is
//! refused with a clear error instead of being replaced.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

#[cfg(unix)]
fn set_new_file_permissions(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_file: &File) -> io::Result<()> {
    Ok(())
}

pub fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    atomic_write_with(path, |file| file.write_all(bytes))
}

/// Writes a new output (an export, a slide, an imported journey, a schema):
/// atomically like `atomic_write`, but a symbolic link at `path` is refused instead of
/// followed, so an output never lands outside the file it names. (Rewriting a journey
/// in place, `atomic_write`, keeps following a link to the journey.)
pub fn write_output(path: &Path, bytes: &[u8]) -> io::Result<()> {
    refuse_link(path)?;
    check_replaceable(path)?;
    // Written beside `path` and renamed onto it: a link put there meanwhile is
    // replaced, never written through.
    replace_with(path, |file| file.write_all(bytes), &mut || Ok(()))
}

/// Writes several outputs as a set (the pages of a slide deck): every file is written
/// and synced beside its target first, and only when all are written are they renamed
/// into place; a failure (a full disk) leaves none of the new files. Links are refused
/// as by `write_output`.
pub fn write_output_set(files: &[(std::path::PathBuf, Vec<u8>)]) -> io::Result<()> {
    for (path, _) in files {
        refuse_link(path)?;
        check_replaceable(path)?;
    }
    let mut written = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let mut temp = temp_beside(path)?;
        temp.as_file_mut().write_all(bytes)?;
        set_new_file_permissions(temp.as_file())?;
        temp.as_file().sync_all()?;
        written.push((temp, path));
    }
    for (temp, path) in written {
        temp.persist(path).map_err(|e| e.error)?;
    }
    Ok(())
}

/// Refuses an output path that is a symbolic link.
pub fn refuse_link(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is a symbolic link; journeymap writes its outputs only as plain files, never \
             through a link (remove the link or choose another name)",
        )),
        _ => Ok(()),
    }
}

/// Like `atomic_write`, with the writing done by `write` (tests inject failures here).
pub fn atomic_write_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let resolved = writable_target(path)?;
    replace_with(&resolved, write, &mut || Ok(()))
}

/// Like `atomic_write`, with `check` run after the new bytes are written and synced
/// beside the file and just before they replace it: an error from `check` leaves the
/// old file as it was (the editor looks once more that nobody changed the file while a
/// slow save was writing).
pub fn atomic_write_checked(
    path: &Path,
    bytes: &[u8],
    check: &mut dyn FnMut() -> io::Result<()>,
) -> io::Result<()> {
    let resolved = writable_target(path)?;
    replace_with(&resolved, |file| file.write_all(bytes), check)
}

/// The folder holding `path` (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// A new temp file in `path`'s folder, named `.NAME.XXXXXX.tmp`; the stale ones an
/// interrupted write of the same name left behind are removed first.
fn temp_beside(path: &Path) -> io::Result<tempfile::NamedTempFile> {
    let dir = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    remove_stale_temps(dir, &prefix);
    tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
}

/// Writes a temp file beside `path` with `write` and, if `check` agrees, renames it onto
/// `path`.
fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
    check: &mut dyn FnMut() -> io::Result<()>,
) -> io::Result<()> {
    let mut temp = temp_beside(path)?;
    write(temp.as_file_mut())?;
    temp.as_file_mut().flush()?;
    match std::fs::metadata(path) {
        Ok(metadata) => {
            temp.as_file().set_permissions(metadata.permissions())?;
            keep_owner(temp.as_file(), &metadata);
        }
        // A new file: readable by others like any file an editor creates (the temp file
        // starts private).
        Err(_) => set_new_file_permissions(temp.as_file())?,
    }
    temp.as_file().sync_all()?;
    check()?;
    temp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable; not every platform can open a folder.
    if let Ok(folder) = File::open(folder_of(path)) {
        folder.sync_all().ok();
    }
    Ok(())
}

const TEMP_SUFFIX: &str = ".tmp";

/// A temp file untouched this long was left by a save that never finished (a kill, a
/// power cut); a save in progress writes to its own all the time.
pub const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(120);

/// Removes temp files an interrupted save of the same file left behind
/// (`.NAME.XXXXXX.tmp`, older than `STALE_TEMP_AGE`). Hidden and not ending in the
/// journey's extension, they are never taken for a journey; this keeps them from
/// piling up. Best effort: a file that cannot be removed stays.
fn remove_stale_temps(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // `.NAME.` + 6 random characters + `.tmp`, exactly as tempfile names them.
        let Some(middle) = name
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        if middle.len() != 6 || !middle.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age >= STALE_TEMP_AGE);
        if stale {
            std::fs::remove_file(entry.path()).ok();
        }
    }
}

/// The file a write to `path` should replace: the target of a symlink (so the link
/// stays), or `path` itself. Refuses what must not be replaced.
fn writable_target(path: &Path) -> io::Result<std::path::PathBuf> {
    let link = std::fs::symlink_metadata(path).ok();
    let target = match &link {
        Some(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).map_err(|_| {
                io::Error::new(
                    io::ErrorKind::NotFound,
                    "it is a symbolic link to a file that does not exist",
                )
            })?
        }
        _ => path.to_owned(),
    };
    check_replaceable(&target)?;
    Ok(target)
}

/// Refuses to replace what is not a regular, writable file.
fn check_replaceable(target: &Path) -> io::Result<()> {
    if let Ok(meta) = std::fs::metadata(target) {
        if !meta.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is not a regular file (a folder, a pipe or a device)",
            ));
        }
        if meta.permissions().readonly() {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only; make it writable or save under another name",
            ));
        }
    }
    Ok(())
}

/// Gives the new file the old one's owner and group, where the OS allows it (as root,
/// or a group the user belongs to); otherwise the new file is the user's, as with any
/// editor.
#[cfg(unix)]
fn keep_owner(file: &File, metadata: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    std::os::unix::fs::fchown(file, Some(metadata.uid()), Some(metadata.gid())).ok();
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _metadata: &std::fs::Metadata) {}

/// The largest journey file read: far beyond any real map, small enough to refuse a
/// runaway file before reading it.
pub const MAX_JOURNEY_BYTES: u64 = 256 * 1024 * 1024;

/// Opens an input to stream (an event log of gigabytes): the guarded reader's refusals
/// without reading it whole. Only a regular file: a FIFO or a device is refused before
/// it is opened (opening a FIFO would block), and what was opened is checked again (a
/// file swapped for a pipe in between is refused too). Gives the file and its length.
pub fn open_regular(path: &Path) -> io::Result<(File, u64)> {
    let not_regular = || {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file (a folder, a pipe or a device)",
        )
    };
    if !std::fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Never wait on a FIFO put there since the check.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    Ok((file, meta.len()))
}

/// Reads a journey (or any input) file: only a regular file (never a FIFO or a device,
/// which would block or never end) and at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file (a folder, a pipe or a device)",
        ));
    }
    if meta.len() > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "the file is {} MB; journeymap reads files up to {} MB",
                meta.len() / (1024 * 1024),
                limit / (1024 * 1024)
            ),
        ));
    }
    std::fs::read(path)
}
