//! The terminal side of the prompt, with libc only: raw mode on stdin behind a guard that puts
//! the saved settings back when dropped (also while a panic unwinds), keys decoded from the bytes
//! stdin delivers, and the width of the terminal on stdout.

use std::io;
use std::time::Duration;

/// How long a lone ESC waits for the rest of an escape sequence before it counts as the Escape
/// key (and how long the rest of a started sequence may take).
const ESCAPE_WAIT: Duration = Duration::from_millis(50);

/// Raw mode on a terminal; the original settings come back on drop.
pub struct RawMode {
    fd: libc::c_int,
    original: libc::termios,
}

impl RawMode {
    /// Saves the settings of `fd` and switches it to raw input: no line editing, no echo, no
    /// signals from Ctrl-C/Ctrl-Z/Ctrl-\ (they arrive as bytes), no flow control, no CR→NL, and
    /// no output post-processing (the prompt writes `\r\n` itself). Characters typed before the
    /// switch are kept (`TCSANOW`, not `TCSAFLUSH`).
    pub fn enable(fd: libc::c_int) -> io::Result<RawMode> {
        // SAFETY: tcgetattr writes into the termios struct we own.
        let mut original: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(fd, &mut original) } != 0 {
            return Err(io::Error::last_os_error());
        }
        let mut raw = original;
        raw.c_iflag &= !(libc::BRKINT | libc::ICRNL | libc::INLCR | libc::IGNCR | libc::ISTRIP | libc::IXON);
        raw.c_oflag &= !libc::OPOST;
        raw.c_lflag &= !(libc::ECHO | libc::ECHONL | libc::ICANON | libc::ISIG | libc::IEXTEN);
        raw.c_cflag |= libc::CS8;
        raw.c_cc[libc::VMIN] = 1;
        raw.c_cc[libc::VTIME] = 0;
        // SAFETY: tcsetattr reads the termios struct we pass.
        if unsafe { libc::tcsetattr(fd, libc::TCSANOW, &raw) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(RawMode { fd, original })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restores the settings saved by `enable` on the same descriptor.
        unsafe {
            libc::tcsetattr(self.fd, libc::TCSANOW, &self.original);
        }
    }
}

/// Columns of the terminal on `fd`, when it is one and says.
pub fn width(fd: libc::c_int) -> Option<usize> {
    // SAFETY: TIOCGWINSZ only writes into the winsize struct we pass.
    unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        (libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) == 0 && ws.ws_col > 0).then_some(ws.ws_col as usize)
    }
}

/// One key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    /// Ctrl-U: delete from the start of the line to the cursor.
    KillToStart,
    /// Ctrl-K: delete from the cursor to the end of the line.
    KillToEnd,
    /// Ctrl-W: delete the word before the cursor.
    KillWord,
    Escape,
    CtrlC,
    CtrlD,
    /// Anything else (an unknown sequence, another control character): ignored.
    Other,
}

/// What the bytes at the start of a buffer are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsed {
    /// A key and how many bytes it took.
    Key(Key, usize),
    /// The start of something longer (an escape sequence, a UTF-8 character): more bytes needed.
    Incomplete,
}

/// Decodes the first key in `buf` (not empty).
pub fn parse(buf: &[u8]) -> Parsed {
    let Some(&b) = buf.first() else { return Parsed::Incomplete };
    let key = |k| Parsed::Key(k, 1);
    match b {
        0x1b => parse_escape(buf),
        b'\r' | b'\n' => key(Key::Enter),
        b'\t' => key(Key::Tab),
        0x7f | 0x08 => key(Key::Backspace),
        0x01 => key(Key::Home),
        0x05 => key(Key::End),
        0x02 => key(Key::Left),
        0x06 => key(Key::Right),
        0x10 => key(Key::Up),
        0x0e => key(Key::Down),
        0x15 => key(Key::KillToStart),
        0x0b => key(Key::KillToEnd),
        0x17 => key(Key::KillWord),
        0x03 => key(Key::CtrlC),
        0x04 => key(Key::CtrlD),
        0x00..=0x1f => key(Key::Other),
        0x20..=0x7e => key(Key::Char(b as char)),
        _ => {
            let len = match b {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => return key(Key::Other),
            };
            if buf.len() < len {
                return Parsed::Incomplete;
            }
            match std::str::from_utf8(&buf[..len]).ok().and_then(|s| s.chars().next()) {
                Some(c) if !c.is_control() => Parsed::Key(Key::Char(c), len),
                _ => Parsed::Key(Key::Other, len),
            }
        }
    }
}

/// ESC, `ESC [ …` (CSI) and `ESC O x` (SS3) sequences.
fn parse_escape(buf: &[u8]) -> Parsed {
    match buf.get(1) {
        None => Parsed::Incomplete,
        Some(b'[') => {
            // Parameters and intermediates, then a final byte in 0x40..=0x7e.
            let Some(end) = buf[2..].iter().position(|b| (0x40..=0x7e).contains(b)) else {
                return if buf.len() > 16 { Parsed::Key(Key::Other, buf.len()) } else { Parsed::Incomplete };
            };
            let params = &buf[2..2 + end];
            let k = match (buf[2 + end], params) {
                (b'A', _) => Key::Up,
                (b'B', _) => Key::Down,
                (b'C', _) => Key::Right,
                (b'D', _) => Key::Left,
                (b'H', _) => Key::Home,
                (b'F', _) => Key::End,
                (b'Z', _) => Key::BackTab,
                (b'~', b"1" | b"7") => Key::Home,
                (b'~', b"4" | b"8") => Key::End,
                (b'~', b"3") => Key::Delete,
                _ => Key::Other,
            };
            Parsed::Key(k, 3 + end)
        }
        Some(b'O') => match buf.get(2) {
            None => Parsed::Incomplete,
            Some(b'A') => Parsed::Key(Key::Up, 3),
            Some(b'B') => Parsed::Key(Key::Down, 3),
            Some(b'C') => Parsed::Key(Key::Right, 3),
            Some(b'D') => Parsed::Key(Key::Left, 3),
            Some(b'H') => Parsed::Key(Key::Home, 3),
            Some(b'F') => Parsed::Key(Key::End, 3),
            Some(_) => Parsed::Key(Key::Other, 3),
        },
        // ESC followed by anything else: Escape, and the rest is read on its own.
        Some(_) => Parsed::Key(Key::Escape, 1),
    }
}

/// Keys from a file descriptor.
pub struct Keys {
    fd: libc::c_int,
    pending: Vec<u8>,
}

impl Keys {
    pub fn new(fd: libc::c_int) -> Keys {
        Keys { fd, pending: Vec::new() }
    }

    /// Waits up to `timeout` for input; `true` when some is there.
    fn ready(&self, timeout: Duration) -> bool {
        let mut pfd = libc::pollfd { fd: self.fd, events: libc::POLLIN, revents: 0 };
        // SAFETY: poll reads and writes the one pollfd we pass.
        let n = unsafe { libc::poll(&mut pfd, 1, timeout.as_millis() as libc::c_int) };
        n > 0
    }

    /// Reads what is available (blocking until something is); `Ok(false)` at end of input.
    fn fill(&mut self) -> io::Result<bool> {
        let mut buf = [0u8; 1024];
        loop {
            // SAFETY: read writes at most buf.len() bytes into buf.
            let n = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            self.pending.extend_from_slice(&buf[..n as usize]);
            return Ok(n > 0);
        }
    }

    /// The next key; `None` at end of input.
    pub fn next_key(&mut self) -> io::Result<Option<Key>> {
        loop {
            if !self.pending.is_empty() {
                match parse(&self.pending) {
                    Parsed::Key(k, n) => {
                        self.pending.drain(..n);
                        return Ok(Some(k));
                    }
                    Parsed::Incomplete => {
                        if !self.ready(ESCAPE_WAIT) {
                            // Nothing more is coming: a lone ESC is the Escape key, anything
                            // else unfinished is dropped.
                            let k = if self.pending == [0x1b] { Key::Escape } else { Key::Other };
                            self.pending.clear();
                            return Ok(Some(k));
                        }
                    }
                }
            }
            if !self.fill()? {
                return Ok(None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<Key> {
        let mut out = Vec::new();
        let mut rest = bytes;
        while !rest.is_empty() {
            match parse(rest) {
                Parsed::Key(k, n) => {
                    out.push(k);
                    rest = &rest[n..];
                }
                Parsed::Incomplete => break,
            }
        }
        out
    }

    #[test]
    fn prompt_keys_decode() {
        assert_eq!(keys(b"a\t\r\x7f"), [Key::Char('a'), Key::Tab, Key::Enter, Key::Backspace]);
        assert_eq!(keys(b"\x1b[A\x1b[B\x1b[C\x1b[D"), [Key::Up, Key::Down, Key::Right, Key::Left]);
        assert_eq!(
            keys(b"\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~\x1b[4~"),
            [Key::Home, Key::End, Key::Home, Key::End, Key::Home, Key::End]
        );
        assert_eq!(keys(b"\x1b[3~\x1b[Z\x1b[1;5C"), [Key::Delete, Key::BackTab, Key::Right]);
        assert_eq!(
            keys(b"\x03\x04\x15\x0b\x17\x01\x05"),
            [Key::CtrlC, Key::CtrlD, Key::KillToStart, Key::KillToEnd, Key::KillWord, Key::Home, Key::End]
        );
        assert_eq!(keys("é€".as_bytes()), [Key::Char('é'), Key::Char('€')]);
        assert_eq!(parse(b"\x1b"), Parsed::Incomplete);
        assert_eq!(parse(b"\x1b["), Parsed::Incomplete);
        assert_eq!(parse(&"é".as_bytes()[..1]), Parsed::Incomplete);
        assert_eq!(parse(b"\x1bx"), Parsed::Key(Key::Escape, 1));
    }

    #[test]
    fn prompt_keys_from_a_pipe_and_lone_escape() {
        let mut fds = [0; 2];
        // SAFETY: pipe writes two descriptors into fds.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let data = b"x\x1b";
        // SAFETY: writes from a valid buffer, then closes the write end.
        unsafe {
            libc::write(fds[1], data.as_ptr().cast(), data.len());
        }
        let mut k = Keys::new(fds[0]);
        assert_eq!(k.next_key().unwrap(), Some(Key::Char('x')));
        assert_eq!(k.next_key().unwrap(), Some(Key::Escape));
        unsafe {
            libc::close(fds[1]);
        }
        assert_eq!(k.next_key().unwrap(), None);
        unsafe {
            libc::close(fds[0]);
        }
    }
}
