package se.atmp2030.workbook.collect.companies;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.atmp2030.workbook.collect.AnalystCsv;
import se.atmp2030.workbook.collect.AnalystCsv.Field;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.CsvDialect;
import se.atmp2030.workbook.collect.CsvSource;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.Reading;
import se.atmp2030.workbook.collect.SwedishRegions;
import se.atmp2030.workbook.collect.Table;
import se.atmp2030.workbook.collect.Values;

/**
 * The register of Swedish ATMP developers and their employees per year, both kept by the analysts in Excel. The
 * employees file is kept wide, as analysts keep it: one row per company, one column per year.
 */
final class CompaniesCollector implements Collector {
    static final InputSpec REGISTER = new InputSpec("companies/atmp-developers.csv",
            "analyst CSV: Organisation number, Company, City, Region, Founded, SME, ATMP category, Modality, Development stage", true);
    static final InputSpec EMPLOYEES = new InputSpec("companies/employees.csv",
            "analyst CSV: Organisation number, Company, then one column per year (2018, 2019, ...) with the number of employees", true);
    private static final String SOURCE = "ATMP2030 register of Swedish ATMP developers (analysts; annual reports from Bolagsverket)";
    private static final String SOURCE_URL = "https://www.bolagsverket.se/";

    private static final Map<String, String> CATEGORIES = Values.choices(
            "GTMP", "GTMP", "gene therapy", "GTMP", "sCTMP", "sCTMP", "somatic cell therapy", "sCTMP",
            "TEP", "TEP", "tissue engineered", "TEP", "combined", "combined", "combined ATMP", "combined", "cATMP", "combined");
    private static final Map<String, String> STAGES = Values.choices(
            "Discovery", "Discovery", "Preclinical", "Preclinical", "Phase 1", "Phase 1", "Phase I", "Phase 1",
            "Phase 1/2", "Phase 1/2", "Phase I/II", "Phase 1/2", "Phase 2", "Phase 2", "Phase II", "Phase 2",
            "Phase 3", "Phase 3", "Phase III", "Phase 3", "Marketed", "Marketed", "Market", "Marketed");

    static final List<Field> REGISTER_FIELDS = List.of(
            Field.of("Organisation number", "org_number", ColumnType.TEXT, true, OrganisationNumber::parse,
                    "Swedish organisation number, NNNNNN-NNNN"),
            Field.text("Company", "company", true, "Company name"),
            Field.text("City", "city", false, "City of the head office"),
            Field.of("Region", "region", ColumnType.TEXT, false, SwedishRegions::parse, "Swedish region of the head office"),
            Field.of("Founded", "founded", ColumnType.INTEGER, false, raw -> (long) Values.year(raw), "Year founded"),
            Field.of("SME", "sme", ColumnType.BOOLEAN, true, Values::bool,
                    "Small or medium-sized enterprise (EU definition: under 250 employees)"),
            Field.of("ATMP category", "atmp_category", ColumnType.TEXT, true,
                    raw -> Values.oneOf(raw, CATEGORIES, "GTMP, sCTMP, TEP or combined"),
                    "ATMP class under Regulation 1394/2007: GTMP, sCTMP, TEP or combined"),
            Field.text("Modality", "modality", false, "Therapy modality, e.g. CAR T, AAV gene therapy"),
            Field.of("Development stage", "stage", ColumnType.TEXT, false,
                    raw -> Values.oneOf(raw, STAGES, "Discovery, Preclinical, Phase 1, Phase 1/2, Phase 2, Phase 3 or Marketed"),
                    "Most advanced stage of the company's pipeline"));

    @Override
    public String name() {
        return "companies";
    }

    @Override
    public String description() {
        return "Register of Swedish ATMP developers and their employees per year";
    }

    @Override
    public List<String> datasets() {
        return List.of("companies", "employees");
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(REGISTER, EMPLOYEES);
    }

    @Override
    public List<Dataset> collect(CollectContext context) throws IOException {
        Reading registerReading = new Reading();
        List<Path> registerFiles = context.files(REGISTER);
        int mark = context.problems().mark();
        Table register = AnalystCsv.read(context, registerReading, "companies", registerFiles,
                REGISTER.format(), REGISTER_FIELDS, null, List.of("org_number"));
        String registerName = registerFiles.isEmpty() ? REGISTER.glob() : context.display(registerFiles.get(0));
        Reading employeesReading = new Reading();
        // A register with problems of its own (listed) cannot say which companies are missing from it: the employees'
        // companies are checked against it only when it read whole, so that one damage is one message, not thirty.
        boolean registerWhole = context.problems().since(mark).isEmpty();
        Table employees = employees(context, employeesReading, register, registerName, registerWhole);
        return List.of(
                new Dataset(register, "Swedish ATMP developers",
                        registerReading.provenance(SOURCE, SOURCE_URL, context.settings().retrieved("companies"))),
                new Dataset(employees, "Employees of Swedish ATMP developers per year",
                        employeesReading.provenance(SOURCE, SOURCE_URL, context.settings().retrieved("employees"))));
    }

    /** @param registerWhole whether the register read without problems, so that a company missing from it is one */
    private static Table employees(CollectContext context, Reading reading, Table register, String registerName,
                                   boolean registerWhole) throws IOException {
        Map<String, Object[]> companies = new HashMap<>();
        int orgColumn = register.columnIndex("org_number");
        for (Object[] row : register.rows()) {
            companies.put((String) row[orgColumn], row);
        }
        int nameColumn = register.columnIndex("company");
        int smeColumn = register.columnIndex("sme");
        Table.Builder table = Table.builder("employees")
                .column("org_number", ColumnType.TEXT, "Swedish organisation number")
                .column("company", ColumnType.TEXT, "Company name, from the register")
                .column("sme", ColumnType.BOOLEAN, "Whether the company is an SME, from the register")
                .column("year", ColumnType.INTEGER, "Year")
                .column("employees", ColumnType.INTEGER, "Employees at year end");
        // A company's row twice: the same counts are counted once, other counts are a problem.
        Map<String, Object[]> rowsSeen = new HashMap<>();
        long[] repeated = {0};
        for (Path path : context.files(EMPLOYEES)) {
            reading.file(context.sourceFile(path, EMPLOYEES.format()));
            CsvSource csv = CsvSource.open(path, context.display(path), CsvDialect.detect(path), context.problems());
            if (!csv.requireColumns("Organisation number")) {
                continue;
            }
            List<String> years = csv.yearColumns();
            if (years.isEmpty() && !csv.header().isEmpty()) {
                context.problems().add(csv.file(), 1, null, "no year columns (expected columns named 2018, 2019, ... "
                        + "holding employees per year; the header has: " + String.join(", ", csv.header()) + ")");
                continue;
            }
            csv.forEach(record -> {
                String org = record.required("Organisation number", OrganisationNumber::parse);
                Object[] company = org == null ? null : companies.get(org);
                if (org != null && company == null && !registerWhole) {
                    reading.record(false); // the register has problems, listed: its company cannot be told
                    return;
                }
                if (org != null && company == null) {
                    record.fail("Organisation number", "\"" + org + "\" is not in the register (expected a company listed in "
                            + registerName + ")");
                }
                long[] counts = new long[years.size()];
                boolean[] present = new boolean[years.size()];
                for (int i = 0; i < years.size(); i++) {
                    Long count = record.optional(years.get(i), Values::nonNegativeInteger);
                    present[i] = count != null;
                    counts[i] = count == null ? 0 : count;
                }
                if (record.ok()) {
                    Object[] seen = rowsSeen.putIfAbsent(org, new Object[] {counts.clone(), present.clone(),
                            record.line()});
                    if (seen != null) {
                        if (java.util.Arrays.equals((long[]) seen[0], counts)
                                && java.util.Arrays.equals((boolean[]) seen[1], present)) {
                            repeated[0]++;
                            reading.record(true);
                            return;
                        }
                        record.fail("Organisation number", "\"" + org + "\" is listed again (first on line " + seen[2]
                                + ") with other employee figures: which is right? (expected each company once)");
                    }
                }
                reading.record(record.ok());
                if (record.ok()) {
                    for (int i = 0; i < years.size(); i++) {
                        if (present[i]) {
                            table.add(org, company[nameColumn], company[smeColumn], Long.parseLong(years.get(i)), counts[i]);
                            reading.rowOfYear(Integer.parseInt(years.get(i)));
                        }
                    }
                }
            });
        }
        if (repeated[0] > 0) {
            reading.note(repeated[0] + " companies listed twice with the same figures counted once");
        }
        return table.build();
    }
}
