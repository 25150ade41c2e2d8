package se.atmp2030.workbook.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A PDF of the workbook through LibreOffice (headless), for stakeholders who read it without a spreadsheet program. */
public final class PdfExport {
    private PdfExport() {
    }

    /** Writes {@code <workbook without .xlsx>.pdf} beside the workbook and returns it. */
    public static Path export(Path workbook) throws OutputException {
        String soffice = find("soffice", "libreoffice");
        if (soffice == null) {
            throw new OutputException("LibreOffice is not installed, so no PDF was made (the workbook was written). "
                    + "Install it (Debian/Ubuntu: apt-get install libreoffice-calc-nogui) or print the workbook to PDF "
                    + "from Excel", null);
        }
        Path dir = workbook.toAbsolutePath().getParent();
        Path pdf = dir.resolve(workbook.getFileName().toString().replaceFirst("\\.xlsx$", "") + ".pdf");
        try {
            Path profile = Files.createTempDirectory("atmp-lo-profile");
            Process process = new ProcessBuilder(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(), workbook.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new OutputException("LibreOffice did not finish the PDF within 5 minutes", null);
            }
            if (process.exitValue() != 0 || !Files.exists(pdf)) {
                throw new OutputException("LibreOffice could not make a PDF of " + workbook + " (exit " + process.exitValue()
                        + ")", null);
            }
            return pdf;
        } catch (IOException e) {
            throw new OutputException("cannot run LibreOffice for the PDF: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutputException("interrupted while LibreOffice made the PDF", e);
        }
    }

    private static String find(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }
}
