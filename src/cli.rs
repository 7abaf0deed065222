//! The `cellvm` command line.
//!
//! ```text
//! cellvm FILE [ARGS]...              run a script (ARGS become sys.argv[1:])
//! cellvm -c CODE [ARGS]...           run a program given as a string
//! cellvm dis [--format text|json] FILE
//! cellvm check FILE...               compile without running, as `python3 -m py_compile`
//! cellvm --version
//! ```
//!
//! Exit statuses are python3's: 0 on success, 1 when the program fails (a SyntaxError
//! included), 2 for a command-line error or a script that cannot be opened.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cellvm_compiler::{dis, lexer, CodeObject, Mode, SyntaxError};
use clap::{Parser, Subcommand, ValueEnum};

/// The program failed (python3's status for an uncaught exception or a SyntaxError).
const EXIT_FAILURE: u8 = 1;
/// The command line was wrong or the script could not be opened.
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "cellvm",
    about = "A Python 3.11 bytecode VM",
    disable_version_flag = true,
    arg_required_else_help = true,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Print the version and the interpreter's dispatch backend
    #[arg(short = 'V', long)]
    version: bool,

    /// Print the collector's statistics on stderr when the program ends
    #[arg(long)]
    gc_stats: bool,

    /// Run CODE; the values after it are the program's arguments, as with python3 -c
    #[arg(short = 'c', value_name = "CODE", num_args = 1.., allow_hyphen_values = true, conflicts_with = "script")]
    code: Option<Vec<OsString>>,

    /// A script to run, followed by its arguments
    #[arg(value_name = "FILE [ARGS]", trailing_var_arg = true)]
    script: Vec<OsString>,
}

#[derive(Subcommand)]
enum Command {
    /// Print FILE's bytecode as `python3 -m dis FILE` does
    Dis {
        /// text: CPython's dis listing; json: the code objects as JSON
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        file: PathBuf,
    },
    /// Compile each FILE without running it; report SyntaxErrors
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// A program to run and the `sys.argv` it sees.
#[derive(Debug)]
pub enum Program {
    /// `cellvm FILE ARGS...`: argv is FILE (as given) then ARGS.
    Script { path: PathBuf, argv: Vec<OsString> },
    /// `cellvm -c CODE ARGS...`: argv is "-c" then ARGS.
    Command { code: OsString, argv: Vec<OsString> },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.version {
        println!("{}", version_line());
        return ExitCode::SUCCESS;
    }
    match cli.command {
        Some(Command::Dis { format, file }) => dis_command(&file, format),
        Some(Command::Check { files }) => {
            // What compiling a large file builds lives until the process ends: huge pages
            // spare most of its page faults (see `cellvm_gc::set_huge_pages`).
            cellvm_gc::set_huge_pages(true);
            check_command(&files)
        }
        None => match program(cli.code, cli.script) {
            Some(program) => run(program, cli.gc_stats),
            // `arg_required_else_help` leaves only `cellvm --` here.
            None => {
                eprintln!("cellvm: no program given (try 'cellvm --help')");
                ExitCode::from(EXIT_USAGE)
            }
        },
    }
}

fn version_line() -> String {
    format!("cellvm {} (dispatch: {})", env!("CARGO_PKG_VERSION"), dispatch_backend())
}

/// The interpreter loop the VM was built with (a cargo feature of cellvm-vm).
fn dispatch_backend() -> &'static str {
    cellvm_vm::interp::dispatch::BACKEND
}

fn program(code: Option<Vec<OsString>>, script: Vec<OsString>) -> Option<Program> {
    if let Some(values) = code {
        let mut values = values.into_iter();
        let code = values.next()?;
        let argv = std::iter::once(OsString::from("-c")).chain(values).collect();
        return Some(Program::Command { code, argv });
    }
    let path = PathBuf::from(script.first()?);
    Some(Program::Script { path, argv: script })
}

/// Run a program to completion; the exit status is the program's.
fn run(program: Program, gc_stats: bool) -> ExitCode {
    // Compiling deeply nested source and native code re-entering the interpreter use the
    // Rust stack; give them room (only touched pages cost memory).
    const STACK: usize = 512 << 20;
    let worker =
        std::thread::Builder::new().stack_size(STACK).spawn(move || run_on_this_thread(program, gc_stats));
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("cellvm: internal error");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn run_on_this_thread(program: Program, gc_stats: bool) -> u8 {
    let argv: Vec<String> = match &program {
        Program::Script { argv, .. } | Program::Command { argv, .. } => {
            argv.iter().map(|a| a.to_string_lossy().into_owned()).collect()
        }
    };
    let mut vm = cellvm_vm::Vm::with_config(cellvm_vm::Config { argv, ..Default::default() });
    let result = match &program {
        // python3 names the main script by its absolute path (without resolving links).
        Program::Script { path, .. } => {
            let abs = std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.clone());
            vm.run_file(&abs.to_string_lossy())
        }
        Program::Command { code, .. } => vm.run_source(&code.to_string_lossy(), "<string>"),
    };
    if gc_stats {
        eprintln!("{}", cellvm_vm::format_gc_stats(&vm.gc_stats()));
    }
    match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = io::stdout().flush();
            eprint!("{}", e.report());
            e.status().clamp(0, 255) as u8
        }
    }
}

fn dis_command(path: &Path, format: Format) -> ExitCode {
    let code = match read_and_compile(path) {
        Ok(code) => code,
        Err(failure) => {
            failure.print();
            return ExitCode::from(failure.status());
        }
    };
    let text = match format {
        Format::Text => dis::disassemble(&code),
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&dis::to_json(&code)).unwrap_or_default();
            text.push('\n');
            text
        }
    };
    let mut stdout = io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // `cellvm dis big.py | head`: the reader has what it wanted.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_FAILURE),
        Err(e) => {
            eprintln!("cellvm: cannot write the listing: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn check_command(paths: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in paths {
        match read_and_compile(path) {
            // The process ends soon: tearing the code objects down would only cost time
            // (a tenth of a large file's check), so their memory goes back with the process.
            Ok(code) => std::mem::forget(code),
            Err(failure) => {
                // Status 1 whatever the failure, as py_compile's.
                failure.print();
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    }
}

/// Why a file could not be compiled.
enum Failure {
    /// Not readable: the path as CPython shows it (absolute) and the OS error.
    Unreadable(PathBuf, io::Error),
    Syntax(SyntaxError),
}

impl Failure {
    /// Print the failure on stderr as python3 does.
    fn print(&self) {
        match self {
            Failure::Unreadable(path, err) => {
                eprintln!("cellvm: can't open file '{}': {}", path.display(), errno_message(err));
            }
            Failure::Syntax(err) => eprint!("{}", err.report()),
        }
    }

    /// python3's exit status for this failure when it is given the file to run.
    fn status(&self) -> u8 {
        match self {
            Failure::Unreadable(..) => EXIT_USAGE,
            Failure::Syntax(_) => EXIT_FAILURE,
        }
    }
}

fn read_and_compile(path: &Path) -> Result<std::sync::Arc<CodeObject>, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::Unreadable(absolute(path), e))?;
    // The file name recorded in code objects and errors is the path as given, as with
    // `python3 -m dis FILE` and `python3 -m py_compile FILE`.
    let filename = path.to_string_lossy();
    let source = lexer::decode_source(&bytes, &filename).map_err(Failure::Syntax)?;
    cellvm_compiler::compile(&source, &filename, Mode::Exec).map_err(Failure::Syntax)
}

/// The path joined to the working directory without normalizing it, as CPython's
/// `_Py_abspath` writes it in "can't open file" messages.
fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_path_buf();
    }
    std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path))
}

/// `[Errno 2] No such file or directory`, as Python formats an OSError.
fn errno_message(err: &io::Error) -> String {
    match err.raw_os_error() {
        Some(errno) => {
            // std writes an OS error as "<strerror> (os error N)".
            let text = io::Error::from_raw_os_error(errno).to_string();
            let suffix = format!(" (os error {errno})");
            format!("[Errno {errno}] {}", text.strip_suffix(&suffix).unwrap_or(&text))
        }
        None => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Cli {
        match Cli::try_parse_from(std::iter::once("cellvm").chain(args.iter().copied())) {
            Ok(cli) => cli,
            Err(e) => panic!("{args:?}: {e}"),
        }
    }

    /// The program (its path, or "-c CODE") and its argv, from the command line.
    fn program_of(args: &[&str]) -> (String, Vec<String>) {
        let cli = parse(args);
        let (name, argv) = match program(cli.code, cli.script) {
            Some(Program::Script { path, argv }) => (path.display().to_string(), argv),
            Some(Program::Command { code, argv }) => (format!("-c {}", code.to_string_lossy()), argv),
            None => panic!("{args:?}: no program"),
        };
        (name, argv.iter().map(|a| a.to_string_lossy().into_owned()).collect())
    }

    #[test]
    fn options_after_the_script_belong_to_the_script() {
        let (path, argv) = program_of(&["x.py", "a", "-c", "-V", "--foo"]);
        // As python3 does, a "--" after the script is the script's.
        assert_eq!(program_of(&["x.py", "--", "-V"]).1, ["x.py", "--", "-V"]);
        assert_eq!(path, "x.py");
        assert_eq!(argv, ["x.py", "a", "-c", "-V", "--foo"]);
    }

    #[test]
    fn everything_after_dash_c_code_belongs_to_the_program() {
        let (code, argv) = program_of(&["-c", "print(1)", "-V", "x"]);
        assert_eq!(code, "-c print(1)");
        assert_eq!(argv, ["-c", "-V", "x"]);
    }

    #[test]
    fn subcommands_and_version_parse() {
        let cli = parse(&["dis", "--format", "json", "f.py"]);
        assert!(
            matches!(cli.command, Some(Command::Dis { format: Format::Json, ref file }) if file == Path::new("f.py"))
        );
        let cli = parse(&["check", "a.py", "b.py"]);
        assert!(matches!(cli.command, Some(Command::Check { ref files }) if files.len() == 2));
        assert!(parse(&["--version"]).version);
        assert_eq!(version_line(), format!("cellvm {} (dispatch: tail)", env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn unknown_options_before_the_script_are_usage_errors() {
        let err = Cli::try_parse_from(["cellvm", "--bogus"]).err().map(|e| e.exit_code());
        assert_eq!(err, Some(i32::from(EXIT_USAGE)));
    }

    #[test]
    fn os_errors_read_as_python_oserrors() {
        let err = io::Error::from_raw_os_error(2);
        assert_eq!(errno_message(&err), "[Errno 2] No such file or directory");
        let rel = absolute(Path::new("../a/./b.py"));
        assert!(
            rel.is_absolute()
                && rel.ends_with("../a/./b.py")
                && rel.to_string_lossy().ends_with("/../a/./b.py")
        );
    }
}
