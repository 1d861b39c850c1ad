//! The engine's sentences ("why") in the customer's language. Other languages translate by the
//! decision's stable code, so a new code that lacks a translation fails to compile rather than
//! showing the wrong sentence. In English the engine's own message is shown, except where it
//! names an instant: the engine writes those in store time for policy authors, the widget in
//! the customer's locale and zone, like every other date it shows; and where it names a string
//! of the order (a seller, a category, a title): the widget's own sentence puts it in as an
//! isolate (see [`super::isolate`]), so the string cannot reorder the sentence.

use super::Lang;
use crate::engine::{CancelCode, RefuseCode, ReturnCode};

/// The specifics a sentence may mention, already formatted for the customer; the order's own
/// strings (`seller`, `category`, `bundle_mates`) already isolated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Specifics {
    pub seller: String,
    /// The quoted titles of the bundle-mates that set a bundle item's verdict ("“A” and “B”").
    pub bundle_mates: String,
    pub carrier: String,
    /// The end of a marketplace grace period.
    pub grace_end: String,
    /// A return deadline (or the expected one).
    pub deadline: String,
    pub stops_away: Option<u32>,
    pub category: String,
    /// The item's quantity, and how many of it can be returned.
    pub quantity: u32,
    pub returnable: u32,
    /// Whether the holiday rule set the deadline.
    pub holiday: bool,
}

impl Specifics {
    /// "it", "all 3", "1 of 3" (as the engine says it).
    fn how_many(&self, lang: Lang) -> String {
        match (lang, self.returnable, self.quantity) {
            (Lang::En, _, 0 | 1) => "it".to_owned(),
            (Lang::En, r, q) if r == q => format!("all {q}"),
            (Lang::En, r, q) => format!("{r} of {q}"),
            (Lang::De, _, 0 | 1) => "ihn".to_owned(),
            (Lang::De, r, q) if r == q => format!("alle {q}"),
            (Lang::De, r, q) => format!("{r} von {q}"),
        }
    }

    fn holiday_note(&self, lang: Lang) -> &'static str {
        match (self.holiday, lang) {
            (false, _) => "",
            (true, Lang::En) => ", thanks to the holiday extension",
            (true, Lang::De) => " (dank der Verlängerung über die Feiertage)",
        }
    }
}

/// Why an item can or cannot be cancelled, in `lang`; `english` is the engine's sentence.
pub fn cancel(lang: Lang, code: CancelCode, english: &str, s: &Specifics) -> String {
    use CancelCode::*;
    match lang {
        Lang::En if code == WithinGracePeriod => format!(
            "You can cancel it yourself until {}; after that the seller must approve a cancellation.",
            s.grace_end
        ),
        Lang::En if code == SellerMustApprove => format!(
            "The seller, {}, must approve a cancellation: you can request one, and it succeeds only if they have not shipped it.",
            s.seller
        ),
        Lang::En if code == BundleRequiresRequest => format!(
            "It was sold in a bundle with {}, which is cancelled together with it and can only be cancelled by request.",
            s.bundle_mates
        ),
        Lang::En if code == BundleNotCancellable => format!(
            "It was sold in a bundle with {}, which is cancelled together with it and can no longer be cancelled.",
            s.bundle_mates
        ),
        Lang::En => english.to_owned(),
        Lang::De => match code {
            NotInShippingProcess => "Der Artikel ist noch nicht im Versand – Sie können ihn jetzt stornieren.".into(),
            WithinGracePeriod => format!(
                "Sie können ihn bis {} selbst stornieren; danach muss der Verkäufer zustimmen.",
                s.grace_end
            ),
            BeingPrepared => "Er wird für den Versand vorbereitet: Sie können eine Stornierung anfragen, sie gelingt aber vielleicht nicht.".into(),
            StagedForShipping => "Er ist verpackt und wartet auf den Abtransport: Sie können eine Stornierung anfragen, und das Lager versucht, ihn zurückzuhalten – ohne Garantie.".into(),
            WithRetailerFleet => "Er ist mit unseren eigenen Fahrern unterwegs: Sie können eine Stornierung der Zustellung anfragen, sie gelingt aber vielleicht nicht.".into(),
            SellerMustApprove => format!(
                "Der Verkäufer, {}, muss einer Stornierung zustimmen: Sie können sie anfragen; sie gelingt nur, wenn er noch nicht versandt hat.",
                s.seller
            ),
            WithCarrier => format!("Er ist bereits bei {}, daher kann er nicht mehr storniert werden.", s.carrier),
            ShippedBySeller => "Der Verkäufer hat ihn bereits versandt, daher kann er nicht mehr storniert werden.".into(),
            OutForDelivery => "Er ist in der Zustellung, daher kann er nicht mehr storniert werden.".into(),
            Delivered => "Er wurde zugestellt, daher kann er nicht mehr storniert werden.".into(),
            AlreadyCancelled => "Er wurde bereits storniert.".into(),
            Refused => "Die Annahme wurde verweigert, es gibt nichts mehr zu stornieren.".into(),
            ReturnedToSender => "Er geht an den Absender zurück, es gibt nichts mehr zu stornieren.".into(),
            BundleRequiresRequest => "Er wurde im Set verkauft, und ein anderer Artikel des Sets ist schon unterwegs: Die Stornierung ist nur als Anfrage möglich.".into(),
            BundleNotCancellable => "Er wurde im Set verkauft, und ein anderer Artikel des Sets kann nicht mehr storniert werden.".into(),
        },
    }
}

/// Why a delivery can or cannot be refused, in `lang`.
pub fn refuse(lang: Lang, code: RefuseCode, english: &str, s: &Specifics) -> String {
    use RefuseCode::*;
    match lang {
        Lang::En => english.to_owned(),
        Lang::De => match code {
            AtDoor => format!(
                "Er ist unterwegs: Sie können die Annahme verweigern, indem Sie es dem Fahrer von {} an der Tür sagen.",
                s.carrier
            ),
            AtDoorLiveMap => match s.stops_away {
                Some(n) if n <= 10 => format!(
                    "Er ist mit unserem Fahrer unterwegs, {n} Stopps entfernt und schon auf der Live-Karte: Verweigern Sie die Annahme an der Tür."
                ),
                Some(n) => format!(
                    "Er ist mit unserem Fahrer unterwegs, {n} Stopps entfernt; ab 10 Stopps zeigt die Sendungsverfolgung eine Live-Karte. Verweigern Sie die Annahme an der Tür."
                ),
                None => "Er ist mit unserem Fahrer unterwegs; ab 10 Stopps zeigt die Sendungsverfolgung eine Live-Karte. Verweigern Sie die Annahme an der Tür.".into(),
            },
            UspsUnopened => "Ungeöffnet können Sie ihn auch nach der Zustellung zurückweisen: Vermerken Sie „Refused“ auf dem Paket und geben Sie es USPS zurück; die Rücksendung ist kostenlos.".into(),
            NotShippedYet => "Er ist noch nicht versandt, es gibt keine Zustellung zu verweigern.".into(),
            DeliveredByOtherCarrier => format!(
                "Er wurde von {} zugestellt; nur USPS nimmt ein zugestelltes, ungeöffnetes Paket zurück.",
                s.carrier
            ),
            Opened => "Er wurde geöffnet und kann daher nicht mehr zurückgewiesen werden.".into(),
            MustRefuseAtDelivery => "Diese USPS-Sendungsart kann nur im Moment der Zustellung verweigert werden.".into(),
            AlreadyRefused => "Die Annahme wurde bereits verweigert.".into(),
            ReturnedToSender => "Er ist bereits auf dem Rückweg zum Absender.".into(),
            ShipmentCancelled => "Die Sendung wurde storniert, es gibt nichts zu verweigern.".into(),
        },
    }
}

/// Whether and until when an item can be returned, in `lang`.
pub fn r#return(lang: Lang, code: ReturnCode, english: &str, s: &Specifics) -> String {
    use ReturnCode::*;
    let (how_many, holiday) = (s.how_many(lang), s.holiday_note(lang));
    match lang {
        Lang::En => match code {
            WithinWindow => format!("You can return {how_many} until {}{holiday}.", s.deadline),
            WindowClosed => format!("The return window closed on {}{holiday}.", s.deadline),
            NonReturnableCategory => format!(
                "Items in the \u{201c}{}\u{201d} category cannot be returned.",
                s.category
            ),
            NotDeliveredYet if !s.deadline.is_empty() => format!(
                "You can return {how_many} once it has been delivered; with the estimated delivery, until {}.",
                s.deadline
            ),
            _ => english.to_owned(),
        },
        Lang::De => match code {
            WithinWindow => format!("Sie können {how_many} bis {} zurücksenden{holiday}.", s.deadline),
            WindowClosed => format!("Die Rückgabefrist endete am {}{holiday}.", s.deadline),
            NotDeliveredYet if s.deadline.is_empty() => {
                "Sie können ihn nach der Zustellung zurücksenden: Die Rückgabefrist beginnt mit der Zustellung.".into()
            }
            NotDeliveredYet => format!(
                "Sie können {how_many} nach der Zustellung zurücksenden; bei der erwarteten Zustellung bis {}.",
                s.deadline
            ),
            DeliveryTimeUnknown => "Er kann zurückgesendet werden, sobald der Zustellzeitpunkt bekannt ist.".into(),
            FinalSale => "Er wurde als Endverkauf verkauft und kann nicht zurückgesendet werden.".into(),
            NonReturnableCategory => format!(
                "Artikel der Kategorie „{}“ können nicht zurückgesendet werden.",
                s.category
            ),
            AlreadyReturned if s.quantity > 1 => format!("Alle {} wurden bereits zurückgesendet.", s.quantity),
            AlreadyReturned => "Er wurde bereits zurückgesendet.".into(),
            ReturnAlreadyRequested => "Für den Rest läuft bereits eine Rücksendung.".into(),
            Cancelled => "Die Sendung wurde storniert, es gibt nichts zurückzusenden.".into(),
            Refused => "Die Annahme wurde verweigert, es gibt nichts zurückzusenden.".into(),
            ReturnedToSender => "Er geht an den Absender zurück, es gibt nichts zurückzusenden.".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specifics() -> Specifics {
        Specifics {
            seller: "Blue Harbor".into(),
            bundle_mates: "\u{201c}Lens\u{201d}".into(),
            carrier: "UPS".into(),
            grace_end: "20. März 2025, 10:30".into(),
            deadline: "31. März 2025".into(),
            stops_away: Some(8),
            category: "groceries".into(),
            quantity: 3,
            returnable: 1,
            holiday: true,
        }
    }

    #[test]
    fn english_is_the_engines_sentence() {
        let s = specifics();
        assert_eq!(
            cancel(Lang::En, CancelCode::Delivered, "engine says", &s),
            "engine says"
        );
        assert_eq!(
            refuse(Lang::En, RefuseCode::Opened, "engine says", &s),
            "engine says"
        );
        assert_eq!(
            r#return(Lang::En, ReturnCode::FinalSale, "engine says", &s),
            "engine says"
        );
    }

    #[test]
    fn german_sentences_carry_their_specifics() {
        let s = specifics();
        let grace = cancel(Lang::De, CancelCode::WithinGracePeriod, "", &s);
        assert!(grace.contains(&s.grace_end), "{grace}");
        let seller = cancel(Lang::De, CancelCode::SellerMustApprove, "", &s);
        assert!(seller.contains("Blue Harbor"), "{seller}");
        let stops = refuse(Lang::De, RefuseCode::AtDoorLiveMap, "", &s);
        assert!(stops.contains("8 Stopps"), "{stops}");
        let window = r#return(Lang::De, ReturnCode::WithinWindow, "", &s);
        assert_eq!(window, "Sie können 1 von 3 bis 31. März 2025 zurücksenden (dank der Verlängerung über die Feiertage).");
        let expected = r#return(
            Lang::De,
            ReturnCode::NotDeliveredYet,
            "",
            &Specifics::default(),
        );
        assert!(
            !expected.contains("bis"),
            "no deadline, no date: {expected}"
        );
    }
}
