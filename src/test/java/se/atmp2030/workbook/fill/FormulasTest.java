package se.atmp2030.workbook.fill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormulasTest {
    private static final List<String> NAMES = List.of("kpi_trials_active", "edit_notes");
    private static final List<String> TABLES = List.of("tbl_cart_infusions", "tbl_kpis");
    private static final List<String> TOTALS = List.of("tbl_cart_infusions");
    private static final List<String> SHEETS = List.of("KPIs", "Employment and jobs", "My analysis");

    private static Set<String> missing(String formula) {
        return Formulas.unresolved(formula, NAMES, TABLES, TOTALS, SHEETS);
    }

    @Test
    void namesTablesAndSheetsTheWorkbookHasResolve() {
        assertThat(missing("kpi_trials_active*2")).isEmpty();
        assertThat(missing("KPI_TRIALS_ACTIVE+SUM(tbl_cart_infusions[infusions])")).as("names ignore case").isEmpty();
        assertThat(missing("'Employment and jobs'!B6+KPIs!$C$2+A1+$B$2+XFD1048576")).isEmpty();
        assertThat(missing("tbl_cart_infusions[[#Totals],[infusions]]+SUM(tbl_kpis[value])")).isEmpty();
        assertThat(missing("IF(TRUE,\"kpi_gone and Gone!A1\",FALSE)")).as("text in quotes is text").isEmpty();
        assertThat(missing("SUM(A:A)+SUM(3:3)")).isEmpty();
    }

    @Test
    void whatTheNewWorkbookLacksIsNamed() {
        assertThat(missing("kpi_gone*2")).containsExactly("name kpi_gone");
        assertThat(missing("SUM(tbl_gone[x])")).containsExactly("table tbl_gone");
        assertThat(missing("'Old sheet'!A1+Gone!B2")).containsExactly("sheet 'Old sheet'", "sheet Gone");
        assertThat(missing("tbl_kpis[[#Totals],[value]]")).containsExactly("a totals row in table tbl_kpis");
        assertThat(missing("SUM(tbl_kpis[#Totals])")).containsExactly("a totals row in table tbl_kpis");
    }
}
