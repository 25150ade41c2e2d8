package se.atmp2030.workbook.collect.trials;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One study as both ClinicalTrials.gov formats describe it, before classification. */
record Trial(String nctId, String title, String status, String phase, LocalDate startDate, String studyType,
             String sponsor, String funderType, String conditions, List<Intervention> interventions,
             Set<String> countries, String format) {

    /** An intervention: its type as ClinicalTrials.gov writes it (GENETIC, BIOLOGICAL, ...), its name and further text. */
    record Intervention(String type, String name, String details) {
        /** {@code BIOLOGICAL: CTX001}, as the CSV download writes it. */
        String label() {
            return type + ": " + name;
        }
    }
}
