//! Running the binary with stdin and stdout on a pseudo-terminal (stderr stays a pipe), for the
//! behaviours that only happen on a terminal: the pager, terminal-width tables, colour `auto`.

use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a terminal run produced.
#[derive(Debug)]
pub struct TtyOutcome {
    pub exit_code: Option<i32>,
    /// Everything written to the terminal (the pty turns `\n` into `\r\n`).
    pub terminal: String,
    pub stderr: String,
}

fn openpty(cols: u16) -> (OwnedFd, OwnedFd) {
    let mut master = -1;
    let mut slave = -1;
    let ws = libc::winsize { ws_row: 40, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: openpty writes two fds; the pointers are valid for the call.
    let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &ws) };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both fds were just opened and are owned here.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// Runs `bin args` in `dir` with exactly `env`, stdin and stdout on a terminal `cols` wide.
pub fn run_on_tty(bin: &str, args: &[&str], env: &[(&str, String)], dir: &Path, cols: u16) -> TtyOutcome {
    let (master, slave) = openpty(cols);
    let mut cmd = Command::new(bin);
    cmd.args(args)
        .current_dir(dir)
        .env_clear()
        .stdin(Stdio::from(slave.try_clone().expect("dup")))
        .stdout(Stdio::from(slave))
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn");
    // The command holds our copies of the slave: drop them, so that the master reads EIO once
    // the child and anything it started have exited.
    drop(cmd);
    let mut master = std::fs::File::from(master);
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            match master.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
        out
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break Some(s);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    let terminal = String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
    TtyOutcome { exit_code: status.and_then(|s| s.code()), terminal, stderr }
}
