package se.atmp2030.workbook.collect.companies;

import se.atmp2030.workbook.collect.InvalidValueException;

/**
 * A Swedish organisation number, {@code NNNNNN-NNNN}, whose last digit is a Luhn check digit (Bolagsverket). Checking
 * it catches the typos that would otherwise break the match with CORDIS VAT numbers ({@code SE} + number + {@code 01}).
 */
final class OrganisationNumber {
    private OrganisationNumber() {
    }

    /** Accepts {@code 5560001234}, {@code 556000-1234} and the 12-digit form with {@code 16}; returns {@code 556000-1234}. */
    static String parse(String raw) throws InvalidValueException {
        String digits = raw.replace("-", "").replace(" ", "");
        if (digits.length() == 12 && digits.startsWith("16")) {
            digits = digits.substring(2);
        }
        if (!digits.matches("\\d{10}")) {
            throw new InvalidValueException(raw, "is not an organisation number", "NNNNNN-NNNN, ten digits");
        }
        if (!luhnValid(digits)) {
            throw new InvalidValueException(raw, "has a wrong check digit", "a valid Swedish organisation number; check for a typo");
        }
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < tenDigits.length(); i++) {
            int d = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
