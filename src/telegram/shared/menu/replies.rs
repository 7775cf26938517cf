//! The descriptions of the commands in Telegram's menu.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use crate::telegram::shared::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    CmdStart,
    CmdBantuan,
    CmdDaftar,
    CmdProfil,
    CmdBahasa,
    CmdBatal,
    CmdVerifikasi,
    CmdCari,
    CmdProduk,
    CmdLibur,
    CmdMinta,
    CmdPermintaan,
    CmdPesanan,
    CmdAcara,
    CmdSiaran,
}

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::CmdStart => fl!(l, "cmd-start"),
            Reply::CmdBantuan => fl!(l, "cmd-bantuan"),
            Reply::CmdDaftar => fl!(l, "cmd-daftar"),
            Reply::CmdProfil => fl!(l, "cmd-profil"),
            Reply::CmdBahasa => fl!(l, "cmd-bahasa"),
            Reply::CmdBatal => fl!(l, "cmd-batal"),
            Reply::CmdVerifikasi => fl!(l, "cmd-verifikasi"),
            Reply::CmdCari => fl!(l, "cmd-cari"),
            Reply::CmdProduk => fl!(l, "cmd-produk"),
            Reply::CmdLibur => fl!(l, "cmd-libur"),
            Reply::CmdMinta => fl!(l, "cmd-minta"),
            Reply::CmdPermintaan => fl!(l, "cmd-permintaan"),
            Reply::CmdPesanan => fl!(l, "cmd-pesanan"),
            Reply::CmdAcara => fl!(l, "cmd-acara"),
            Reply::CmdSiaran => fl!(l, "cmd-siaran"),
        }
    }
}
