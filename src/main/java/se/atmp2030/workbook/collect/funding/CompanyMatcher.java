package se.atmp2030.workbook.collect.funding;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import se.atmp2030.workbook.collect.Table;

/**
 * Finds the register company behind a CORDIS participant: by VAT number first (a Swedish VAT number is {@code SE}, the
 * ten digits of the organisation number, then {@code 01}), else by name with legal forms and punctuation set aside
 * ("Cellvia AB (publ)" is "cellvia").
 */
final class CompanyMatcher {
    /** A register company. */
    record Company(String orgNumber, String name, Boolean sme) {
    }

    /** A match: the register company and how it was found ({@code VAT} or {@code name}). */
    record Match(Company company, String rule) {
    }

    private static final Pattern LEGAL_FORMS = Pattern.compile(
            "\\b(aktiebolag|ab|publ|ltd|limited|inc|oy|as|a/s|aps|gmbh|bv|sa)\\b");

    private final Map<String, Company> byOrgDigits = new HashMap<>();
    private final Map<String, Company> byName = new HashMap<>();

    CompanyMatcher(Table companies) {
        int org = companies.columnIndex("org_number");
        int name = companies.columnIndex("company");
        int sme = companies.columnIndex("sme");
        for (Object[] row : companies.rows()) {
            Company company = new Company((String) row[org], (String) row[name], (Boolean) row[sme]);
            byOrgDigits.put(company.orgNumber().replace("-", ""), company);
            byName.put(nameKey(company.name()), company);
        }
    }

    Match match(String vatNumber, String name) {
        if (vatNumber != null) {
            String vat = vatNumber.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
            if (vat.matches("SE\\d{10}01")) {
                Company company = byOrgDigits.get(vat.substring(2, 12));
                if (company != null) {
                    return new Match(company, "VAT");
                }
            }
        }
        if (name != null) {
            Company company = byName.get(nameKey(name));
            if (company != null) {
                return new Match(company, "name");
            }
        }
        return null;
    }

    static String nameKey(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('(', ' ').replace(')', ' ').replace(',', ' ').replace('.', ' ');
        return LEGAL_FORMS.matcher(lower).replaceAll(" ").replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
