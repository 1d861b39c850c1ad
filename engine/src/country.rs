//! ISO 3166-1 alpha-2: which country codes exist (the order's `customer.country`), and the
//! states whose consumers have the EU right of withdrawal by default (the policy's
//! `withdrawal.countries`).

/// The 249 officially assigned ISO 3166-1 alpha-2 codes, two capital letters each, sorted
/// so a lookup is a binary search. Generated from Debian's `iso-codes` 4.15.0
/// (`/usr/share/iso-codes/json/iso_3166-1.json`, which follows the ISO 3166 Maintenance
/// Agency's list): `python3 -c "import json; print(''.join(sorted(c['alpha_2'] for c in
/// json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1'])))"`.
const ISO_3166_1: &str = "\
    ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBI\
    BJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCN\
    COCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFK\
    FMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHM\
    HNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKN\
    KPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMK\
    MLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONP\
    NRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURW\
    SASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTF\
    TGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI\
    VNVUWFWSYEYTZAZMZW\
";

/// The EU's 27 member states and the other three EEA states (Iceland, Liechtenstein, Norway),
/// whose law carries Directive 2011/83/EU: the default of the policy's `withdrawal.countries`.
/// ISO codes (Greece is `GR`, not the EU's `EL`).
pub const EU_EEA: [&str; 30] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS",
    "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
];

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
    let bytes = code.as_bytes();
    if bytes.len() != 2 || !bytes.iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    let table = ISO_3166_1.as_bytes();
    let (mut low, mut high) = (0, table.len() / 2);
    while low < high {
        let mid = (low + high) / 2;
        match table[mid * 2..mid * 2 + 2].cmp(bytes) {
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table is sorted pairs of capital letters, so the binary search finds each entry.
    #[test]
    fn every_entry_is_found_and_the_table_is_sorted() {
        let table = ISO_3166_1.as_bytes();
        assert_eq!(table.len() % 2, 0);
        let codes: Vec<&[u8]> = table.chunks(2).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        for code in codes {
            assert!(is_country_code(std::str::from_utf8(code).unwrap()));
        }
        for code in EU_EEA {
            assert!(is_country_code(code), "{code}");
        }
        for not in ["", "N", "XX", "UK", "EU", "ZZ", "N1"] {
            assert!(!is_country_code(not), "{not}");
        }
    }
}
