package se.atmp2030.workbook.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.atmp2030.workbook.analyze.Analysis;
import se.atmp2030.workbook.collect.Dataset;

/**
 * Writes the report workbook: the analysis sheets (Key insights, KPIs, Series, Trends), one data sheet per dataset, each
 * an Excel Table {@code tbl_<dataset>}, then the Sources, Source files and Columns sheets.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(file)) {
 *     new WorkbookWriter().write(info, datasets, analysis, out);
 * }
 * }</pre>
 */
public final class WorkbookWriter {
    /** Rows of a data sheet kept in memory while streaming; the rest are flushed to a temporary file. */
    private static final int ROW_WINDOW = 200;

    public void write(ReportInfo info, List<Dataset> datasets, Analysis analysis, OutputStream out) throws IOException {
        // Inline strings, not a shared-strings table: that table would hold every distinct text of every data sheet in
        // memory, which large datasets cannot afford. Excel and LibreOffice read both alike.
        SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), ROW_WINDOW, true, false);
        try {
            Styles styles = new Styles(workbook);
            DataSheetWriter data = new DataSheetWriter(workbook, styles, info.title());
            new AnalysisSheetsWriter(workbook, styles, data).write(info, analysis);
            for (Dataset dataset : datasets) {
                data.write(dataset.name(), dataset.table(), "tbl_" + dataset.name());
            }
            new SourcesSheetWriter(workbook, styles, data).write(datasets);
            properties(workbook.getXSSFWorkbook(), info);
            workbook.setActiveSheet(0);
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    private static void properties(XSSFWorkbook workbook, ReportInfo info) {
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        core.setTitle(info.title());
        core.setSubjectProperty("Advanced Therapy Medicinal Products in Sweden, " + info.year());
        core.setCreator("ATMP Workbook Builder " + info.toolVersion());
        core.setKeywords("ATMP; gene therapy; cell therapy; CAR T; Sweden; annual report " + info.year());
        core.setDescription("Built from " + info.inputs() + " on " + info.builtAt());
        workbook.getProperties().getExtendedProperties().setCompany("ATMP2030");
    }
}
