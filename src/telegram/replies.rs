//! The reply catalogue: everything the bot says, as typed values, mapped to
//! Fluent message ids in one place. `fl!` checks each id against the
//! Indonesian reference at compile time; the locale tests check English.
//! User-supplied text is escaped for HTML here, and only here.

use crate::telegram::shared::replies::Common;
use crate::telegram::shared::text::Text as _;
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::domain::{AccountStatus, Category, Role};
use crate::store::accounts::{ProducerProfile, StaffProfile};

pub use super::shared::format::{
    count, date_text, datetime_text, region_name, rupiah, shorten, zone_of,
};
use super::state::{ProducerDraft, StaffDraft};

/// A producer's details, formatted for one language and escaped.
#[derive(Debug, Clone)]
pub struct ProducerView {
    pub name: String,
    pub region: String,
    pub categories: String,
    pub products: String,
    pub capacity: String,
    pub lead: String,
    pub min_order: String,
    pub halal: String,
    pub nib: String,
    pub phone: String,
}

#[derive(Debug, Clone)]
pub struct StaffView {
    pub name: String,
    pub office: String,
    pub region: String,
}

#[derive(Debug, Clone)]
pub enum Reply {
    /// A reply every room uses.
    Common(Common),
    /// A sentence of the request room (the event flow shares them).
    Requests(crate::telegram::requests::replies::Reply),
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
    Greeting {
        name: String,
    },
    WelcomeBack {
        name: String,
        role: Role,
        status: AccountStatus,
    },
    StartAdmin {
        name: String,
    },
    BtnRoleProducer,
    BtnRoleStaff,
    InviteInvalid,
    ProducerIntro,
    AskBusinessName,
    AskRegion,
    AskCategories,
    CategoriesNone,
    AskProducts,
    AskCapacity,
    AskLeadDays,
    AskMinOrder,
    AskHalal,
    AskNib,
    AskPhone,
    PhoneSaved,
    StaffIntro,
    StaffInviteIntro {
        office: String,
        region: String,
    },
    AskFullName,
    AskOffice,
    AskStaffRegion,
    ProducerSummary(ProducerView),
    StaffSummary(StaffView),
    FieldLabel(FieldLabel),
    Submitted,
    ApprovedByInvite {
        office: String,
    },
    RegCancelled,
    AlreadyPending,
    AlreadyApproved {
        role: Role,
    },
    AdminNoRegister,
    PhoneTaken,
    NibTaken,
    RoleTaken {
        role: Role,
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
    Status(AccountStatus),
    CmdAcara,
    EvStaffOnly,
    EvAskName,
    EvAskNeed,
    EvAskDate,
    EvNeedUnclear,
    EvNameTooLong,
    EvSummary {
        name: String,
        need: String,
        date: String,
        place: String,
        count: usize,
    },
    EvLastDayAhead {
        last: String,
    },
    EvLastDayToday,
    EvLastDayPast {
        last: String,
    },
    BtnSave,
    EvSaved {
        count: usize,
        nudge: String,
    },
    EvSavedNow {
        count: usize,
    },
    EvHeadsUp {
        office: String,
        name: String,
        need: String,
        place: String,
        date: String,
    },
    BtnReady,
    EvReadyNoted {
        name: String,
    },
    EvReadyAlready,
    EvNudge {
        name: String,
        date: String,
        need: String,
        place: String,
        ready: usize,
    },
    BtnMakeRequest,
    EvListHeader,
    EvListItem {
        name: String,
        date: String,
        need: String,
        place: String,
        last: String,
        told: i64,
        ready: usize,
        names: String,
    },
    EvListRequested {
        id: i64,
    },
    BtnNewEvent,
    BtnRequestFor {
        name: String,
    },
    EvAlreadyRequested,
    // Broadcasts (/siaran) and muting them in /profil.
    CmdSiaran,
    BcAskMessage,
    BcEmpty,
    BcTooLong {
        limit: usize,
        length: usize,
    },
    BcAskAudience,
    BtnBcEveryone,
    BtnBcProducers,
    BtnBcStaff,
    BtnBcRegions,
    BtnBcCategories,
    BcAskRegions,
    BcRegionsChosen {
        regions: Vec<String>,
    },
    BcAskCategories,
    BcChooseFirst,
    BcPreviewHead,
    BcPreview {
        audience: crate::domain::broadcast::Audience,
        counts: crate::store::broadcasts::Counts,
    },
    BtnBcSend,
    BtnBcSendUrgent,
    BcNobody,
    BcProgress {
        id: i64,
        total: i64,
        tally: crate::store::outbox::Tally,
    },
    BcDone {
        id: i64,
        total: i64,
        tally: crate::store::outbox::Tally,
    },
    ProfileMuted(bool),
    BtnMute(bool),
    MuteChanged(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldLabel {
    BusinessName,
    Region,
    Categories,
    Products,
    Capacity,
    LeadDays,
    MinOrder,
    Halal,
    Nib,
    Phone,
    FullName,
    Office,
}

impl Reply {
    pub fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::Common(c) => c.render(l),
            Reply::Requests(r) => r.render(l),
            Reply::CmdStart => fl!(l, "cmd-start"),
            Reply::CmdBantuan => fl!(l, "cmd-bantuan"),
            Reply::CmdDaftar => fl!(l, "cmd-daftar"),
            Reply::CmdProfil => fl!(l, "cmd-profil"),
            Reply::CmdBahasa => fl!(l, "cmd-bahasa"),
            Reply::CmdBatal => fl!(l, "cmd-batal"),
            Reply::CmdVerifikasi => fl!(l, "cmd-verifikasi"),
            Reply::CmdCari => fl!(l, "cmd-cari"),
            Reply::CmdMinta => fl!(l, "cmd-minta"),
            Reply::CmdPermintaan => fl!(l, "cmd-permintaan"),
            Reply::CmdPesanan => fl!(l, "cmd-pesanan"),
            Reply::CmdProduk => fl!(l, "cmd-produk"),
            Reply::CmdLibur => fl!(l, "cmd-libur"),
            Reply::Greeting { name } => fl!(l, "start-greeting", name = escape(name)),
            Reply::WelcomeBack { name, role, status } => fl!(
                l,
                "start-welcome-back",
                name = escape(name),
                role = Common::RoleName(*role).render(l),
                status = Reply::Status(*status).render(l)
            ),
            Reply::StartAdmin { name } => fl!(l, "start-admin", name = escape(name)),
            Reply::BtnRoleProducer => fl!(l, "btn-role-producer"),
            Reply::BtnRoleStaff => fl!(l, "btn-role-staff"),
            Reply::InviteInvalid => fl!(l, "invite-invalid"),
            Reply::ProducerIntro => fl!(l, "reg-producer-intro"),
            Reply::AskBusinessName => fl!(l, "reg-ask-business-name"),
            Reply::AskRegion => fl!(l, "reg-ask-region"),
            Reply::AskCategories => fl!(l, "reg-ask-categories"),
            Reply::CategoriesNone => fl!(l, "reg-categories-none"),
            Reply::AskProducts => fl!(l, "reg-ask-products"),
            Reply::AskCapacity => fl!(l, "reg-ask-capacity"),
            Reply::AskLeadDays => fl!(l, "reg-ask-lead-days"),
            Reply::AskMinOrder => fl!(l, "reg-ask-min-order"),
            Reply::AskHalal => fl!(l, "reg-ask-halal"),
            Reply::AskNib => fl!(l, "reg-ask-nib"),
            Reply::AskPhone => fl!(l, "reg-ask-phone"),
            Reply::PhoneSaved => fl!(l, "reg-phone-saved"),
            Reply::StaffIntro => fl!(l, "reg-staff-intro"),
            Reply::StaffInviteIntro { office, region } => fl!(
                l,
                "reg-staff-invite-intro",
                office = escape(office),
                region = escape(region)
            ),
            Reply::AskFullName => fl!(l, "reg-ask-full-name"),
            Reply::AskOffice => fl!(l, "reg-ask-office"),
            Reply::AskStaffRegion => fl!(l, "reg-ask-staff-region"),
            Reply::ProducerSummary(v) => fl!(l, "reg-summary-producer", v.args()),
            Reply::StaffSummary(v) => fl!(l, "reg-summary-staff", v.args()),
            Reply::FieldLabel(f) => match f {
                FieldLabel::BusinessName => fl!(l, "field-business-name"),
                FieldLabel::Region => fl!(l, "field-region"),
                FieldLabel::Categories => fl!(l, "field-categories"),
                FieldLabel::Products => fl!(l, "field-products"),
                FieldLabel::Capacity => fl!(l, "field-capacity"),
                FieldLabel::LeadDays => fl!(l, "field-lead-days"),
                FieldLabel::MinOrder => fl!(l, "field-min-order"),
                FieldLabel::Halal => fl!(l, "field-halal"),
                FieldLabel::Nib => fl!(l, "field-nib"),
                FieldLabel::Phone => fl!(l, "field-phone"),
                FieldLabel::FullName => fl!(l, "field-full-name"),
                FieldLabel::Office => fl!(l, "field-office"),
            },
            Reply::Submitted => fl!(l, "reg-submitted"),
            Reply::ApprovedByInvite { office } => {
                fl!(l, "reg-approved-by-invite", office = escape(office))
            }
            Reply::RegCancelled => fl!(l, "reg-cancelled"),
            Reply::AlreadyPending => fl!(l, "reg-already-pending"),
            Reply::AlreadyApproved { role } => fl!(
                l,
                "reg-already-approved",
                role = Common::RoleName(*role).render(l)
            ),
            Reply::AdminNoRegister => fl!(l, "reg-admin-no-register"),
            Reply::PhoneTaken => fl!(l, "err-phone-taken"),
            Reply::NibTaken => fl!(l, "err-nib-taken"),
            Reply::RoleTaken { role } => {
                fl!(
                    l,
                    "err-role-taken",
                    role = Common::RoleName(*role).render(l)
                )
            }
            Reply::ProfileNone => fl!(l, "profile-none"),
            Reply::ProfileProducer { view: v, status } => {
                let mut args = v.args();
                args.insert("status", Reply::Status(*status).render(l));
                fl!(l, "profile-producer", args)
            }
            Reply::ProfileStaff { view: v, status } => {
                let mut args = v.args();
                args.insert("status", Reply::Status(*status).render(l));
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
            Reply::Status(s) => match s {
                AccountStatus::New => fl!(l, "status-new"),
                AccountStatus::Pending => fl!(l, "status-pending"),
                AccountStatus::Approved => fl!(l, "status-approved"),
                AccountStatus::Rejected => fl!(l, "status-rejected"),
            },
            Reply::CmdAcara => fl!(l, "cmd-acara"),
            Reply::EvStaffOnly => fl!(l, "ev-staff-only"),
            Reply::EvAskName => fl!(l, "ev-ask-name"),
            Reply::EvAskNeed => fl!(l, "ev-ask-need"),
            Reply::EvAskDate => fl!(l, "ev-ask-date"),
            Reply::EvNeedUnclear => fl!(l, "ev-need-unclear"),
            Reply::EvNameTooLong => fl!(l, "ev-name-too-long"),
            Reply::EvSummary {
                name,
                need,
                date,
                place,
                count,
            } => fl!(
                l,
                "ev-summary",
                name = escape(name),
                need = escape(need),
                date = date.clone(),
                place = escape(place),
                count = count.to_string()
            ),
            Reply::EvLastDayAhead { last } => fl!(l, "ev-last-day-ahead", last = last.clone()),
            Reply::EvLastDayToday => fl!(l, "ev-last-day-today"),
            Reply::EvLastDayPast { last } => fl!(l, "ev-last-day-past", last = last.clone()),
            Reply::BtnSave => fl!(l, "btn-save"),
            Reply::EvSaved { count, nudge } => fl!(
                l,
                "ev-saved",
                count = count.to_string(),
                nudge = nudge.clone()
            ),
            Reply::EvSavedNow { count } => fl!(l, "ev-saved-now", count = count.to_string()),
            Reply::EvHeadsUp {
                office,
                name,
                need,
                place,
                date,
            } => fl!(
                l,
                "ev-heads-up",
                office = escape(office),
                name = escape(name),
                need = escape(need),
                place = escape(place),
                date = date.clone()
            ),
            Reply::BtnReady => fl!(l, "btn-ready"),
            Reply::EvReadyNoted { name } => fl!(l, "ev-ready-noted", name = escape(name)),
            Reply::EvReadyAlready => fl!(l, "ev-ready-already"),
            Reply::EvNudge {
                name,
                date,
                need,
                place,
                ready,
            } => fl!(
                l,
                "ev-nudge",
                name = escape(name),
                date = date.clone(),
                need = escape(need),
                place = escape(place),
                ready = ready.to_string()
            ),
            Reply::BtnMakeRequest => fl!(l, "btn-make-request"),
            Reply::EvListHeader => fl!(l, "ev-list-header"),
            Reply::EvListItem {
                name,
                date,
                need,
                place,
                last,
                told,
                ready,
                names,
            } => fl!(
                l,
                "ev-list-item",
                name = escape(name),
                date = date.clone(),
                need = escape(need),
                place = escape(place),
                last = last.clone(),
                told = told.to_string(),
                ready = ready.to_string(),
                names = escape(names)
            ),
            Reply::EvListRequested { id } => fl!(l, "ev-list-requested", id = id.to_string()),
            Reply::BtnNewEvent => fl!(l, "btn-new-event"),
            Reply::BtnRequestFor { name } => {
                fl!(l, "btn-request-for", name = shorten(name, 30))
            }
            Reply::EvAlreadyRequested => fl!(l, "ev-already-requested"),
            Reply::CmdSiaran => fl!(l, "cmd-siaran"),
            Reply::BcAskMessage => fl!(l, "bc-ask-message"),
            Reply::BcEmpty => fl!(l, "bc-empty"),
            Reply::BcTooLong { limit, length } => fl!(
                l,
                "bc-too-long",
                limit = count(*limit as i64),
                length = count(*length as i64)
            ),
            Reply::BcAskAudience => fl!(l, "bc-ask-audience"),
            Reply::BtnBcEveryone => fl!(l, "btn-bc-everyone"),
            Reply::BtnBcProducers => fl!(l, "btn-bc-producers"),
            Reply::BtnBcStaff => fl!(l, "btn-bc-staff"),
            Reply::BtnBcRegions => fl!(l, "btn-bc-regions"),
            Reply::BtnBcCategories => fl!(l, "btn-bc-categories"),
            Reply::BcAskRegions => fl!(l, "bc-ask-regions"),
            Reply::BcRegionsChosen { regions } => {
                fl!(l, "bc-regions-chosen", regions = regions_text(regions))
            }
            Reply::BcAskCategories => fl!(l, "bc-ask-categories"),
            Reply::BcChooseFirst => fl!(l, "bc-choose-first"),
            Reply::BcPreviewHead => fl!(l, "bc-preview-head"),
            Reply::BcPreview { audience, counts } => {
                use crate::domain::broadcast::Group;
                let mut who = vec![match audience.group {
                    Group::Everyone if !audience.categories.is_empty() => {
                        fl!(l, "btn-bc-producers")
                    }
                    Group::Everyone => fl!(l, "btn-bc-everyone"),
                    Group::Producers => fl!(l, "btn-bc-producers"),
                    Group::Staff => fl!(l, "btn-bc-staff"),
                }];
                if !audience.regencies.is_empty() {
                    who.push(regions_text(&audience.regencies));
                }
                if !audience.categories.is_empty() {
                    who.push(categories_text(l, &audience.categories));
                }
                fl!(
                    l,
                    "bc-preview",
                    audience = who.join(" · "),
                    total = count(counts.recipients()),
                    producers = count(counts.producers),
                    staff = count(counts.staff),
                    muted = count(counts.muted),
                    blocked = count(counts.blocked)
                )
            }
            Reply::BtnBcSend => fl!(l, "btn-bc-send"),
            Reply::BtnBcSendUrgent => fl!(l, "btn-bc-send-urgent"),
            Reply::BcNobody => fl!(l, "bc-nobody"),
            Reply::BcProgress { id, total, tally } => fl!(
                l,
                "bc-progress",
                id = id.to_string(),
                total = count(*total),
                sent = count(tally.sent),
                failed = count(tally.failed),
                blocked = count(tally.blocked),
                left = count(tally.left)
            ),
            Reply::BcDone { id, total, tally } => fl!(
                l,
                "bc-done",
                id = id.to_string(),
                total = count(*total),
                sent = count(tally.sent),
                failed = count(tally.failed),
                blocked = count(tally.blocked)
            ),
            Reply::ProfileMuted(true) => fl!(l, "profile-muted"),
            Reply::ProfileMuted(false) => fl!(l, "profile-not-muted"),
            Reply::BtnMute(true) => fl!(l, "btn-mute"),
            Reply::BtnMute(false) => fl!(l, "btn-unmute"),
            Reply::MuteChanged(true) => fl!(l, "mute-done"),
            Reply::MuteChanged(false) => fl!(l, "unmute-done"),
        }
    }
}

/// Regency names for a list of codes, escaped.
fn regions_text(codes: &[String]) -> String {
    let names: Vec<String> = codes.iter().map(|c| region_name(c, None)).collect();
    escape(&names.join(", "))
}

/// An admin's announcement as its recipients see it: their words, escaped
/// for HTML (entities are not kept).
pub fn announcement(text: &str) -> String {
    escape(text)
}

fn yes_no(l: &FluentLanguageLoader, v: Option<bool>) -> String {
    match v {
        Some(true) => fl!(l, "value-yes"),
        Some(false) => fl!(l, "value-no"),
        None => fl!(l, "value-none"),
    }
}

fn or_dash(l: &FluentLanguageLoader, v: Option<String>) -> String {
    v.map(|s| escape(&s))
        .unwrap_or_else(|| fl!(l, "value-none"))
}

fn categories_text(l: &FluentLanguageLoader, cats: &[Category]) -> String {
    if cats.is_empty() {
        return fl!(l, "value-none");
    }
    cats.iter()
        .map(|c| Common::Category(*c).render(l))
        .collect::<Vec<_>>()
        .join(", ")
}

fn products_text(l: &FluentLanguageLoader, products: &[String]) -> String {
    if products.is_empty() {
        return fl!(l, "value-none");
    }
    escape(&products.join(", "))
}

impl ProducerView {
    pub fn from_draft(l: &FluentLanguageLoader, d: &ProducerDraft) -> ProducerView {
        ProducerView {
            name: or_dash(l, d.business_name.clone()),
            region: or_dash(
                l,
                d.regency
                    .as_deref()
                    .map(|r| region_name(r, d.district.as_deref())),
            ),
            categories: categories_text(l, &d.categories),
            products: products_text(l, &d.products),
            capacity: or_dash(l, d.capacity.map(|c| c.to_string())),
            lead: or_dash(l, d.lead_days.map(|c| c.to_string())),
            min_order: or_dash(l, d.min_order.map(|c| c.to_string())),
            halal: yes_no(l, d.halal),
            nib: or_dash(l, d.nib.clone()),
            phone: or_dash(l, d.phone.clone()),
        }
    }

    pub fn from_profile(l: &FluentLanguageLoader, p: &ProducerProfile) -> ProducerView {
        ProducerView {
            name: escape(&p.business_name),
            region: escape(&region_name(p.regency.as_str(), p.district.as_deref())),
            categories: categories_text(l, &p.categories),
            products: products_text(l, &p.products),
            capacity: p.daily_capacity.to_string(),
            lead: p.min_lead_days.to_string(),
            min_order: p.min_order.to_string(),
            halal: yes_no(l, Some(p.halal)),
            nib: or_dash(l, p.nib.clone()),
            phone: or_dash(l, p.phone.clone()),
        }
    }
}

impl StaffView {
    pub fn from_draft(l: &FluentLanguageLoader, d: &StaffDraft) -> StaffView {
        StaffView {
            name: or_dash(l, d.full_name.clone()),
            office: or_dash(l, d.office.clone()),
            region: or_dash(l, d.regency.as_deref().map(|r| region_name(r, None))),
        }
    }

    pub fn from_profile(p: &StaffProfile) -> StaffView {
        StaffView {
            name: escape(&p.full_name),
            office: escape(&p.office_name),
            region: escape(&region_name(p.regency.as_str(), None)),
        }
    }
}

impl super::shared::text::Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        Reply::render(self, l)
    }
}

impl From<Common> for Reply {
    fn from(c: Common) -> Reply {
        Reply::Common(c)
    }
}

impl From<crate::telegram::requests::replies::Reply> for Reply {
    fn from(r: crate::telegram::requests::replies::Reply) -> Reply {
        Reply::Requests(r)
    }
}

/// Fluent arguments: the producer's details, for the summary, the admin's
/// card and the profile alike.
pub type Args = std::collections::HashMap<&'static str, String>;

impl ProducerView {
    pub fn args(&self) -> Args {
        [
            ("name", &self.name),
            ("region", &self.region),
            ("categories", &self.categories),
            ("products", &self.products),
            ("capacity", &self.capacity),
            ("lead", &self.lead),
            ("min_order", &self.min_order),
            ("halal", &self.halal),
            ("nib", &self.nib),
            ("phone", &self.phone),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.clone()))
        .collect()
    }
}

impl StaffView {
    pub fn args(&self) -> Args {
        [
            ("name", &self.name),
            ("office", &self.office),
            ("region", &self.region),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.clone()))
        .collect()
    }
}
