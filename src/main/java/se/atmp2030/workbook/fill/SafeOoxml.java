package se.atmp2030.workbook.fill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.atmp2030.workbook.collect.DamagedInputException;

/**
 * Opens a workbook the user gave (the template, the earlier workbook) and says in words why it cannot be used: not a
 * zip at all, an old .xls, a zip that is no workbook, a macro-enabled workbook, a part with a DTD (what an XML external
 * entity or a "billion laughs" expansion needs; POI refuses every DTD), a zip bomb or a part too large. POI's own
 * messages, and its stack traces, are for developers; these are for the analyst who saved the file.
 */
final class SafeOoxml {
    static {
        // POI's default limits against zip bombs, stated here so that they hold whatever else changes them.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(4L * 1024 * 1024 * 1024 - 1);
    }

    private SafeOoxml() {
    }

    /** Opens the workbook, or explains why it cannot be opened. */
    static XSSFWorkbook open(Path file, String display) throws IOException {
        refuseByContent(file, display);
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        } catch (IOException e) {
            throw new DamagedInputException(display, reason(e));
        } catch (RuntimeException e) {
            // POI reports a damaged or hostile package as one runtime exception or another.
            throw new DamagedInputException(display, reason(e));
        }
    }

    /** What can be told from the file's bytes and its zip directory, before POI reads it. */
    private static void refuseByContent(Path file, String display) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new DamagedInputException(display, "is an Excel 97-2003 workbook (.xls), or encrypted with a password "
                    + "(expected an .xlsx workbook: open it in Excel and save it as \"Excel Workbook (.xlsx)\" without a "
                    + "password)");
        }
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K') {
            throw new DamagedInputException(display, "is not an Excel workbook (expected an .xlsx file, a zip of XML "
                    + "parts; it may have been cut short or saved in another format)");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types == null) {
                throw new DamagedInputException(display, "is a zip but no Excel workbook (it has no [Content_Types].xml)");
            }
            String content;
            try (InputStream in = zip.getInputStream(types)) {
                content = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            }
            if (content.contains("macroEnabled") || zip.getEntry("xl/vbaProject.bin") != null) {
                throw new DamagedInputException(display, "is a macro-enabled workbook (expected an .xlsx without macros: "
                        + "save it as \"Excel Workbook (.xlsx)\"; the tool never runs macros)");
            }
            missingPart(zip, display);
            wellFormedProperties(zip, display);
        } catch (java.util.zip.ZipException e) {
            throw new DamagedInputException(display, "is not a readable zip (" + e.getMessage() + "): it may have been cut "
                    + "short; save it again");
        }
    }

    private static final java.util.regex.Pattern RELATIONSHIP = java.util.regex.Pattern.compile("<(?:\\w+:)?Relationship\\b[^>]*>");
    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile("\\bTarget=\"([^\"]*)\"");

    /**
     * A part the package's relationships name but the zip does not hold (a sheet lost when the file was cut or edited
     * by hand): POI would open the workbook and fail somewhere inside it; this names the part. Links to outside the
     * file ({@code TargetMode="External"}) are not parts.
     */
    private static void missingPart(ZipFile zip, String display) throws IOException {
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            String name = entry.getName();
            if (!name.endsWith(".rels") || entry.getSize() > (8 << 20)) {
                continue;
            }
            String rels;
            try (InputStream in = zip.getInputStream(entry)) {
                rels = new String(in.readNBytes(8 << 20), StandardCharsets.UTF_8);
            }
            // xl/_rels/workbook.xml.rels belongs to xl/workbook.xml: its targets are relative to xl/
            String source = name.replace("_rels/", "").replaceFirst("\\.rels$", "");
            String base = source.contains("/") ? source.substring(0, source.lastIndexOf('/') + 1) : "";
            java.util.regex.Matcher relationship = RELATIONSHIP.matcher(rels);
            while (relationship.find()) {
                String element = relationship.group();
                java.util.regex.Matcher target = TARGET.matcher(element);
                if (element.contains("TargetMode=\"External\"") || !target.find()) {
                    continue;
                }
                String part = resolve(base, target.group(1));
                if (part != null && zip.getEntry(part) == null) {
                    throw new DamagedInputException(display, "is damaged: " + name + " names the part " + part
                            + ", which the file does not hold (save the workbook again from Excel or LibreOffice)");
                }
            }
        }
    }

    /**
     * The document's properties (author, title: {@code docProps/*.xml}) are read leniently by POI, which then cannot
     * save a workbook whose properties part is damaged: checked here, so that the damage is named before any work.
     */
    private static void wellFormedProperties(ZipFile zip, String display) throws IOException {
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            String name = entry.getName();
            if (!name.startsWith("docProps/") || !name.endsWith(".xml")) {
                continue;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.newSAXParser().parse(new java.io.BufferedInputStream(in),
                        new org.xml.sax.helpers.DefaultHandler());
            } catch (org.xml.sax.SAXException e) {
                String message = String.valueOf(e.getMessage());
                throw new DamagedInputException(display, message.contains("DOCTYPE") ? reason(e)
                        : "is damaged: its part " + name + " (the document's properties) is not well-formed XML ("
                        + se.atmp2030.workbook.collect.Problem.shorten(message) + "); save it again from Excel or "
                        + "LibreOffice");
            } catch (javax.xml.parsers.ParserConfigurationException e) {
                throw new IllegalStateException("the XML parser cannot refuse DTDs", e);
            }
        }
    }

    /** A relationship's target as a zip entry name, or {@code null} for what is no part (a URL, an anchor). */
    private static String resolve(String base, String target) {
        String decoded = java.net.URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (decoded.isEmpty() || decoded.startsWith("#") || decoded.contains(":")) {
            return null;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        String path = decoded.startsWith("/") ? decoded.substring(1) : base + decoded;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                parts.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.addLast(segment);
            }
        }
        return String.join("/", parts);
    }

    private static String reason(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(' ').append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        String all = chain.toString();
        if (all.contains("DOCTYPE")) {
            return "has a part with a DTD (<!DOCTYPE ...>), which a workbook saved by Excel or LibreOffice never has and "
                    + "which could reach files on this machine or expand without end; it is not read (save the workbook "
                    + "again from Excel or LibreOffice)";
        }
        if (all.contains("Zip bomb") || all.contains("maximum length for this record type")
                || all.contains("exceeds the max")) {
            return "has a part that unpacks to far more than its size (a zip bomb, or a damaged file); it is not read";
        }
        if (all.contains("NotOfficeXmlFile") || all.contains("content type part")) {
            return "is not an Excel workbook (expected an .xlsx file)";
        }
        String first = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "cannot be read as an Excel workbook (" + se.atmp2030.workbook.collect.Problem.shorten(first) + ")";
    }
}
