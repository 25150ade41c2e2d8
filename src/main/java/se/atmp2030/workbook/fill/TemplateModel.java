package se.atmp2030.workbook.fill;

import java.time.LocalDate;
import java.util.List;
import se.atmp2030.workbook.analyze.Analysis;
import se.atmp2030.workbook.collect.Dataset;

/** What a template is filled from: the report's facts, the analyses and the collected datasets. */
record TemplateModel(ReportInfo info, Analysis analysis, List<Dataset> datasets) {
    /** The newest download or data date of any dataset: how current the report is. */
    LocalDate dataAsOf() {
        return datasets.stream()
                .map(d -> d.provenance().retrieved() != null ? d.provenance().retrieved() : d.provenance().dataAsOf())
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
    }
}
