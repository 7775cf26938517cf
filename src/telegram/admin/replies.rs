//! What the admin room says: verification cards and decisions, invites.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::domain::AccountStatus;

use crate::telegram::registration::replies::{ProducerView, Reply as Registration, StaffView};
use crate::telegram::shared::replies::{Common, holds_common};
use crate::telegram::shared::text::Text;

#[derive(Debug, Clone)]
pub enum Reply {
    /// A reply every room uses.
    Common(Common),
    AdminCardProducer(ProducerView),
    AdminCardStaff(StaffView),
    BtnApprove,
    BtnReject,
    DecidedApproved {
        admin: String,
    },
    DecidedRejected {
        admin: String,
    },
    AlreadyDecided {
        status: AccountStatus,
    },
    VerifyNone,
    VerifyCount {
        total: i64,
        shown: usize,
    },
    BtnNewInvite,
    InviteAskOffice,
    InviteAskRegion,
    InviteCreated {
        office: String,
        region: String,
        link: String,
        days: i64,
    },
    DecisionApprovedProducer {
        name: String,
    },
    DecisionApprovedStaff,
    DecisionRejected,
    // @variants
}

holds_common!(Reply);

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::AdminCardProducer(v) => fl!(l, "admin-card-producer", v.args()),
            Reply::AdminCardStaff(v) => fl!(l, "admin-card-staff", v.args()),
            Reply::BtnApprove => fl!(l, "btn-approve"),
            Reply::BtnReject => fl!(l, "btn-reject"),
            Reply::DecidedApproved { admin } => {
                fl!(l, "admin-decided-approved", admin = escape(admin))
            }
            Reply::DecidedRejected { admin } => {
                fl!(l, "admin-decided-rejected", admin = escape(admin))
            }
            Reply::AlreadyDecided { status } => fl!(
                l,
                "admin-already-decided",
                status = Registration::Status(*status).render(l)
            ),
            Reply::VerifyNone => fl!(l, "verify-none"),
            Reply::VerifyCount { total, shown } => {
                fl!(
                    l,
                    "verify-count",
                    total = total.to_string(),
                    shown = shown.to_string()
                )
            }
            Reply::BtnNewInvite => fl!(l, "btn-new-invite"),
            Reply::InviteAskOffice => fl!(l, "invite-ask-office"),
            Reply::InviteAskRegion => fl!(l, "invite-ask-region"),
            Reply::InviteCreated {
                office,
                region,
                link,
                days,
            } => fl!(
                l,
                "invite-created",
                office = escape(office),
                region = escape(region),
                link = escape(link),
                days = days.to_string()
            ),
            Reply::DecisionApprovedProducer { name } => {
                fl!(l, "decision-approved-producer", name = escape(name))
            }
            Reply::DecisionApprovedStaff => fl!(l, "decision-approved-staff"),
            Reply::DecisionRejected => fl!(l, "decision-rejected"),
            Reply::Common(c) => c.render(l),
            // @arms
        }
    }
}
