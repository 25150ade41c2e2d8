package se.atmp2030.workbook.collect;

/** A collected dataset: its tidy table and its provenance. */
public record Dataset(Table table, String title, Provenance provenance) {
    public String name() {
        return table.name();
    }

    /** The same dataset with more notes in its provenance. */
    public Dataset withNotes(java.util.List<String> notes) {
        return notes.isEmpty() ? this : new Dataset(table, title, provenance.withNotes(notes));
    }
}
