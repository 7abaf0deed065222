fn main() -> std::process::ExitCode {
    cellvm::cli::main()
}
