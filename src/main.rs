//! The `aws` binary: collects argv, the environment and the standard streams, runs
//! [`awsclone::run`] and exits with its code.

use std::io::IsTerminal;

fn terminal_width() -> Option<usize> {
    // SAFETY: TIOCGWINSZ only writes into the winsize struct we pass.
    unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        (libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) == 0 && ws.ws_col > 0).then_some(ws.ws_col as usize)
    }
}

/// Ctrl-C at any point: the reference writes a newline to stdout and exits 130, with no
/// traceback. Only async-signal-safe calls here.
extern "C" fn on_sigint(_: libc::c_int) {
    // SAFETY: write(2) and _exit(2) are async-signal-safe.
    unsafe {
        libc::write(libc::STDOUT_FILENO, b"\n".as_ptr().cast(), 1);
        libc::_exit(130);
    }
}

fn main() {
    // SAFETY: installs a handler that only calls async-signal-safe functions.
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t);
    }
    let args: Vec<String> = std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let env = awsclone::config::Env::from_process();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut out = stdout.lock();
    let mut err = stderr.lock();
    let mut io = awsclone::Io {
        stdin_tty: std::io::stdin().is_terminal(),
        stdout_tty: std::io::stdout().is_terminal(),
        stderr_tty: std::io::stderr().is_terminal(),
        terminal_width: terminal_width(),
        stdout: &mut out,
        stderr: &mut err,
    };
    let code = awsclone::run(&args, &env, &mut io);
    std::process::exit(code);
}
