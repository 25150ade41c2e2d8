package se.atmp2030.workbook.fill;

import java.util.List;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import se.atmp2030.workbook.collect.Column;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Provenance;
import se.atmp2030.workbook.collect.SourceFile;
import se.atmp2030.workbook.collect.Table;

/**
 * The Sources sheet (where each dataset comes from: source, link, dates, records read and rejected, notes), the Source
 * files sheet (each file read, with its SHA-256) and the Columns sheet (what each column of each data table holds), all
 * as Excel tables so that they filter and sort.
 */
final class SourcesSheetWriter {
    private final SXSSFWorkbook workbook;
    private final Styles styles;
    private final DataSheetWriter tables;

    SourcesSheetWriter(SXSSFWorkbook workbook, Styles styles, DataSheetWriter tables) {
        this.workbook = workbook;
        this.styles = styles;
        this.tables = tables;
    }

    /** @param notices the analysis' notices; those about a dataset are added to its notes */
    void write(List<Dataset> datasets, List<se.atmp2030.workbook.analyze.Notice> notices) {
        Table.Builder sources = Table.builder("sources")
                .column("dataset", ColumnType.TEXT, "")
                .column("table", ColumnType.TEXT, "")
                .column("title", ColumnType.TEXT, "")
                .column("rows", ColumnType.INTEGER, "")
                .column("source", ColumnType.TEXT, "")
                .column("link", ColumnType.TEXT, "")
                .column("retrieved", ColumnType.DATE, "")
                .column("data_as_of", ColumnType.DATE, "")
                .column("records_read", ColumnType.INTEGER, "")
                .column("records_rejected", ColumnType.INTEGER, "")
                .column("notes", ColumnType.TEXT, "");
        Table.Builder files = Table.builder("source_files")
                .column("dataset", ColumnType.TEXT, "")
                .column("file", ColumnType.TEXT, "")
                .column("format", ColumnType.TEXT, "")
                .column("bytes", ColumnType.INTEGER, "")
                .column("sha256", ColumnType.TEXT, "");
        for (Dataset dataset : datasets) {
            Provenance p = dataset.provenance();
            List<String> notes = new java.util.ArrayList<>(p.notes());
            notices.stream().filter(n -> dataset.name().equals(n.dataset())).forEach(n -> notes.add(n.note()));
            sources.add(dataset.name(), "tbl_" + dataset.name(), dataset.title(), (long) dataset.table().rowCount(),
                    p.source(), p.sourceUrl(), p.retrieved(), p.dataAsOf(), p.rowsRead(), p.rowsRejected(),
                    String.join("; ", notes));
            for (SourceFile file : p.files()) {
                files.add(dataset.name(), file.path(), file.format(), file.bytes(), file.sha256());
            }
        }
        DataSheetWriter.RowStyles wrap = DataSheetWriter.RowStyles.wrapLongText(styles.wrapped());
        tables.write("Sources", sources.build(), "tbl_sources", null, wrap);
        linkColumn(workbook.getSheet("Sources"), 5, datasets.size());
        tables.write("Source files", files.build(), "tbl_source_files", null, wrap);

        Table.Builder columns = Table.builder("columns")
                .column("table", ColumnType.TEXT, "")
                .column("column", ColumnType.TEXT, "")
                .column("type", ColumnType.TEXT, "")
                .column("description", ColumnType.TEXT, "");
        for (Dataset dataset : datasets) {
            for (Column column : dataset.table().columns()) {
                columns.add("tbl_" + dataset.name(), column.name(), column.type().name().toLowerCase(java.util.Locale.ROOT),
                        column.description());
            }
        }
        tables.write("Columns", columns.build(), "tbl_columns", null, wrap);
    }

    /** Makes the URLs of a column clickable. */
    private void linkColumn(SXSSFSheet sheet, int column, int rows) {
        for (int r = 1; r <= rows; r++) {
            Cell cell = sheet.getRow(r).getCell(column);
            if (cell != null) {
                Hyperlink hyperlink = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
                hyperlink.setAddress(cell.getStringCellValue());
                cell.setHyperlink(hyperlink);
                cell.setCellStyle(styles.link());
            }
        }
    }
}
