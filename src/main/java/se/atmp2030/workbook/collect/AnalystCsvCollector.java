package se.atmp2030.workbook.collect;

import java.io.IOException;
import java.util.List;
import se.atmp2030.workbook.collect.AnalystCsv.Field;

/**
 * A collector for a table analysts keep in Excel and save as CSV: one dataset, read from the files of one
 * {@link InputSpec} by a declaration of its fields. Most analyst-kept datasets, and most plugins, need nothing more:
 *
 * <pre>{@code
 * final class PatientsTreatedCollector extends AnalystCsvCollector {
 *     PatientsTreatedCollector() {
 *         super(new Spec("patients-treated", "Patients treated per ATMP product and year", "patients_treated",
 *                 "Patients treated per product and year", new InputSpec("patients/*.csv", "analyst CSV: ...", true),
 *                 FIELDS, "Swedish regions, compiled by the analysts", null));
 *     }
 * }
 * }</pre>
 */
public abstract class AnalystCsvCollector implements Collector {
    /**
     * @param name        the collector's name, kebab-case
     * @param description one line for {@code collectors}
     * @param dataset     the table's name, snake_case
     * @param title       the dataset's title on the Sources sheet
     * @param files       the files read
     * @param fields      the columns, in the table's order
     * @param source      who publishes or keeps the data
     * @param sourceUrl   where to get it again, or {@code null}
     * @param key         the columns that identify a record (a record repeated is counted once; the same key with
     *                    other values is a problem); empty for none
     */
    public record Spec(String name, String description, String dataset, String title, InputSpec files, List<Field> fields,
                       String source, String sourceUrl, List<String> key) {
        public Spec {
            fields = List.copyOf(fields);
            key = List.copyOf(key);
        }

        public Spec(String name, String description, String dataset, String title, InputSpec files, List<Field> fields,
                    String source, String sourceUrl) {
            this(name, description, dataset, title, files, fields, source, sourceUrl, List.of());
        }
    }

    private final Spec spec;

    protected AnalystCsvCollector(Spec spec) {
        this.spec = spec;
    }

    /**
     * Checks across the fields of a record whose fields are each good, e.g. a date required only for some statuses;
     * reports with {@link InputRecord#fail}. Does nothing unless overridden.
     */
    protected void check(CsvSource.Record record, Object[] values, Reading reading) {
    }

    @Override
    public final String name() {
        return spec.name();
    }

    @Override
    public final String description() {
        return spec.description();
    }

    @Override
    public final List<String> datasets() {
        return List.of(spec.dataset());
    }

    @Override
    public final List<InputSpec> inputs() {
        return List.of(spec.files());
    }

    @Override
    public final List<Dataset> collect(CollectContext context) throws IOException {
        Reading reading = new Reading();
        Table table = AnalystCsv.read(context, reading, spec.dataset(), context.files(spec.files()), spec.files().format(),
                spec.fields(), (record, values) -> check(record, values, reading), spec.key());
        return List.of(new Dataset(table, spec.title(), reading.provenance(spec.source(), spec.sourceUrl(),
                context.settings().retrieved(spec.dataset()))));
    }
}
