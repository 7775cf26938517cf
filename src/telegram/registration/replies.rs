//! What the registration says: the greeting with the role choice, the
//! producer's and the staff member's questions, summaries and outcomes,
//! and the views of a producer's and a staff member's details that the
//! admin's card and /profil show too.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::domain::{AccountStatus, Role};
use crate::store::accounts::{ProducerProfile, StaffProfile};
use crate::telegram::shared::format::region_name;
use crate::telegram::shared::replies::{Common, categories_text, products_text};
use crate::telegram::shared::text::{Args, Text, args};
use crate::telegram::state::{ProducerDraft, ProducerStep, StaffDraft, StaffStep};

#[derive(Debug, Clone)]
pub enum Reply {
    Greeting {
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
    /// The label of a producer's answer on the "which field?" keyboard.
    ProducerField(ProducerStep),
    /// The label of a staff member's answer.
    StaffField(StaffStep),
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
    /// An account's status as a word (new, pending, approved, rejected).
    Status(AccountStatus),
    // @variants
}

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::Greeting { name } => fl!(l, "start-greeting", name = escape(name)),
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
            Reply::ProducerField(step) => match step {
                ProducerStep::BusinessName | ProducerStep::Summary => {
                    fl!(l, "field-business-name")
                }
                ProducerStep::Region => fl!(l, "field-region"),
                ProducerStep::Categories => fl!(l, "field-categories"),
                ProducerStep::Products => fl!(l, "field-products"),
                ProducerStep::Capacity => fl!(l, "field-capacity"),
                ProducerStep::LeadDays => fl!(l, "field-lead-days"),
                ProducerStep::MinOrder => fl!(l, "field-min-order"),
                ProducerStep::Halal => fl!(l, "field-halal"),
                ProducerStep::Nib => fl!(l, "field-nib"),
                ProducerStep::Phone => fl!(l, "field-phone"),
            },
            Reply::StaffField(step) => match step {
                StaffStep::FullName | StaffStep::Summary => fl!(l, "field-full-name"),
                StaffStep::Office => fl!(l, "field-office"),
                StaffStep::Region => fl!(l, "field-region"),
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
            Reply::Status(s) => match s {
                AccountStatus::New => fl!(l, "status-new"),
                AccountStatus::Pending => fl!(l, "status-pending"),
                AccountStatus::Approved => fl!(l, "status-approved"),
                AccountStatus::Rejected => fl!(l, "status-rejected"),
            },
            // @arms
        }
    }
}

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

/// A staff member's details, formatted for one language and escaped.
#[derive(Debug, Clone)]
pub struct StaffView {
    pub name: String,
    pub office: String,
    pub region: String,
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

impl ProducerView {
    pub fn from_draft(l: &FluentLanguageLoader, d: &ProducerDraft) -> ProducerView {
        ProducerView {
            name: or_dash(l, d.business_name.clone()),
            region: or_dash(
                l,
                d.regency
                    .as_ref()
                    .map(|r| region_name(r.as_str(), d.district.as_deref())),
            ),
            categories: categories_text(l, &d.categories),
            products: products_text(l, &d.products),
            capacity: or_dash(l, d.capacity.map(|c| c.to_string())),
            lead: or_dash(l, d.lead_days.map(|c| c.to_string())),
            min_order: or_dash(l, d.min_order.map(|c| c.to_string())),
            halal: yes_no(l, d.halal),
            nib: or_dash(l, d.nib.clone()),
            phone: or_dash(l, d.phone.as_ref().map(|p| p.to_string())),
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

    /// Fluent arguments: the producer's details, for the summary, the
    /// admin's card and the profile alike.
    pub fn args(&self) -> Args {
        args(&[
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
        ])
    }
}

impl StaffView {
    pub fn from_draft(l: &FluentLanguageLoader, d: &StaffDraft) -> StaffView {
        StaffView {
            name: or_dash(l, d.full_name.clone()),
            office: or_dash(l, d.office.clone()),
            region: or_dash(l, d.regency.as_ref().map(|r| region_name(r.as_str(), None))),
        }
    }

    pub fn from_profile(p: &StaffProfile) -> StaffView {
        StaffView {
            name: escape(&p.full_name),
            office: escape(&p.office_name),
            region: escape(&region_name(p.regency.as_str(), None)),
        }
    }

    pub fn args(&self) -> Args {
        args(&[
            ("name", &self.name),
            ("office", &self.office),
            ("region", &self.region),
        ])
    }
}
