package se.atmp2030.workbook.fill;

import java.time.LocalDateTime;

/** What the workbook says about itself: report title and year, when and by which version it was built, from which inputs. */
public record ReportInfo(String title, int year, LocalDateTime builtAt, String toolVersion, String inputs) {
}
