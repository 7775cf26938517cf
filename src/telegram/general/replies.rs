//! What the general room says: /start, /bantuan, /profil, /bahasa, /batal,
//! muting announcements, and the hint in an idle chat.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::domain::{AccountStatus, Role};
use crate::telegram::registration::replies::{ProducerView, Reply as Registration, StaffView};
use crate::telegram::shared::replies::Common;
use crate::telegram::shared::text::Text;

#[derive(Debug, Clone)]
pub enum Reply {
    WelcomeBack {
        name: String,
        role: Role,
        status: AccountStatus,
    },
    StartAdmin {
        name: String,
    },
    ProfileNone,
    ProfileProducer {
        view: ProducerView,
        status: AccountStatus,
    },
    ProfileStaff {
        view: StaffView,
        status: AccountStatus,
    },
    ProfileAdmin,
    Help(Option<Role>),
    LangChoose,
    LangChanged,
    BtnLangId,
    BtnLangEn,
    CancelNothing,
    IdleHint,
    ProfileMuted(bool),
    BtnMute(bool),
    MuteChanged(bool),
    // @variants
}

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        let status = |s: &AccountStatus| Registration::Status(*s).render(l);
        match self {
            Reply::WelcomeBack {
                name,
                role,
                status: s,
            } => fl!(
                l,
                "start-welcome-back",
                name = escape(name),
                role = Common::RoleName(*role).render(l),
                status = status(s)
            ),
            Reply::StartAdmin { name } => fl!(l, "start-admin", name = escape(name)),
            Reply::ProfileNone => fl!(l, "profile-none"),
            Reply::ProfileProducer { view, status: s } => {
                let mut args = view.args();
                args.insert("status", status(s));
                fl!(l, "profile-producer", args)
            }
            Reply::ProfileStaff { view, status: s } => {
                let mut args = view.args();
                args.insert("status", status(s));
                fl!(l, "profile-staff", args)
            }
            Reply::ProfileAdmin => fl!(l, "profile-admin"),
            Reply::Help(role) => match role {
                None => fl!(l, "help-guest"),
                Some(Role::Producer) => fl!(l, "help-producer"),
                Some(Role::Staff) => fl!(l, "help-staff"),
                Some(Role::Admin) => fl!(l, "help-admin"),
            },
            Reply::LangChoose => fl!(l, "lang-choose"),
            Reply::LangChanged => fl!(l, "lang-changed"),
            Reply::BtnLangId => fl!(l, "btn-lang-id"),
            Reply::BtnLangEn => fl!(l, "btn-lang-en"),
            Reply::CancelNothing => fl!(l, "cancel-nothing"),
            Reply::IdleHint => fl!(l, "idle-hint"),
            Reply::ProfileMuted(true) => fl!(l, "profile-muted"),
            Reply::ProfileMuted(false) => fl!(l, "profile-not-muted"),
            Reply::BtnMute(true) => fl!(l, "btn-mute"),
            Reply::BtnMute(false) => fl!(l, "btn-unmute"),
            Reply::MuteChanged(true) => fl!(l, "mute-done"),
            Reply::MuteChanged(false) => fl!(l, "unmute-done"),
            // @arms
        }
    }
}
