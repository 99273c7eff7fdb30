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
    /// The terminal's local modes (`c_lflag`) once the run ended, when recorded
    /// ([`run_on_tty_scripted`]): whether the program left the terminal as it found it.
    pub lflag_at_exit: Option<libc::tcflag_t>,
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

/// Starts `bin args` in `dir` with exactly `env`, stdin and stdout on a new terminal `cols` wide;
/// returns the child and the terminal's master side.
fn spawn_on_pty(
    bin: &str,
    args: &[&str],
    env: &[(&str, String)],
    dir: &Path,
    cols: u16,
) -> (std::process::Child, std::fs::File) {
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
    let child = cmd.spawn().expect("spawn");
    // The command holds our copies of the slave: drop them, so that the master reads EIO once
    // the child and anything it started have exited.
    drop(cmd);
    (child, std::fs::File::from(master))
}

/// Runs `bin args` in `dir` with exactly `env`, stdin and stdout on a terminal `cols` wide.
pub fn run_on_tty(bin: &str, args: &[&str], env: &[(&str, String)], dir: &Path, cols: u16) -> TtyOutcome {
    let (mut child, mut master) = spawn_on_pty(bin, args, env, dir, cols);
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
    TtyOutcome { exit_code: status.and_then(|s| s.code()), terminal, stderr, lflag_at_exit: None }
}

/// One step of a scripted terminal session ([`run_on_tty_scripted`]).
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// Wait (up to 4 s) until the terminal has shown `text` since the last [`Step::Send`] (or
    /// since the start); `""` waits for any output at all.
    WaitFor(&'a str),
    /// Type these bytes (write them to the terminal's master side).
    Send(&'a [u8]),
    /// Just wait.
    Sleep(Duration),
}

/// Like [`run_on_tty`], with keystrokes: once the program has written something to the terminal
/// (a prompt has switched it to raw mode before drawing), `keys` are written in order, each after
/// its delay. The run is killed after 8 s.
pub fn run_on_tty_with_input(
    bin: &str,
    args: &[&str],
    env: &[(&str, String)],
    dir: &Path,
    cols: u16,
    keys: &[(Duration, &[u8])],
) -> TtyOutcome {
    let steps: Vec<Step<'_>> = std::iter::once(Step::WaitFor(""))
        .chain(keys.iter().flat_map(|&(d, k)| [Step::Sleep(d), Step::Send(k)]))
        .collect();
    run_on_tty_scripted(bin, args, env, dir, cols, &steps)
}

/// Like [`run_on_tty`], following `steps` (waiting for what the terminal shows before typing,
/// so that keys are not typed before the program reads them). The run is killed after 8 s.
pub fn run_on_tty_scripted(
    bin: &str,
    args: &[&str],
    env: &[(&str, String)],
    dir: &Path,
    cols: u16,
    steps: &[Step<'_>],
) -> TtyOutcome {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    let (mut child, master) = spawn_on_pty(bin, args, env, dir, cols);
    let mut writer = master.try_clone().expect("dup master");
    let shown = Arc::new(Mutex::new(Vec::new()));
    let reader = {
        let shown = Arc::clone(&shown);
        let mut master = master;
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                match master.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => shown.lock().unwrap().extend_from_slice(&buf[..n]),
                }
            }
        })
    };
    // Drain stderr as it comes, so that a chatty child never blocks on a full pipe.
    let stderr_reader = {
        let mut e = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = e.read_to_string(&mut s);
            s
        })
    };
    let deadline = Instant::now() + Duration::from_secs(8);
    let mut mark = 0;
    for step in steps {
        match *step {
            Step::WaitFor(text) => {
                let until = (Instant::now() + Duration::from_secs(4)).min(deadline);
                while Instant::now() < until {
                    let seen = {
                        let all = shown.lock().unwrap();
                        let new = &all[mark.min(all.len())..];
                        if text.is_empty() {
                            !new.is_empty()
                        } else {
                            String::from_utf8_lossy(new).contains(text)
                        }
                    };
                    if seen {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
            }
            Step::Send(bytes) => {
                mark = shown.lock().unwrap().len();
                let _ = writer.write_all(bytes);
                let _ = writer.flush();
            }
            Step::Sleep(d) => std::thread::sleep(d),
        }
    }
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break Some(s);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let lflag_at_exit = {
        use std::os::fd::AsRawFd;
        // SAFETY: tcgetattr writes into the termios we own; on Linux the master reports the
        // slave's settings.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        (unsafe { libc::tcgetattr(writer.as_raw_fd(), &mut t) } == 0).then_some(t.c_lflag)
    };
    drop(writer);
    let _ = reader.join();
    let stderr = stderr_reader.join().unwrap_or_default();
    let terminal = String::from_utf8_lossy(&shown.lock().unwrap()).into_owned();
    TtyOutcome { exit_code: status.and_then(|s| s.code()), terminal, stderr, lflag_at_exit }
}

/// A temp-dir environment for terminal runs: default profile with region and the test
/// credentials, `HOME` in `dir`, instance metadata off, and `PATH` passed on.
pub fn tty_env(dir: &Path) -> Vec<(&'static str, String)> {
    let aws = dir.join("aws");
    std::fs::create_dir_all(&aws).unwrap();
    std::fs::write(aws.join("config"), "[default]\nregion = us-east-1\n").unwrap();
    std::fs::write(
        aws.join("credentials"),
        "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n",
    )
    .unwrap();
    vec![
        ("PATH", std::env::var("PATH").unwrap_or_default()),
        ("HOME", dir.display().to_string()),
        ("AWS_CONFIG_FILE", aws.join("config").display().to_string()),
        ("AWS_SHARED_CREDENTIALS_FILE", aws.join("credentials").display().to_string()),
        ("AWS_EC2_METADATA_DISABLED", "true".into()),
    ]
}
