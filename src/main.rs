//! `pesanlokal`: the bot and its maintenance subcommands.

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
#[cfg(feature = "console")]
use pesanlokal::bench;
use pesanlokal::clock::Clock;
use pesanlokal::domain::{Regions, producer_csv};
use pesanlokal::{config, store, telegram};

#[derive(Parser)]
#[command(
    name = "pesanlokal",
    version,
    about = "Pesan Lokal: local producers for regional-government orders, by Telegram"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run the bot (the default).
    Run,
    /// Try the bot in the terminal: the real bot against a local stand-in
    /// for the Telegram Bot API, with simulated people. No token, no network.
    #[cfg(feature = "console")]
    Console {
        /// SQLite file to keep (default: a temporary one).
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
        /// Load the demo data: one staff, three producers and one admin.
        #[arg(long)]
        demo: bool,
        /// Read the lines from FILE and print the transcript.
        #[arg(long, value_name = "FILE")]
        script: Option<PathBuf>,
    },
    /// Apply database migrations and load the region list, then exit.
    Migrate,
    /// Load fictional producers, offices and staff of East Kalimantan.
    DemoData,
    /// Manage admins.
    Admin {
        #[command(subcommand)]
        action: AdminCmd,
    },
    /// Copy the live database to PATH (safe while the bot runs).
    Backup { path: String },
    /// Load producers from a CSV file (the format is in README.md); a
    /// producer already known by phone or NIB is updated, bad rows are
    /// reported by line.
    ImportProducers {
        file: PathBuf,
        /// Check and report everything, but save nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write every producer with a phone number to a CSV file in the import format.
    ExportProducers { file: PathBuf },
    /// Measure speed on synthetic data (see BENCHMARKS.md).
    #[cfg(feature = "console")]
    Bench {
        #[command(subcommand)]
        what: BenchCmd,
    },
}

#[cfg(feature = "console")]
#[derive(Subcommand)]
enum BenchCmd {
    /// Time /cari's searches over a database of synthetic producers.
    Search {
        /// How many producers to generate.
        #[arg(long, default_value_t = 100_000)]
        producers: usize,
        /// How many queries of each kind to time.
        #[arg(long, default_value_t = 300)]
        queries: usize,
        /// Keep the database at PATH (reused if it already holds producers);
        /// by default a temporary file, removed afterwards.
        #[arg(long)]
        db: Option<PathBuf>,
        /// Seed for the generated producers and queries.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Time import-producers on a synthetic CSV file (rows a second).
    Import {
        /// How many rows the file has.
        #[arg(long, default_value_t = 20_000)]
        rows: usize,
        /// Seed for the generated rows.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Time the outbox sender on one broadcast against the fake Bot API:
    /// capped with Telegram's limits enforced, then uncapped.
    Outbox {
        /// How many recipients.
        #[arg(long, default_value_t = 2_000)]
        recipients: i64,
        /// The overall cap of the capped run (messages a second).
        #[arg(long, default_value_t = 25)]
        rate: u32,
    },
}

#[derive(Subcommand)]
enum AdminCmd {
    /// Make a Telegram user id an admin.
    Add { id: i64 },
}

fn main() -> ExitCode {
    // A .env file is optional; the environment wins over it.
    let _ = dotenvy::dotenv();
    let cli = Cli::parse();
    // The console is a conversation in the terminal: only warnings by default.
    let default_filter = match cli.command {
        #[cfg(feature = "console")]
        Some(Cmd::Console { .. }) => "warn",
        _ => "info,sqlx=warn,teloxide=warn",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| default_filter.into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(execute(cli.command.unwrap_or(Cmd::Run))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn execute(cmd: Cmd) -> anyhow::Result<()> {
    let database_url = config::database_url(&|k| std::env::var(k).ok());
    match cmd {
        Cmd::Run => {
            let config = config::Config::from_env()?;
            telegram::run(config, shutdown_signal()).await
        }
        #[cfg(feature = "console")]
        Cmd::Console { db, demo, script } => {
            pesanlokal::console::run(pesanlokal::console::Options { db, demo, script }).await
        }
        Cmd::Migrate => {
            store::open(&database_url).await?.close().await;
            println!("database ready: {database_url}");
            Ok(())
        }
        Cmd::DemoData => {
            let pool = store::open(&database_url).await?;
            let (producers, staff) = store::demo::load(&pool, Clock::system().now()).await?;
            pool.close().await;
            println!("demo data loaded: {producers} producers, {staff} staff (East Kalimantan)");
            Ok(())
        }
        Cmd::Admin {
            action: AdminCmd::Add { id },
        } => {
            if id <= 0 {
                anyhow::bail!("a Telegram user id is a positive number");
            }
            let pool = store::open(&database_url).await?;
            let before = store::users::ensure_admin(&pool, id, Clock::system().now()).await?;
            pool.close().await;
            match before {
                Some(role) if role != pesanlokal::domain::Role::Admin => {
                    println!("user {id} was {role:?} and is now an admin")
                }
                _ => println!("user {id} is an admin"),
            }
            Ok(())
        }
        Cmd::Backup { path } => {
            let pool = store::open(&database_url).await?;
            store::backup(&pool, &path).await?;
            pool.close().await;
            println!("backup written to {path}");
            Ok(())
        }
        Cmd::ImportProducers { file, dry_run } => {
            // The file is checked before the database is opened: a file
            // that cannot be read or has a wrong header changes nothing.
            let input = File::open(&file)
                .with_context(|| format!("berkas {} tidak bisa dibaca", file.display()))?;
            let parsed = producer_csv::parse(BufReader::new(input), Regions::embedded())
                .with_context(|| format!("berkas {} ditolak", file.display()))?;
            let pool = store::open(&database_url).await?;
            let report =
                store::import::import_producers(&pool, &parsed, dry_run, Clock::system().now())
                    .await?;
            pool.close().await;
            println!(
                "ditambah: {}, diperbarui: {}, tidak berubah: {}, ditolak: {}",
                report.added,
                report.updated,
                report.unchanged,
                report.rejected.len()
            );
            for rejected in &report.rejected {
                println!("{rejected}");
            }
            if dry_run {
                println!("--dry-run: tidak ada yang disimpan");
            }
            Ok(())
        }
        Cmd::ExportProducers { file } => {
            let pool = store::open(&database_url).await?;
            let records = store::import::export_producers(&pool).await?;
            pool.close().await;
            let output = File::create(&file)
                .with_context(|| format!("berkas {} tidak bisa ditulis", file.display()))?;
            producer_csv::write(BufWriter::new(output), &records, Regions::embedded())
                .with_context(|| format!("berkas {} tidak bisa ditulis", file.display()))?;
            println!("{} produsen ditulis ke {}", records.len(), file.display());
            Ok(())
        }
        #[cfg(feature = "console")]
        Cmd::Bench {
            what:
                BenchCmd::Search {
                    producers,
                    queries,
                    db,
                    seed,
                },
        } => {
            let opts = bench::SearchOptions {
                producers,
                queries,
                db,
                seed,
            };
            let report = bench::run_search(&opts).await?;
            println!("{}", report.markdown());
            Ok(())
        }
        #[cfg(feature = "console")]
        Cmd::Bench {
            what: BenchCmd::Outbox { recipients, rate },
        } => {
            let opts = bench::outbox::OutboxOptions { recipients, rate };
            let report = bench::outbox::run_outbox(&opts).await?;
            println!("{}", report.markdown());
            Ok(())
        }
        #[cfg(feature = "console")]
        Cmd::Bench {
            what: BenchCmd::Import { rows, seed },
        } => {
            let report = bench::run_import(&bench::ImportOptions { rows, seed }).await?;
            println!("{}", report.markdown());
            Ok(())
        }
    }
}

/// Resolves on SIGTERM (systemd, containers) or Ctrl-C.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {},
                    _ = tokio::signal::ctrl_c() => {},
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
