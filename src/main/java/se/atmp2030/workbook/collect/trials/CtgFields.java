package se.atmp2030.workbook.collect.trials;

import java.util.Map;
import java.util.Set;
import se.atmp2030.workbook.collect.InvalidValueException;

/** The code lists ClinicalTrials.gov uses, shared by its CSV download and its API v2 JSON. */
final class CtgFields {
    static final Set<String> STATUSES = Set.of("COMPLETED", "RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING",
            "ENROLLING_BY_INVITATION", "TERMINATED", "WITHDRAWN", "SUSPENDED", "UNKNOWN", "AVAILABLE", "NO_LONGER_AVAILABLE",
            "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD");
    /** Statuses of a study that is running: it recruits or treats or follows up patients. Not yet recruiting is not active. */
    static final Set<String> ACTIVE = Set.of("RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION");
    static final Set<String> INTERVENTION_TYPES = Set.of("DRUG", "DEVICE", "BIOLOGICAL", "PROCEDURE", "RADIATION",
            "BEHAVIORAL", "GENETIC", "DIETARY_SUPPLEMENT", "COMBINATION_PRODUCT", "DIAGNOSTIC_TEST", "OTHER");
    private static final Map<String, String> PHASES = Map.of("EARLY_PHASE1", "0", "PHASE1", "1", "PHASE2", "2",
            "PHASE3", "3", "PHASE4", "4", "NA", "NA");

    private CtgFields() {
    }

    static String status(String raw) throws InvalidValueException {
        String status = raw.toUpperCase(java.util.Locale.ROOT).replace(' ', '_').replace(',', ' ').strip();
        if (!STATUSES.contains(status)) {
            throw new InvalidValueException(raw, "is not a study status",
                    "COMPLETED, RECRUITING, NOT_YET_RECRUITING, ACTIVE_NOT_RECRUITING, ENROLLING_BY_INVITATION, TERMINATED, "
                            + "WITHDRAWN, SUSPENDED or UNKNOWN");
        }
        return status;
    }

    /** {@code PHASE1|PHASE2} to {@code Phase 1/2}; {@code EARLY_PHASE1} to {@code Early phase 1}; {@code NA} to {@code Not applicable}. */
    static String phase(Iterable<String> tokens, String raw) throws InvalidValueException {
        StringBuilder numbers = new StringBuilder();
        boolean none = true;
        for (String token : tokens) {
            String code = PHASES.get(token.strip().toUpperCase(java.util.Locale.ROOT));
            if (code == null) {
                throw new InvalidValueException(raw, "is not a phase",
                        "PHASE1, PHASE2, PHASE3, PHASE4, EARLY_PHASE1 or NA, joined with |");
            }
            none = false;
            if (code.equals("NA")) {
                return "Not applicable";
            }
            if (code.equals("0")) {
                return "Early phase 1";
            }
            numbers.append(numbers.length() == 0 ? "" : "/").append(code);
        }
        return none ? null : "Phase " + numbers;
    }
}
