//! The `tessera-budget` binary; see the library's [`cli`](tessera_budget::cli) module.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(tessera_budget::cli::run(std::env::args_os().collect()))
}
