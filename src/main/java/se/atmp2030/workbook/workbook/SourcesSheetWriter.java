package se.atmp2030.workbook.workbook;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import se.atmp2030.workbook.collect.Column;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.Provenance;
import se.atmp2030.workbook.collect.SourceFile;
import se.atmp2030.workbook.collect.Table;

/**
 * The Sources sheet (where each dataset comes from: source, files with SHA-256, rows read and rejected, dates, notes) and
 * the Columns sheet (what each column of each data table holds), both as Excel tables so that they filter and sort.
 */
final class SourcesSheetWriter {
    private final SXSSFWorkbook workbook;
    private final Styles styles;
    private final DataSheetWriter tables;

    SourcesSheetWriter(SXSSFWorkbook workbook, Styles styles) {
        this.workbook = workbook;
        this.styles = styles;
        this.tables = new DataSheetWriter(workbook, styles);
    }

    void write(ReportInfo info, List<Dataset> datasets) {
        Table.Builder sources = Table.builder("sources")
                .column("dataset", ColumnType.TEXT, "")
                .column("table", ColumnType.TEXT, "")
                .column("title", ColumnType.TEXT, "")
                .column("rows", ColumnType.INTEGER, "")
                .column("source", ColumnType.TEXT, "")
                .column("link", ColumnType.TEXT, "")
                .column("files", ColumnType.TEXT, "")
                .column("sha256", ColumnType.TEXT, "")
                .column("records_read", ColumnType.INTEGER, "")
                .column("records_rejected", ColumnType.INTEGER, "")
                .column("retrieved", ColumnType.DATE, "")
                .column("data_as_of", ColumnType.DATE, "")
                .column("notes", ColumnType.TEXT, "");
        for (Dataset dataset : datasets) {
            Provenance p = dataset.provenance();
            sources.add(dataset.name(), "tbl_" + dataset.name(), dataset.title(), (long) dataset.table().rowCount(),
                    p.source(), p.sourceUrl(),
                    p.files().stream().map(f -> f.path() + " (" + f.format() + ", " + f.bytes() + " bytes)")
                            .collect(Collectors.joining("\n")),
                    p.files().stream().map(SourceFile::sha256).collect(Collectors.joining("\n")),
                    p.rowsRead(), p.rowsRejected(), p.retrieved(), p.dataAsOf(), String.join("\n", p.notes()));
        }
        tables.write("Sources", sources.build(), "tbl_sources");
        SXSSFSheet sheet = workbook.getSheet("Sources");
        int link = 5;
        for (int r = 0; r < datasets.size(); r++) {
            Row row = sheet.getRow(r + 1);
            Cell cell = row.getCell(link);
            if (cell != null) {
                Hyperlink hyperlink = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
                hyperlink.setAddress(cell.getStringCellValue());
                cell.setHyperlink(hyperlink);
                cell.setCellStyle(styles.link());
            }
            for (int c : new int[] {6, 7, 12}) {
                if (row.getCell(c) != null) {
                    row.getCell(c).setCellStyle(styles.wrapped());
                }
            }
        }

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
        tables.write("Columns", columns.build(), "tbl_columns");
    }
}
