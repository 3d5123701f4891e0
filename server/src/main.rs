//! The `vigia` binary: parses settings and hands over to the library.

use clap::Parser;
use vigia_server::settings::{Cli, Command, UserCommand};

/// The system allocator kept the memory of every page's short-lived copies: RSS after 50
/// claim writes at 20,000 claims stayed far above what the record holds.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc 3's option numbers (`mi_option_e` in its `mimalloc.h`), which its Rust binding
/// does not name: check them when the allocator is upgraded.
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory a render or a download freed goes back to the system at once, and arenas are
/// committed as they are used rather than whole. mimalloc reads these settings from the
/// environment before the first allocation; set from here (`mi_option_set`) they keep only
/// part of the effect. At 20,000 claims, after rendering the main pages and a data file once:
/// RSS 142 – 180 MB with mimalloc's defaults, 97 – 104 MB set from here, 74 MB from the
/// environment. So when the environment leaves them unset, the binary sets them there and
/// starts itself again, once (same process, arguments and files); should that fail, it sets
/// them from here. The cost is time: data files take up to twice as long (about 0.5 against
/// 0.3 s for the claims CSV) and first renders some 10 ms more. An operator who prefers speed
/// sets either variable to another value, and it is left as set.
fn return_freed_memory_promptly() {
    use std::os::unix::process::CommandExt;
    let unset: Vec<_> = [
        ("MIMALLOC_PURGE_DELAY", MI_OPTION_PURGE_DELAY),
        ("MIMALLOC_ARENA_EAGER_COMMIT", MI_OPTION_ARENA_EAGER_COMMIT),
    ]
    .into_iter()
    .filter(|(name, _)| std::env::var_os(name).is_none())
    .collect();
    if unset.is_empty() {
        return;
    }
    if let Ok(program) = std::env::current_exe() {
        let mut arguments = std::env::args_os();
        let mut again = std::process::Command::new(program);
        if let Some(name) = arguments.next() {
            again.arg0(name);
        }
        // Returns only if the program could not be started again.
        let _failed = again
            .args(arguments)
            .envs(unset.iter().map(|(name, _)| (name, "0")))
            .exec();
    }
    // SAFETY: plain stores into mimalloc's option table, made before any other thread
    // exists (the runtime is built after), as `mi_option_set`'s note asks.
    unsafe {
        for (_, option) in unset {
            libmimalloc_sys::mi_option_set(option, 0);
        }
    }
}

fn main() -> anyhow::Result<()> {
    return_freed_memory_promptly();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let _log_lines = vigia_server::telemetry::init(&cli.settings);
    let clock = vigia_server::clock::from_settings(cli.settings.today);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = vigia_server::Application::build(cli.settings).await?;
            tracing::info!(address = %app.address(), "Vigía is listening on http://{}", app.address());
            app.run_until_stopped(vigia_server::shutdown_signal())
                .await?;
        }
        Command::Migrate => {
            vigia_server::prepare_database(&cli.settings, clock.as_ref()).await?;
            tracing::info!("database is migrated and seeded");
        }
        Command::User(UserCommand::Add {
            email,
            role,
            departments,
            name,
        }) => {
            let store = vigia_server::open_store(&cli.settings, clock.clone()).await?;
            let link = vigia_server::cli::add_user(
                &store,
                &cli.settings,
                vigia_server::cli::NewAccount {
                    email,
                    role,
                    departments,
                    name,
                },
            )
            .await?;
            println!("Account created. Send this one-time link to set the password (valid 7 days):\n{link}");
        }
        Command::ExportCsv => {
            let store = vigia_server::open_store(&cli.settings, clock).await?;
            let snapshot = vigia::ports::ComplianceReader::snapshot(&store).await?;
            print!("{}", vigia_server::api::export::records_csv(&snapshot)?);
        }
        Command::Export { file } => {
            let rows = vigia_server::cli::export(&cli.settings, &file).await?;
            println!("{rows} rows written to {}", file.display());
        }
        Command::Import { file } => {
            let rows = vigia_server::cli::import(&cli.settings, &file).await?;
            println!("{rows} rows read from {}", file.display());
        }
        Command::Backup { file } => {
            vigia_server::cli::backup(&cli.settings, &file).await?;
            println!("backup written to {}", file.display());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers name the options meant: each holds the default mimalloc 3 gives it in its
    /// `options.c` (this test process never calls `return_freed_memory_promptly`).
    #[test]
    fn the_option_numbers_are_mimallocs_purge_delay_and_arena_eager_commit() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some()
            || std::env::var_os("MIMALLOC_ARENA_EAGER_COMMIT").is_some()
        {
            return;
        }
        // SAFETY: reads of mimalloc's option table.
        let (delay, eager) = unsafe {
            (
                libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY),
                libmimalloc_sys::mi_option_get(MI_OPTION_ARENA_EAGER_COMMIT),
            )
        };
        assert_eq!((delay, eager), (1000, 2));
    }
}
