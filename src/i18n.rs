//! The widget's texts: keys into a language's catalogue (`locales/<lang>.json`), never the
//! texts themselves. English is compiled in (the engine's `locales/en.json`); another language
//! is a catalogue the host page gives or `embed.js` loads, completed with English where it
//! lacks a key (and reported: `locale_unavailable`). Templates name their values in braces
//! (`{date}`), filled by [`fill_template`]; plural forms are chosen by CLDR category.

use std::rc::Rc;

use crate::engine::text::Catalogue;

pub use crate::engine::text::fill as fill_template;

/// The customer's language: its catalogue, complete (English fills what it lacks). Cheap to
/// clone and to compare (by pointer: a new catalogue is a new language).
#[derive(Clone)]
pub struct Lang {
    /// `None` is English: the engine's compiled-in catalogue, shared, never copied.
    catalogue: Option<Rc<Catalogue>>,
}

impl PartialEq for Lang {
    fn eq(&self, other: &Self) -> bool {
        match (&self.catalogue, &other.catalogue) {
            (None, None) => true,
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.is_english() {
            "Lang(en)"
        } else {
            "Lang(catalogue)"
        })
    }
}

impl Lang {
    /// English, compiled in.
    pub fn english() -> Lang {
        Lang { catalogue: None }
    }

    /// A language from its catalogue, which must be complete (see
    /// [`Catalogue::completed_from`]).
    pub fn from_catalogue(catalogue: Catalogue) -> Lang {
        Lang {
            catalogue: Some(Rc::new(catalogue)),
        }
    }

    pub fn is_english(&self) -> bool {
        self.catalogue.is_none()
    }

    pub fn catalogue(&self) -> &Catalogue {
        self.catalogue
            .as_deref()
            .unwrap_or_else(|| Catalogue::english())
    }

    /// The text of `key` (the `other` form of a plural entry); empty for an unknown key,
    /// which the tests rule out.
    pub fn key(&self, key: &str) -> &str {
        self.catalogue()
            .get(key)
            .map_or("", |entry| entry.form("other"))
    }

    /// The text of `key` for a number whose CLDR plural category is `category`.
    pub fn key_counted(&self, key: &str, category: &str) -> &str {
        self.catalogue()
            .get(key)
            .map_or("", |entry| entry.form(category))
    }

    pub fn text(&self, msg: Msg) -> &str {
        self.key(msg.key())
    }

    /// `text` with its `{name}` placeholders filled. Values are plain text; the view renders
    /// the result as text, so nothing in them is ever read as HTML.
    ///
    /// ```
    /// use order_help::i18n::{Lang, Msg};
    /// assert_eq!(Lang::english().fill(Msg::ReturnLineValue, &[("amount", "$3.00")]), "Value: $3.00");
    /// ```
    pub fn fill(&self, msg: Msg, values: &[(&str, &str)]) -> String {
        fill_template(self.text(msg), values)
    }

    /// `fill`, with the plural form for `category` (CLDR: `one`, `other`, …).
    pub fn fill_counted(&self, msg: Msg, category: &str, values: &[(&str, &str)]) -> String {
        fill_template(self.key_counted(msg.key(), category), values)
    }
}

/// The primary language subtag of a BCP 47 locale (`"de-AT"` → `"de"`), lower-case; `None`
/// for English (compiled in) and for a tag that has none.
///
/// ```
/// use order_help::i18n::language_of;
/// assert_eq!(language_of("de-AT").as_deref(), Some("de"));
/// assert_eq!(language_of("en-US"), None);
/// ```
pub fn language_of(locale: &str) -> Option<String> {
    let primary = locale.split(['-', '_']).next().unwrap_or("").trim();
    let valid =
        (2..=8).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    (valid && !primary.eq_ignore_ascii_case("en")).then(|| primary.to_ascii_lowercase())
}

macro_rules! catalogue {
    ($( $(#[$doc:meta])* $name:ident => $key:literal; )*) => {
        /// A text of the widget's own, by its key in the catalogues (the engine's reasons are
        /// keyed by [`crate::engine::Reason`]).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $( $(#[$doc])* $name, )* }

        impl Msg {
            /// Every message, for the completeness test.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            /// Its key in `locales/*.json`.
            pub fn key(self) -> &'static str {
                match self { $(Msg::$name => $key,)* }
            }
        }
    };
}

catalogue! {
    WidgetLabel => "widget_label";
    OrderHeading => "order_heading";
    /// "Qty 2 · $24.00 · Delivered on …": the line under an item's title.
    ItemMeta => "item_meta";
    /// "Lamp · Qty 2 · $24.00": an item's title, quantity and price (or value) on a step.
    ItemLine => "item_line";
    StatusUnassigned => "status_unassigned";
    StatusPending => "status_pending";
    StatusPreparing => "status_preparing";
    StatusStaged => "status_staged";
    StatusInTransit => "status_in_transit";
    StatusOutForDelivery => "status_out_for_delivery";
    StatusDelivered => "status_delivered";
    StatusRefused => "status_refused";
    StatusReturnedToSender => "status_returned_to_sender";
    StatusCancelled => "status_cancelled";
    CarrierRetailerFleet => "carrier_retailer_fleet";
    BadgeCancel => "badge_cancel";
    BadgeRequest => "badge_request";
    BadgeRefuseAtDoor => "badge_refuse_at_door";
    BadgeRefuseAfter => "badge_refuse_after";
    BadgeReturnBy => "badge_return_by";
    BadgeReturnAfterDelivery => "badge_return_after_delivery";
    BadgeNoLongerReturnable => "badge_no_longer_returnable";
    BadgeNotReturnable => "badge_not_returnable";
    BadgeContactSeller => "badge_contact_seller";
    BadgeNothingToDo => "badge_nothing_to_do";
    BadgeCancelled => "badge_cancelled";
    BadgeCancelRequested => "badge_cancel_requested";
    ItemCancelled => "item_cancelled";
    ItemCancelRequested => "item_cancel_requested";
    CancelOutcomeNumber => "cancel_outcome_number";
    BadgeWithdrawalReceived => "badge_withdrawal_received";
    CountdownLeft => "countdown_left";
    CountdownClosed => "countdown_closed";
    CountdownOpensExpected => "countdown_opens_expected";
    CountdownOpens => "countdown_opens";
    AnnounceDay => "announce_day";
    AnnounceHour => "announce_hour";
    AnnounceTenMinutes => "announce_ten_minutes";
    AnnounceClosed => "announce_closed";
    CancelItems => "cancel_items";
    StepSelect => "step_select";
    StepReason => "step_reason";
    StepReview => "step_review";
    SelectLegend => "select_legend";
    SelectNone => "select_none";
    BundleTogether => "bundle_together";
    ReasonLegend => "reason_legend";
    ReasonOptional => "reason_optional";
    ReasonRequired => "reason_required";
    CommentLabel => "comment_label";
    CommentLabelRequired => "comment_label_required";
    CommentRequired => "comment_required";
    ReviewItems => "review_items";
    ReviewReason => "review_reason";
    /// The reason and the customer's comment on it, in the language's quotation marks.
    ReviewReasonComment => "review_reason_comment";
    ReviewNoReason => "review_no_reason";
    ReviewRefund => "review_refund";
    ReviewTiming => "review_timing";
    ReviewInstant => "review_instant";
    ReviewIsRequest => "review_is_request";
    ReviewSellerApproves => "review_seller_approves";
    Continue => "continue";
    Back => "back";
    RequestCancellation => "request_cancellation";
    Sending => "sending";
    TryAgain => "try_again";
    BackToOrder => "back_to_order";
    OutcomeCancelled => "outcome_cancelled";
    OutcomeCancelledRefund => "outcome_cancelled_refund";
    OutcomeRequested => "outcome_requested";
    OutcomeRequestedBody => "outcome_requested_body";
    OutcomeRequestedWarehouse => "outcome_requested_warehouse";
    OutcomeDeclined => "outcome_declined";
    OutcomeFallback => "outcome_fallback";
    /// An item and what to do instead (the colon is the language's: French spaces it).
    OutcomeFallbackItem => "outcome_fallback_item";
    FallbackRefuseFleet => "fallback_refuse_fleet";
    FallbackRefuseFleetStops => "fallback_refuse_fleet_stops";
    FallbackRefuseCarrier => "fallback_refuse_carrier";
    FallbackRefuseUsps => "fallback_refuse_usps";
    FallbackReturnBy => "fallback_return_by";
    FallbackReturnAfterDelivery => "fallback_return_after_delivery";
    FallbackContactSeller => "fallback_contact_seller";
    FallbackNone => "fallback_none";
    /// A failed request: `{why}` is one of the four below, each true to what is known (only
    /// a request that never left the page "couldn't be sent").
    ErrorKept => "error_kept";
    ErrorTimeout => "error_timeout";
    ErrorRejected => "error_rejected";
    ErrorMalformed => "error_malformed";
    ErrorNoHost => "error_no_host";
    PanelTitle => "panel_title";
    PanelMissingOrder => "panel_missing_order";
    PanelInvalid => "panel_invalid";
    PanelUnreachable => "panel_unreachable";
    PanelNotFound => "panel_not_found";
    PanelStatus => "panel_status";
    PanelTimeout => "panel_timeout";
    PanelPolicy => "panel_policy";
    PanelDetail => "panel_detail";
    ReasonOrderedByMistake => "reason_ordered_by_mistake";
    ReasonArrivingTooLate => "reason_arriving_too_late";
    ReasonWrongAddress => "reason_wrong_address";
    ReasonPaymentIssue => "reason_payment_issue";
    ReasonBetterPrice => "reason_better_price";
    ReasonOther => "reason_other";
    TimingHours => "timing_hours";
    TimingBusinessDays => "timing_business_days";
    ReturnItems => "return_items";
    ReturnStepSelect => "return_step_select";
    ReturnStepReason => "return_step_reason";
    ReturnStepReview => "return_step_review";
    ReturnSelectLegend => "return_select_legend";
    ReturnQuantityLabel => "return_quantity_label";
    ReturnQuantityInvalid => "return_quantity_invalid";
    ReturnReasonLegend => "return_reason_legend";
    ReturnOpenedLegend => "return_opened_legend";
    ReturnOpenedYes => "return_opened_yes";
    ReturnOpenedNo => "return_opened_no";
    ReturnOpenedHint => "return_opened_hint";
    ReturnOpenedRequired => "return_opened_required";
    ReturnLineValue => "return_line_value";
    ReturnLineRefund => "return_line_refund";
    ReturnDeliveryRefund => "return_delivery_refund";
    ReturnReviewReturnBy => "return_review_return_by";
    ReturnReviewEstimate => "return_review_estimate";
    ReturnReviewUnavailable => "return_review_unavailable";
    RequestReturn => "request_return";
    ReturnOutcomeAccepted => "return_outcome_accepted";
    ReturnOutcomeDeclined => "return_outcome_declined";
    ReturnOutcomeDeclinedBody => "return_outcome_declined_body";
    ReturnOutcomeNumber => "return_outcome_number";
    ReturnOutcomeSendBy => "return_outcome_send_by";
    ReturnOutcomeLabel => "return_outcome_label";
    ReturnOutcomeRefund => "return_outcome_refund";
    BadgeReturnRequested => "badge_return_requested";
    ItemReturnRequested => "item_return_requested";
    ErrorNoHostReturn => "error_no_host_return";
    ReasonNoLongerNeeded => "reason_no_longer_needed";
    ReasonArrivedDamaged => "reason_arrived_damaged";
    ReasonWrongItemSent => "reason_wrong_item_sent";
    ReasonNotAsDescribed => "reason_not_as_described";
    ReasonArrivedTooLate => "reason_arrived_too_late";
    /// The withdrawal function (art. 11a of Directive 2011/83/EU): the button's and the
    /// confirmation's labels are the law's own words in each language.
    WithdrawHeading => "withdraw_heading";
    WithdrawButton => "withdraw_button";
    WithdrawLeft => "withdraw_left";
    WithdrawClosed => "withdraw_closed";
    WithdrawAfterDelivery => "withdraw_after_delivery";
    WithdrawDone => "withdraw_done";
    WithdrawFormHeading => "withdraw_form_heading";
    WithdrawFormIntro => "withdraw_form_intro";
    WithdrawOrderNumber => "withdraw_order_number";
    WithdrawItemsLegend => "withdraw_items_legend";
    WithdrawName => "withdraw_name";
    WithdrawEmail => "withdraw_email";
    WithdrawNameMissing => "withdraw_name_missing";
    WithdrawEmailMissing => "withdraw_email_missing";
    WithdrawEmailInvalid => "withdraw_email_invalid";
    WithdrawNoItems => "withdraw_no_items";
    WithdrawConfirm => "withdraw_confirm";
    WithdrawSending => "withdraw_sending";
    WithdrawErrorNoHost => "withdraw_error_no_host";
    WithdrawContact => "withdraw_contact";
    WithdrawOutcomeHeading => "withdraw_outcome_heading";
    WithdrawDeclared => "withdraw_declared";
    WithdrawAckSent => "withdraw_ack_sent";
    WithdrawAckPending => "withdraw_ack_pending";
    /// Parcels as trackers report them (issue 21): the statuses without a carrier's name, the
    /// new states, the tracking link (its accessible name says which parcel), the pickup point,
    /// and what a problem, no information or the way back mean.
    StatusInTransitUnnamed => "status_in_transit_unnamed";
    StatusOutForDeliveryUnnamed => "status_out_for_delivery_unnamed";
    StatusAttemptedDelivery => "status_attempted_delivery";
    StatusAvailableForPickup => "status_available_for_pickup";
    StatusException => "status_exception";
    StatusExceptionCustoms => "status_exception_customs";
    StatusUnknown => "status_unknown";
    StatusReturningToSender => "status_returning_to_sender";
    TrackPackage => "track_package";
    TrackPackageLabel => "track_package_label";
    TrackPackageLabelUnnamed => "track_package_label_unnamed";
    TrackingNumber => "tracking_number";
    LiveTracking => "live_tracking";
    LiveTrackingLabel => "live_tracking_label";
    PickupLocation => "pickup_location";
    PickupCollectBy => "pickup_collect_by";
    PickupNotAWithdrawal => "pickup_not_a_withdrawal";
    BadgeDeclineOrLeave => "badge_decline_or_leave";
    BadgeLeaveUncollected => "badge_leave_uncollected";
    BadgeRefuseNextAttempt => "badge_refuse_next_attempt";
    BadgeDeliveryProblem => "badge_delivery_problem";
    BadgeStatusUnknown => "badge_status_unknown";
    BadgeOnItsWayBack => "badge_on_its_way_back";
    FallbackPickupCounter => "fallback_pickup_counter";
    FallbackPickupLocker => "fallback_pickup_locker";
    FallbackPickup => "fallback_pickup";
    FallbackRefuseNextAttempt => "fallback_refuse_next_attempt";
    ContactStore => "contact_store";
    ProblemCustoms => "problem_customs";
    ProblemActionRequired => "problem_action_required";
    ProblemDamaged => "problem_damaged";
    ProblemLost => "problem_lost";
    ProblemOther => "problem_other";
    UnknownNoInformation => "unknown_no_information";
    UnknownCarrierStatus => "unknown_carrier_status";
    ReturningRetailer => "returning_retailer";
    ReturningMarketplaceSeller => "returning_marketplace_seller";
    // Issue 23: what the customer declared is never lost.
    WithdrawConfirmedAt => "withdraw_confirmed_at";
}

/// The catalogue's label for one of the policy's default cancellation or return reasons, so German
/// customers see them in German; a store's own reasons keep the policy's label.
pub fn default_reason(id: &str) -> Option<Msg> {
    Some(match id {
        "ordered_by_mistake" => Msg::ReasonOrderedByMistake,
        "arriving_too_late" => Msg::ReasonArrivingTooLate,
        "wrong_shipping_address" => Msg::ReasonWrongAddress,
        "payment_issue" => Msg::ReasonPaymentIssue,
        "found_better_price" => Msg::ReasonBetterPrice,
        "other" => Msg::ReasonOther,
        // The default return reasons (`ReturnReason::defaults`) not shared with cancelling.
        "no_longer_needed" => Msg::ReasonNoLongerNeeded,
        "arrived_damaged" => Msg::ReasonArrivedDamaged,
        "wrong_item_sent" => Msg::ReasonWrongItemSent,
        "not_as_described" => Msg::ReasonNotAsDescribed,
        "arrived_too_late" => Msg::ReasonArrivedTooLate,
        _ => return None,
    })
}

/// FIRST STRONG ISOLATE (U+2068): opens an isolate whose direction is its first strong letter's.
pub const FSI: char = '\u{2068}';
/// POP DIRECTIONAL ISOLATE (U+2069): closes the last open isolate.
pub const PDI: char = '\u{2069}';

/// `value` (a string from the order or the host: a title, an id, a seller's name, a message)
/// as a bidirectional isolate (FSI … PDI, Unicode Bidirectional Algorithm, UAX #9), to be put
/// into a sentence built as text: its direction is its own (a Hebrew title reads right to
/// left), and whatever controls it holds (U+202E RIGHT-TO-LEFT OVERRIDE, say) end with it, so
/// it cannot reorder the sentence around it. A PDI in `value` without its own opening isolate
/// would end the isolate early and let the rest loose: it is dropped.
///
/// ```
/// use order_help::i18n::isolate;
/// assert_eq!(isolate("Kettle"), "\u{2068}Kettle\u{2069}");
/// assert_eq!(isolate("a\u{2069}\u{202e}b"), "\u{2068}a\u{202e}b\u{2069}");
/// ```
pub fn isolate(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 6);
    out.push(FSI);
    let mut open = 0u32;
    for c in value.chars() {
        match c {
            // LRI, RLI, FSI: an isolate of the value's own, which its PDI may close.
            '\u{2066}'..='\u{2068}' => open += 1,
            PDI if open == 0 => continue,
            PDI => open -= 1,
            _ => {}
        }
        out.push(c);
    }
    out.push(PDI);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_a_key_of_the_catalogue_and_back() {
        let english = Catalogue::english();
        for &msg in Msg::ALL {
            assert!(
                english.get(msg.key()).is_some(),
                "locales/en.json has no {:?} ({msg:?})",
                msg.key()
            );
        }
        // The widget's keys have no dot (the engine's reasons do); each is a message, or the
        // name of one of the policy's default categories (`category_gift_cards`).
        let defaults: Vec<String> = [
            crate::engine::NON_RETURNABLE_CATEGORIES,
            crate::engine::WITHDRAWAL_EXCLUDED_CATEGORIES,
            crate::engine::WITHDRAWAL_EXCLUDED_WHEN_UNSEALED,
        ]
        .concat()
        .iter()
        .map(|id| format!("category_{id}"))
        .collect();
        // locales/en.json, for translators (the compiled-in English leaves the categories out).
        let en_json = Catalogue::parse(crate::engine::text::ENGLISH_JSON).unwrap();
        for key in en_json.keys().filter(|k| !k.contains('.')) {
            assert!(
                Msg::ALL.iter().any(|m| m.key() == key)
                    || key == "quoted_title"
                    || defaults.iter().any(|d| d == key),
                "locales/en.json: {key:?} is no message of the widget"
            );
        }
        for key in &defaults {
            assert!(en_json.get(key).is_some(), "locales/en.json has no {key:?}");
        }
        assert!(matches!(
            english.get("quoted_title"),
            Some(crate::engine::text::Entry::Text(_))
        ));
    }

    #[test]
    fn locale_tags_choose_the_language() {
        for (tag, lang) in [
            ("de", Some("de")),
            ("de-DE", Some("de")),
            ("DE_ch", Some("de")),
            ("fr-CA", Some("fr")),
            ("es-419", Some("es")),
            ("en-US", None),
            ("", None),
            ("../x", None),
        ] {
            assert_eq!(language_of(tag).as_deref(), lang, "{tag:?}");
        }
    }

    #[test]
    fn an_isolate_cannot_be_closed_from_inside() {
        // The value's own balanced isolates stay; an unbalanced PDI could end ours early.
        assert_eq!(
            isolate("\u{2067}a\u{2069}\u{2069}b"),
            "\u{2068}\u{2067}a\u{2069}b\u{2069}"
        );
        // Overrides and embeddings need no help: our PDI ends them all (UAX #9, X6a).
        assert_eq!(
            isolate("Invoice \u{202e}fdp.exe"),
            "\u{2068}Invoice \u{202e}fdp.exe\u{2069}"
        );
        let filled = Lang::english().fill(
            Msg::OrderHeading,
            &[("id", &isolate("\u{202e}123\u{2069}\u{202e}"))],
        );
        // After our PDI nothing of the value is left: the isolate's end is the sentence's end.
        assert!(filled.ends_with("\u{202e}\u{2069}"), "{filled:?}");
        assert_eq!(filled.matches(PDI).count(), 1, "{filled:?}");
    }

    #[test]
    fn plural_forms_by_category() {
        let en = Lang::english();
        assert_eq!(
            en.fill_counted(Msg::TimingHours, "one", &[("max", "1")]),
            "within 1 hour"
        );
        assert_eq!(
            en.fill_counted(Msg::TimingHours, "other", &[("max", "24")]),
            "within 24 hours"
        );
    }
}
