package se.atmp2030.workbook.collect;

/** A collected dataset: its tidy table and its provenance. */
public record Dataset(Table table, String title, Provenance provenance) {
    public String name() {
        return table.name();
    }
}
