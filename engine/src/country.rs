//! ISO 3166-1 alpha-2: which country codes exist (the order's `customer.country`), and the
//! states whose consumers have the EU right of withdrawal by default (the policy's
//! `withdrawal.countries`).

/// The 249 officially assigned ISO 3166-1 alpha-2 codes as a bitmap: bit `26 × (a − 'A') +
/// (b − 'A')` is set for the code `ab` (85 bytes rather than the 498 of the list, which the
/// tests keep: `ASSIGNED` below). Generated from Debian's `iso-codes` 4.15.0
/// (`/usr/share/iso-codes/json/iso_3166-1.json`, which follows the ISO 3166 Maintenance
/// Agency's list).
const ASSIGNED_BITS: [u8; 85] = [
    0x78, 0x59, 0xdf, 0xee, 0xef, 0xbd, 0xdd, 0xde, 0x27, 0x3f, 0x84, 0x15, 0x80, 0xd4, 0x00, 0x0e,
    0x00, 0x5c, 0x09, 0xb0, 0x9f, 0xfb, 0x15, 0x00, 0x8d, 0x06, 0x18, 0x78, 0x0f, 0x40, 0x40, 0x03,
    0x00, 0x1d, 0x2b, 0xf4, 0x41, 0x81, 0x4f, 0xfd, 0xfc, 0xff, 0xd7, 0x25, 0x4b, 0x08, 0x00, 0x01,
    0x40, 0x3c, 0x8f, 0x53, 0x01, 0x00, 0x00, 0x40, 0x00, 0x51, 0xf1, 0xfd, 0xe7, 0x3a, 0xbb, 0x9f,
    0x9a, 0x41, 0x10, 0x04, 0x57, 0x85, 0x40, 0x00, 0x02, 0x40, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00,
    0x08, 0x04, 0x40, 0x00, 0x01,
];

/// The EU's 27 member states and the other three EEA states (Iceland, Liechtenstein, Norway),
/// whose law carries Directive 2011/83/EU: the default of the policy's `withdrawal.countries`.
/// ISO codes (Greece is `GR`, not the EU's `EL`).
pub const EU_EEA: [&str; 30] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS",
    "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// [`EU_EEA`] as a bitmap like [`ASSIGNED_BITS`] (the tests check it is the list).
const EU_EEA_BITS: [u8; 85] = [
    0x00, 0x00, 0x08, 0x40, 0x01, 0x00, 0x00, 0x00, 0x00, 0x30, 0x04, 0x01, 0x00, 0x10, 0x00, 0x04,
    0x00, 0x04, 0x08, 0x00, 0x00, 0x20, 0x00, 0x00, 0x80, 0x04, 0x10, 0x00, 0x0c, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x0e, 0x00, 0x00, 0x08, 0x00, 0x20, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x51, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00,
];

/// The bit of a code of two capital letters in the bitmaps, if it is one.
fn bit(code: &str) -> Option<usize> {
    match code.as_bytes() {
        &[a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
        }
        _ => None,
    }
}

fn is_set(bits: &[u8; 85], code: &str) -> bool {
    bit(code).is_some_and(|bit| bits[bit / 8] & (1 << (bit % 8)) != 0)
}

/// Whether `code` is one of [`EU_EEA`].
pub(crate) fn is_eu_eea(code: &str) -> bool {
    is_set(&EU_EEA_BITS, code)
}

/// Whether `code` is an officially assigned ISO 3166-1 alpha-2 code (two capital letters).
///
/// ```
/// use order_help_engine::is_country_code;
/// assert!(is_country_code("NL"));
/// assert!(is_country_code("US"));
/// assert!(!is_country_code("nl")); // codes are capital letters
/// assert!(!is_country_code("EL")); // the EU's own abbreviation for Greece, not ISO's
/// assert!(!is_country_code("NLD")); // alpha-3
/// ```
pub fn is_country_code(code: &str) -> bool {
    is_set(&ASSIGNED_BITS, code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list the bitmap was made from (see [`ASSIGNED_BITS`]).
    const ASSIGNED: &str = "
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
        BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
        BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN
        CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
        EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
        GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
        HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM
        JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
        LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
        ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
        NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG
        PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
        SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS
        ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
        TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
        VN VU WF WS YE YT ZA ZM ZW
    ";

    /// The bitmap holds exactly the listed codes, among every pair of capital letters.
    #[test]
    fn the_bitmap_is_the_list() {
        let listed: Vec<&str> = ASSIGNED.split_whitespace().collect();
        assert_eq!(listed.len(), 249);
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(
                    is_country_code(&code),
                    listed.contains(&code.as_str()),
                    "{code}"
                );
            }
        }
        for code in EU_EEA {
            assert!(is_country_code(code), "{code}");
        }
        for code in &listed {
            assert_eq!(is_eu_eea(code), EU_EEA.contains(code), "{code}");
        }
        // 27 member states and Iceland, Liechtenstein, Norway.
        assert_eq!(EU_EEA.len(), 30);
        for not in [
            "", "N", "nl", "NLD", "XX", "UK", "EU", "EL", "ZZ", "N1", "ÄÖ",
        ] {
            assert!(!is_country_code(not), "{not}");
        }
    }
}
