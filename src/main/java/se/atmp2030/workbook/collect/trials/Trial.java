package se.atmp2030.workbook.collect.trials;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One study as a ClinicalTrials.gov file describes it, before classification.
 *
 * @param countries       the countries of its sites, as the tool's country list names them
 * @param unplaced        its locations that name no country the tool knows (counted, never turned into a country)
 * @param lastUpdate      Last Update Posted: which of two copies of a study is newer
 * @param format          {@code CSV} or {@code JSON}
 * @param file            the file (or zip entry) it was read from, as the user names it
 */
record Trial(String nctId, String title, String status, String phase, LocalDate startDate, String studyType,
             String sponsor, String funderType, String conditions, List<Intervention> interventions,
             Set<String> countries, List<String> unplaced, LocalDate lastUpdate, String format, String file) {

    /** An intervention: its type as ClinicalTrials.gov writes it (GENETIC, BIOLOGICAL, ...), its name and further text. */
    record Intervention(String type, String name, String details) {
        /** {@code BIOLOGICAL: CTX001}, as the CSV download writes it. */
        String label() {
            return type + ": " + name;
        }
    }

    /** How much intervention text the copy carries: the CSV has names only, the JSON descriptions and other names too. */
    int interventionText() {
        int length = 0;
        for (Intervention i : interventions) {
            length += i.name().length() + (i.details() == null ? 0 : i.details().length());
        }
        return length;
    }

    /** The same study with the interventions of another copy, for classification. */
    Trial withInterventions(List<Intervention> other) {
        return new Trial(nctId, title, status, phase, startDate, studyType, sponsor, funderType, conditions, other,
                countries, unplaced, lastUpdate, format, file);
    }

    /** The NCT number as a number, {@code NCT01234567} to 1234567, to keep many of them in little memory. */
    int number() {
        return Integer.parseInt(nctId.substring(3));
    }
}
