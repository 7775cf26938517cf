//! The commands of features not yet in a room of their own.

use super::super::commands::Command;
use super::super::out::Out;
use super::{Caller, Dlg, HandlerResult};

pub async fn command(out: Out, dialogue: Dlg, caller: Caller, cmd: Command) -> HandlerResult {
    match cmd {
        Command::Minta(text) => super::request::start(&out, &dialogue, &caller, &text, None).await,
        Command::Permintaan => super::quote::list(&out, &caller).await,
        Command::Pesanan => super::orders::list(&out, &caller).await,
    }
}
