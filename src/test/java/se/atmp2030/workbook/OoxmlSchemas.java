package se.atmp2030.workbook;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.drawingml.x2006.chart.ChartSpaceDocument;
import org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.WsDrDocument;
import org.openxmlformats.schemas.officeDocument.x2006.extendedProperties.PropertiesDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.PivotCacheDefinitionDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.PivotCacheRecordsDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.PivotTableDefinitionDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.SstDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.StyleSheetDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.TableDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument;

/** Validates every XML part of a workbook against the full OOXML schemas (poi-ooxml-full), as Excel's parser would. */
public final class OoxmlSchemas {
    /** The errors, each with its part, and how many parts were validated. */
    public record Result(List<String> errors, int validated) {
    }

    /**
     * {@code <t xml:space="preserve">}: the schema's text type has no attributes, yet Excel and LibreOffice write this
     * one on every text with leading or trailing spaces, and every reader expects it; it is not an error.
     */
    private static final String XML_SPACE = "Attribute not allowed (no wildcards allowed): "
            + "space@http://www.w3.org/XML/1998/namespace in element t@http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private OoxmlSchemas() {
    }

    public static Result validate(Path file) throws Exception {
        List<String> errors = new ArrayList<>();
        int validated = 0;
        try (OPCPackage pkg = OPCPackage.open(file.toFile())) {
            for (PackagePart part : pkg.getParts()) {
                XmlObject xml = parse(part);
                if (xml == null) {
                    continue;
                }
                validated++;
                List<XmlError> found = new ArrayList<>();
                if (!xml.validate(new XmlOptions().setErrorListener(found))) {
                    found.stream().filter(e -> !XML_SPACE.equals(e.getMessage()))
                            .forEach(e -> errors.add(part.getPartName() + ": " + e.getMessage()));
                }
            }
        }
        return new Result(errors, validated);
    }

    /** Parses a part with the XMLBeans type of its content type; null for parts that are not XML of the main schemas. */
    private static XmlObject parse(PackagePart part) throws Exception {
        String type = part.getContentType();
        if (!type.contains("spreadsheetml") && !type.contains("drawing") && !type.contains("extended-properties")) {
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            if (type.endsWith("spreadsheetml.worksheet+xml")) {
                return WorksheetDocument.Factory.parse(in);
            } else if (type.endsWith("spreadsheetml.sheet.main+xml")) {
                return WorkbookDocument.Factory.parse(in);
            } else if (type.endsWith("spreadsheetml.styles+xml")) {
                return StyleSheetDocument.Factory.parse(in);
            } else if (type.endsWith("spreadsheetml.sharedStrings+xml")) {
                return SstDocument.Factory.parse(in);
            } else if (type.endsWith("spreadsheetml.table+xml")) {
                return TableDocument.Factory.parse(in);
            } else if (type.endsWith("drawingml.chart+xml")) {
                return ChartSpaceDocument.Factory.parse(in);
            } else if (type.endsWith("drawing+xml")) {
                return WsDrDocument.Factory.parse(in);
            } else if (type.endsWith("pivotTable+xml")) {
                return PivotTableDefinitionDocument.Factory.parse(in);
            } else if (type.endsWith("pivotCacheDefinition+xml")) {
                return PivotCacheDefinitionDocument.Factory.parse(in);
            } else if (type.endsWith("pivotCacheRecords+xml")) {
                return PivotCacheRecordsDocument.Factory.parse(in);
            } else if (type.endsWith("extended-properties+xml")) {
                return PropertiesDocument.Factory.parse(in);
            }
        }
        return null;
    }
}
