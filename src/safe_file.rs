//! Opening files that someone may have swapped for something else: a FIFO (which blocks
//! an ordinary `open` forever), a device (`/dev/zero` never ends), a directory, a
//! symbolic link loop. Each file is opened without blocking, the opened file's own type
//! is checked (one `fstat`, no race between a check of the path and the open), and
//! reading stops at a size limit.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;
use std::time::SystemTime;

use rustix::fs::OFlags;

/// What a file was when it was read: its size and when it was last modified. A file
/// read again later with another stamp has changed in between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Size in bytes.
    pub len: u64,
    /// Last modification, where the file system keeps it.
    pub modified: Option<SystemTime>,
}

/// What kind of thing a path turned out to be, in words for a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A directory.
    Directory,
    /// A FIFO (named pipe).
    Fifo,
    /// A character device such as `/dev/zero`.
    CharDevice,
    /// A block device.
    BlockDevice,
    /// A Unix socket.
    Socket,
    /// A symbolic link (when links are not followed).
    Symlink,
    /// Anything else that is not a regular file.
    Other,
}

impl Kind {
    fn of(t: fs::FileType) -> Option<Kind> {
        Some(if t.is_file() {
            return None;
        } else if t.is_dir() {
            Kind::Directory
        } else if t.is_fifo() {
            Kind::Fifo
        } else if t.is_char_device() {
            Kind::CharDevice
        } else if t.is_block_device() {
            Kind::BlockDevice
        } else if t.is_socket() {
            Kind::Socket
        } else if t.is_symlink() {
            Kind::Symlink
        } else {
            Kind::Other
        })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Directory => "a directory",
            Kind::Fifo => "a FIFO (named pipe)",
            Kind::CharDevice => "a character device",
            Kind::BlockDevice => "a block device",
            Kind::Socket => "a socket",
            Kind::Symlink => "a symbolic link",
            Kind::Other => "a special file",
        })
    }
}

/// Why a file could not be opened or read as a regular file.
#[derive(Debug)]
pub enum OpenError {
    /// Nothing at the path.
    NotFound,
    /// A symbolic link whose target does not exist.
    DanglingLink,
    /// A symbolic link that leads, through other links, back to itself (or too deep).
    LinkLoop,
    /// Something that is not a regular file.
    NotRegular(Kind),
    /// A regular file over the limit; its size.
    TooLarge(u64),
    /// Any other failure.
    Io(io::Error),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::NotFound => f.write_str("no such file"),
            OpenError::DanglingLink => f.write_str("a symbolic link to a file that does not exist"),
            OpenError::LinkLoop => f.write_str("a symbolic link loop"),
            OpenError::NotRegular(kind) => write!(f, "{kind}, not a regular file"),
            OpenError::TooLarge(n) => write!(f, "too large ({n} bytes)"),
            OpenError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for OpenError {}

/// How to treat a symbolic link at the path itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Follow it (a corpus or state file kept elsewhere and linked in is fine).
    Follow,
    /// Refuse it: the file is created by us and must be where we think it is.
    Refuse,
}

/// Opens (creating it, mode 0600, if missing) `path` for writing without following a
/// link at `path`, and only if it is a regular file: for lock files.
pub fn create_regular_nofollow(path: &Path) -> Result<File, OpenError> {
    open(
        path,
        OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600),
        Links::Refuse,
    )
    .map(|(file, _)| file)
}

/// Reads the regular file at `path` (following links), refusing anything else and any
/// file over `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, OpenError> {
    read_stamped(path, limit).map(|(bytes, _)| bytes)
}

/// [`read_regular`], with the stamp of the file that was read (from the same `fstat`).
pub fn read_stamped(path: &Path, limit: u64) -> Result<(Vec<u8>, Stamp), OpenError> {
    let (file, stamp) = open(path, OpenOptions::new().read(true), Links::Follow)?;
    let len = stamp.len;
    if len > limit {
        return Err(OpenError::TooLarge(len));
    }
    // The size can grow between the fstat and the read: the limit holds regardless.
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(OpenError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(OpenError::TooLarge(bytes.len() as u64));
    }
    Ok((bytes, stamp))
}

/// Opens `path` and checks, with one `fstat` of what was opened, that it is a regular
/// file; returns it with its size and modification time.
fn open(path: &Path, options: &mut OpenOptions, links: Links) -> Result<(File, Stamp), OpenError> {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting.
    // O_NOCTTY: opening a terminal device never makes it our controlling terminal.
    let mut flags = OFlags::NONBLOCK | OFlags::NOCTTY;
    if links == Links::Refuse {
        flags |= OFlags::NOFOLLOW;
    }
    let file = options
        .custom_flags(flags.bits() as i32)
        .open(path)
        .map_err(|e| explain(path, e, links))?;
    let meta = file.metadata().map_err(OpenError::Io)?;
    if let Some(kind) = Kind::of(meta.file_type()) {
        return Err(OpenError::NotRegular(kind));
    }
    // Back to ordinary blocking reads and writes.
    let flags = rustix::fs::fcntl_getfl(&file).map_err(|e| OpenError::Io(e.into()))?;
    rustix::fs::fcntl_setfl(&file, flags - OFlags::NONBLOCK)
        .map_err(|e| OpenError::Io(e.into()))?;
    let stamp = Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
    };
    Ok((file, stamp))
}

/// Turns a failed open into what the user needs to hear.
fn explain(path: &Path, e: io::Error, links: Links) -> OpenError {
    let lstat = fs::symlink_metadata(path).ok().map(|m| m.file_type());
    match e.raw_os_error() {
        Some(code) if code == rustix::io::Errno::LOOP.raw_os_error() => {
            if links == Links::Refuse && lstat.is_some_and(|t| t.is_symlink()) {
                OpenError::NotRegular(Kind::Symlink)
            } else {
                OpenError::LinkLoop
            }
        }
        Some(code) if code == rustix::io::Errno::NOENT.raw_os_error() => {
            if lstat.is_some_and(|t| t.is_symlink()) {
                OpenError::DanglingLink
            } else {
                OpenError::NotFound
            }
        }
        // ENXIO: a socket, or a FIFO opened for writing with nobody reading.
        Some(code) if code == rustix::io::Errno::NXIO.raw_os_error() => {
            match fs::metadata(path)
                .ok()
                .and_then(|m| Kind::of(m.file_type()))
            {
                Some(kind) => OpenError::NotRegular(kind),
                None => OpenError::Io(e),
            }
        }
        _ => OpenError::Io(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;
    use std::time::{Duration, Instant};

    fn mkfifo(path: &Path) {
        rustix::fs::mknodat(
            rustix::fs::CWD,
            path,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .expect("mkfifo");
    }

    #[test]
    fn a_fifo_is_refused_at_once_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f.md");
        mkfifo(&fifo);
        let start = Instant::now();
        let err = read_regular(&fifo, 100).unwrap_err();
        assert!(matches!(err, OpenError::NotRegular(Kind::Fifo)), "{err:?}");
        // Without O_NONBLOCK the open never returns; any bound at all proves it did.
        assert!(start.elapsed() < Duration::from_secs(60));
        assert_eq!(err.to_string(), "a FIFO (named pipe), not a regular file");
    }

    #[test]
    fn each_kind_of_path_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("ok"), b"hello").unwrap();
        fs::create_dir(d.join("dir")).unwrap();
        symlink(d.join("missing"), d.join("dangling")).unwrap();
        symlink(d.join("loop-b"), d.join("loop-a")).unwrap();
        symlink(d.join("loop-a"), d.join("loop-b")).unwrap();
        symlink("/dev/zero", d.join("zero")).unwrap();
        symlink(d.join("ok"), d.join("link-to-ok")).unwrap();
        assert_eq!(read_regular(&d.join("ok"), 100).unwrap(), b"hello");
        assert_eq!(read_regular(&d.join("link-to-ok"), 100).unwrap(), b"hello");
        let msg = |name: &str| read_regular(&d.join(name), 100).unwrap_err().to_string();
        assert_eq!(msg("dir"), "a directory, not a regular file");
        assert_eq!(
            msg("dangling"),
            "a symbolic link to a file that does not exist"
        );
        assert_eq!(msg("loop-a"), "a symbolic link loop");
        assert_eq!(msg("zero"), "a character device, not a regular file");
        assert_eq!(msg("absent"), "no such file");
        assert!(matches!(
            read_regular(&d.join("ok"), 4),
            Err(OpenError::TooLarge(5))
        ));
    }

    #[test]
    fn a_lock_never_follows_a_link_nor_creates_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        let lock = dir.path().join("lock");
        symlink(&target, &lock).unwrap();
        let err = create_regular_nofollow(&lock).unwrap_err();
        assert!(
            matches!(err, OpenError::NotRegular(Kind::Symlink)),
            "{err:?}"
        );
        assert!(!target.exists(), "the link's target was created");
        // An ordinary lock file is created and opened.
        let plain = dir.path().join("plain");
        create_regular_nofollow(&plain).unwrap();
        create_regular_nofollow(&plain).unwrap();
        assert!(plain.is_file());
    }
}
