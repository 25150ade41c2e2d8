package se.atmp2030.workbook.collect.trials;

/** Where the readers of ClinicalTrials.gov files put what they read. */
interface StudySink {
    /** A good study, with the line it starts on. */
    void accept(Trial trial, long line);

    /** A study left out because a value was wrong (the problem is already reported). */
    void rejected();
}
