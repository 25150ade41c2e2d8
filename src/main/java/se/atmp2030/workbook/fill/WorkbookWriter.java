package se.atmp2030.workbook.fill;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.atmp2030.workbook.analyze.Analysis;
import se.atmp2030.workbook.analyze.Kpi;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.Table;

/**
 * Makes the report workbook from the template: the template's sheets (Cover, Key insights, the sections, Pivots, Notes)
 * filled and kept fully editable, then the generated sheets (KPIs, Series, Trends, one data sheet per dataset as the
 * Excel table {@code tbl_<dataset>}, Sources, Source files, Columns) streamed in before Notes.
 *
 * <pre>{@code
 * try (WorkbookWriter writer = WorkbookWriter.open(template, "workbook-templates/atmp-annual-report.xlsx")) {
 *     if (writer.fill(info, datasets, analysis, previousOrNull, problems)) {
 *         writer.writeTo(out);
 *     }
 * }
 * }</pre>
 */
public final class WorkbookWriter implements Closeable {
    /** Rows of a data sheet kept in memory while streaming; the rest are flushed to a temporary file. */
    private static final int ROW_WINDOW = 200;
    /** Up to how many data rows a workbook is read back whole to compute the formulas of the analysts and the template. */
    private static final long EVALUATE_ROW_LIMIT = 200_000;
    private static final String NOTES = "Notes";
    private static final String CHANGES = "Changes";
    private static final String BUILD_REPORT = "Build report";
    private static final List<String> GENERATED = List.of("KPIs", "Series", "Trends", "Sources", "Source files", "Columns",
            CHANGES, BUILD_REPORT, BuildRecord.SHEET);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkbookWriter.class);

    private final XSSFWorkbook template;
    private final String templateName;
    private SXSSFWorkbook workbook;
    private boolean written;
    private List<Formulas.Place> formulas = List.of();
    private long dataRows;

    private WorkbookWriter(XSSFWorkbook template, String templateName) {
        this.template = template;
        this.templateName = templateName;
    }

    /** Opens the template. */
    public static WorkbookWriter open(Path template, String templateName) throws IOException {
        XSSFWorkbook workbook = SafeOoxml.open(template, templateName);
        NormalStyle.ensure(workbook);
        return new WorkbookWriter(workbook, templateName);
    }

    /** The KPI keys the template's placeholders name. */
    public java.util.Set<String> kpiReferences() {
        return TemplateFiller.kpiKeys(template);
    }

    /**
     * Fills the template, carries over the manual edits of {@code previous} (when given), and adds the generated sheets,
     * with a Changes and a Build report sheet on a rebuild; returns false (with the problems reported) if the template
     * is wrong.
     */
    public boolean fill(ReportInfo info, List<Dataset> datasets, Analysis analysis, Path previous, Problems problems)
            throws IOException {
        Styles templateStyles = new Styles(template);
        BuildRecord record = new BuildRecord();
        for (int s = 0; s < template.getNumberOfSheets(); s++) {
            if (!template.getSheetName(s).equals(BuildRecord.SHEET)) {
                record.add("sheet", template.getSheetName(s), "template");
            }
        }
        TemplateFiller filler = new TemplateFiller(template, templateStyles,
                new TemplateModel(info, analysis, datasets), templateName, problems, record);
        if (!filler.fill()) {
            return false;
        }
        XSSFWorkbook before = previous == null ? null : openPrevious(previous);
        EditCarrier carrier = before == null ? null : new EditCarrier(before, previous.getFileName().toString());
        if (carrier != null) {
            Set<String> generated = new HashSet<>(GENERATED);
            datasets.forEach(d -> generated.add(dataSheetName(d.name())));
            try {
                EditCarrier.Carried carried = carrier.carryInto(template, generated);
                LOG.info("edits kept from {}: {}", previous, carried.describe());
            } catch (RuntimeException e) {
                // A workbook edited in ways nobody foresaw (a tampered record, an odd sheet): what was carried stays,
                // the rest is said, and the build goes on.
                LOG.warn("edits of {}: carrying stopped at something unexpected ({})", previous.getFileName(), e.toString());
                carrier.stopped(e);
            }
        }
        for (Dataset dataset : datasets) {
            removeGenerated(dataSheetName(dataset.name()));
        }
        for (String name : GENERATED) {
            removeGenerated(name);
        }
        // Inline strings, not a shared-strings table: that table would hold every distinct text of every data sheet in
        // memory, which large datasets cannot afford. Excel and LibreOffice read both alike.
        // Temporary files uncompressed: gzip would cost more time than the disk space it saves.
        formulas = new ArrayList<>(formulaPlaces(filler.computed()));
        Map<String, Map<String, TotalsRows.Total>> totalsRows = before == null ? Map.of() : TotalsRows.read(before);
        workbook = FastSheetDataWriter.workbook(template, ROW_WINDOW);
        Styles styles = new Styles(workbook);
        DataSheetWriter data = new DataSheetWriter(workbook, styles, info.title());
        data.keepTotals(totalsRows);
        AnalysisSheetsWriter analysisSheets = new AnalysisSheetsWriter(workbook, styles, data);
        List<String> generated = new ArrayList<>();
        if (template.getSheet("Key insights") == null) {
            analysisSheets.insights(info, analysis.insights());
            generated.add("Key insights");
        }
        analysisSheets.kpis(analysis.kpis());
        analysisSheets.series(analysis.points());
        analysisSheets.trends(analysis.trends());
        generated.addAll(List.of("KPIs", "Series", "Trends"));
        for (Dataset dataset : datasets) {
            dataRows += dataset.table().rowCount();
            data.write(dataSheetName(dataset.name()), dataset.table(), "tbl_" + dataset.name());
            generated.add(dataSheetName(dataset.name()));
        }
        // Texts longer than a cell holds were cut: said on the dataset's row of the Sources sheet and in the log.
        Map<String, String> cutNotes = data.cutNotes();
        List<Dataset> described = datasets.stream().map(d -> cutNotes.containsKey(d.name())
                ? d.withNotes(List.of(cutNotes.get(d.name()))) : d).toList();
        cutNotes.forEach((table, note) -> LOG.warn("{}: {}", table, note));
        new SourcesSheetWriter(workbook, styles, data).write(described, analysis.notices());
        generated.addAll(List.of("Sources", "Source files", "Columns"));
        if (carrier != null || !analysis.notices().isEmpty()) {
            // What the build could not do as the template and the sentences ask, and the edits it could not keep.
            Table.Builder report = Table.builder("build_report")
                    .column("what", ColumnType.TEXT, "")
                    .column("where", ColumnType.TEXT, "")
                    .column("content", ColumnType.TEXT, "")
                    .column("note", ColumnType.TEXT, "");
            analysis.notices().forEach(n -> report.add(n.what(), n.where(), null, n.note()));
            if (carrier != null) {
                carrier.checkFormulas(names(analysis), tables(), withTotals(totalsRows.keySet()), sheetNames());
                carrier.left().forEach(l -> report.add(l.what(), l.where(), l.content(), l.note()));
                if (carrier.left().isEmpty()) {
                    report.add("nothing", null, null, "every edit of " + previous.getFileName() + " was carried over");
                }
            }
            data.write(BUILD_REPORT, report.build(), "tbl_build_report", null,
                    DataSheetWriter.RowStyles.wrapLongText(styles.wrapped()));
            generated.add(0, BUILD_REPORT);
        }
        if (carrier != null) {
            LOG.info("edits of {}: {}", previous.getFileName(), carrier.left().isEmpty() ? "nothing left behind"
                    : carrier.left().size() + " items left behind or to look at, listed on the Build report sheet");
            carrier.left().forEach(l -> LOG.warn("{}{}: {}{}", l.what(), l.where() == null ? "" : " at " + l.where(),
                    l.content() == null ? "" : l.content() + " ", "(" + l.note() + ")"));
        }
        if (carrier != null) {
            // Old, new and change in the item's own unit (a CAGR change of 0.02 reads 2.0%, euros as whole euros);
            // the sentences wrap.
            data.write(CHANGES, Changes.table(before, carrier.previousRecord(), analysis, datasets), "tbl_changes", null,
                    (row, column) -> column >= 3 && column <= 5 ? styles.ofUnitBesideIt((String) row[2])
                            : column >= 6 ? styles.wrapped() : null);
            generated.add(0, CHANGES);
            before.close();
        }
        formulas.addAll(data.customTotals());
        order(generated);
        record(record, analysis, datasets);
        kpiNames(analysis.kpis(), problems);
        properties(info);
        workbook.setActiveSheet(0);
        workbook.setFirstVisibleTab(0);
        return true;
    }

    /**
     * The data sheet of a dataset: {@code data_companies}. Not the bare dataset name: Excel compares sheet names without
     * regard to case, and "companies" would clash with the Companies section.
     */
    public static String dataSheetName(String dataset) {
        return "data_" + dataset;
    }

    /**
     * Writes the workbook. When it holds formulas of the analysts or of the template, it is first written aside, then
     * read back whole so that POI can compute them and cache their results (viewers that do not recalculate show
     * those), and written again; a workbook too large to read back whole keeps them without results, which Excel and
     * LibreOffice compute when they open it.
     */
    public void writeTo(OutputStream out) throws IOException {
        if (formulas.isEmpty()) {
            workbook.write(out);
        } else if (dataRows > EVALUATE_ROW_LIMIT) {
            LOG.info("{} formulas of yours are written without results: the workbook is too large ({} data rows) to "
                    + "compute them here; Excel and LibreOffice compute them when they open it", formulas.size(), dataRows);
            for (Formulas.Place place : formulas) {
                var row = template.getSheet(place.sheet()).getRow(place.row());
                var cell = row == null ? null : row.getCell(place.column());
                if (cell != null && cell.getCTCell().isSetV()) {
                    cell.getCTCell().unsetV();
                }
            }
            workbook.setForceFormulaRecalculation(true);
            workbook.write(out);
        } else {
            Path aside = Files.createTempFile(se.atmp2030.workbook.engine.TempFolder.get(), "written-", ".xlsx");
            try {
                try (OutputStream first = Files.newOutputStream(aside)) {
                    workbook.write(first);
                }
                List<Formulas.Place> failed = Formulas.cacheResults(aside, formulas, out);
                if (!failed.isEmpty()) {
                    LOG.info("{} formulas could not be computed here and are left to Excel and LibreOffice to compute "
                            + "when they open the workbook: {}", failed.size(),
                            failed.stream().map(Formulas.Place::address).limit(10).toList());
                }
            } finally {
                Files.deleteIfExists(aside);
            }
        }
        written = true;
    }

    /**
     * The formula cells of the template's sheets and the carried sheets, but those the build wrote and computed itself
     * (the live totals of its tables).
     */
    private List<Formulas.Place> formulaPlaces(Set<Formulas.Place> computed) {
        List<Formulas.Place> places = new ArrayList<>();
        for (int s = 0; s < template.getNumberOfSheets(); s++) {
            var sheet = template.getSheetAt(s);
            if (sheet.getSheetName().equals(BuildRecord.SHEET)) {
                continue;
            }
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                        Formulas.Place place = new Formulas.Place(sheet.getSheetName(), cell.getRowIndex(),
                                cell.getColumnIndex());
                        if (!computed.contains(place)) {
                            places.add(place);
                        }
                    }
                }
            }
        }
        return places;
    }

    /** The defined names the finished workbook has: the template's and one per KPI. */
    private Set<String> names(Analysis analysis) {
        Set<String> names = new HashSet<>();
        template.getAllNames().forEach(n -> names.add(n.getNameName()));
        analysis.kpis().forEach(k -> names.add(kpiName(k.key())));
        return names;
    }

    /** The tables the finished workbook has (the Build report's and the Changes sheet's are being made). */
    private Set<String> tables() {
        Set<String> tables = new HashSet<>(List.of("tbl_build_report", "tbl_changes"));
        for (int s = 0; s < template.getNumberOfSheets(); s++) {
            template.getSheetAt(s).getTables().forEach(t -> tables.add(t.getName()));
        }
        return tables;
    }

    /** The tables with a totals row: the template's own and those the analysts gave one in the earlier workbook. */
    private Set<String> withTotals(Set<String> kept) {
        Set<String> tables = new HashSet<>(kept);
        for (int s = 0; s < template.getNumberOfSheets(); s++) {
            template.getSheetAt(s).getTables().stream()
                    .filter(t -> t.getCTTable().isSetTotalsRowCount() && t.getCTTable().getTotalsRowCount() > 0)
                    .forEach(t -> tables.add(t.getName()));
        }
        return tables;
    }

    private Set<String> sheetNames() {
        Set<String> sheets = new HashSet<>(List.of(BUILD_REPORT, CHANGES));
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            sheets.add(workbook.getSheetName(s));
        }
        return sheets;
    }

    @Override
    public void close() throws IOException {
        if (workbook != null) {
            if (!written) {
                // A workbook filled but not written (validate): SXSSFWorkbook.close() closes each sheet's writer and
                // then flushes the rows still in memory into it, which fails. Flushed first, nothing is left to write.
                for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                    workbook.getSheetAt(s).flushRows();
                }
            }
            workbook.close(); // also removes the temporary files of the streamed sheets
        } else {
            template.close();
        }
    }

    private static XSSFWorkbook openPrevious(Path previous) throws IOException {
        return SafeOoxml.open(previous, previous.toString().replace('\\', '/'));
    }

    /** What this build wrote, for the next one: KPI values, sentences, the KPIs sheet's cells, dataset sizes. */
    private void record(BuildRecord record, Analysis analysis, List<Dataset> datasets) {
        for (int i = 0; i < analysis.kpis().size(); i++) {
            Kpi kpi = analysis.kpis().get(i);
            record.add("kpi", kpi.key(), kpi.value() == null ? null : BuildRecord.exact(kpi.value()));
            if (kpi.value() != null) {
                record.add("cell", "KPIs!C" + (i + 2), kpi.value());
            }
        }
        analysis.insights().forEach(i -> record.add("insight", String.valueOf(i.number()), i.text()));
        datasets.forEach(d -> record.add("dataset", d.name(), (double) d.table().rowCount()));
        record.writeTo(workbook);
    }

    /** A template sheet named like a generated one (say, from an earlier build) gives way to the new one. */
    private void removeGenerated(String name) {
        int index = template.getSheetIndex(name);
        if (index >= 0) {
            template.removeSheetAt(index);
        }
    }

    /** Generated sheets go before the template's Notes sheet, in the order made; without Notes, at the end. */
    private void order(List<String> generated) {
        int notes = workbook.getSheetIndex(NOTES);
        if (notes < 0) {
            return;
        }
        int position = notes;
        for (String name : generated) {
            workbook.setSheetOrder(name, position++);
        }
    }

    private static String kpiName(String key) {
        return "kpi_" + key.replace('.', '_');
    }

    /** A defined name per KPI, {@code kpi_trials_active}, for the analysts' own formulas. */
    private void kpiNames(List<Kpi> kpis, Problems problems) {
        for (int i = 0; i < kpis.size(); i++) {
            String nameText = kpiName(kpis.get(i).key());
            if (workbook.getName(nameText) != null) {
                workbook.removeName(workbook.getName(nameText));
            }
            try {
                Name name = workbook.createName();
                name.setNameName(nameText);
                name.setRefersToFormula("KPIs!$C$" + (i + 2));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("KPIs", 0, null, "no defined name for " + kpis.get(i).key() + ": " + e.getMessage()));
            }
        }
    }

    private void properties(ReportInfo info) {
        POIXMLProperties.CoreProperties core = template.getProperties().getCoreProperties();
        core.setTitle(info.title());
        core.setSubjectProperty("Advanced Therapy Medicinal Products in Sweden, " + info.year());
        core.setCreator("ATMP Workbook Builder " + info.toolVersion());
        core.setKeywords("ATMP; gene therapy; cell therapy; CAR T; Sweden; annual report " + info.year());
        core.setDescription("Built from " + info.inputs() + " on " + info.builtAt());
        template.getProperties().getExtendedProperties().setCompany("ATMP2030");
    }
}
