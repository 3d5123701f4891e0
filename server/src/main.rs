//! The `vigia` binary: parses settings and hands over to the library.

use clap::Parser;
use vigia_server::settings::{Cli, Command, UserCommand};

/// The system allocator kept the memory of every page's short-lived copies: RSS after 50
/// claim writes at 20,000 claims stayed far above what the record holds.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
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
