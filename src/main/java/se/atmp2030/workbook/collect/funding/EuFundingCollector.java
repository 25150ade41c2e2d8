package se.atmp2030.workbook.collect.funding;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.CsvDialect;
import se.atmp2030.workbook.collect.CsvSource;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.InvalidValueException;
import se.atmp2030.workbook.collect.Reading;
import se.atmp2030.workbook.collect.Table;
import se.atmp2030.workbook.collect.Values;

/**
 * EU funding of Swedish participants from the CORDIS open data extracts (Horizon Europe, Horizon 2020), read from the zip
 * as downloaded or from its unpacked {@code project.csv} and {@code organization.csv}. Participants are joined to their
 * project and matched to the register of ATMP developers.
 */
final class EuFundingCollector implements Collector {
    static final InputSpec ZIPS = new InputSpec("eu-funding/*.zip",
            "CORDIS projects extract as downloaded (cordis-h2020projects-csv.zip, cordis-HORIZONprojects-csv.zip)", false);
    static final InputSpec ORGANIZATIONS = new InputSpec("eu-funding/**organization.csv",
            "CORDIS organization.csv, with project.csv in the same folder", false);
    private static final Map<String, String> PROGRAMMES = Map.of("H2020", "Horizon 2020", "HORIZON", "Horizon Europe",
            "FP7", "FP7");
    private static final String[] ORG_COLUMNS = {"projectID", "name", "country", "ecContribution"};
    private static final String[] PROJECT_COLUMNS = {"id", "startDate", "frameworkProgramme"};

    private record Project(String acronym, String title, String programme, String scheme, LocalDate start, LocalDate end) {
    }

    @Override
    public String name() {
        return "eu-funding";
    }

    @Override
    public String description() {
        return "EU funding (CORDIS) to Swedish participants, matched to the register of ATMP developers";
    }

    @Override
    public List<String> datasets() {
        return List.of("eu_funding");
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(ZIPS, ORGANIZATIONS);
    }

    /** The other tables of an unpacked CORDIS extract, which the funding figures do not need. */
    @Override
    public List<String> ignores() {
        return List.of("eu-funding/**{euroSciVoc,topics,legalBasis,webLink,policyPriorities,organizationGeolocation}.csv");
    }

    @Override
    public List<String> requires() {
        return List.of("companies");
    }

    @Override
    public List<Dataset> collect(CollectContext context) throws IOException {
        CompanyMatcher matcher = new CompanyMatcher(context.dataset("companies").table());
        Table.Builder table = Table.builder("eu_funding")
                .column("project_id", ColumnType.TEXT, "CORDIS project id")
                .column("acronym", ColumnType.TEXT, "Project acronym")
                .column("title", ColumnType.TEXT, "Project title")
                .column("programme", ColumnType.TEXT, "Framework programme: Horizon 2020 or Horizon Europe")
                .column("funding_scheme", ColumnType.TEXT, "Funding scheme, e.g. HORIZON-EIC, SME-2")
                .column("start_date", ColumnType.DATE, "Project start")
                .column("year", ColumnType.INTEGER, "Year the project started")
                .column("end_date", ColumnType.DATE, "Project end")
                .column("organisation", ColumnType.TEXT, "Participant as CORDIS names it")
                .column("vat_number", ColumnType.TEXT, "Participant VAT number")
                .column("city", ColumnType.TEXT, "Participant city")
                .column("cordis_sme", ColumnType.BOOLEAN, "SME flag in CORDIS")
                .column("activity_type", ColumnType.TEXT, "PRC company, HES higher education, REC research, PUB public, OTH other")
                .column("role", ColumnType.TEXT, "coordinator, participant, thirdParty or partner")
                .column("ec_contribution", ColumnType.DECIMAL, "EU contribution to the participant, EUR")
                .column("net_ec_contribution", ColumnType.DECIMAL, "Net EU contribution to the participant, EUR")
                .column("total_cost", ColumnType.DECIMAL, "Participant's total cost, EUR")
                .column("org_number", ColumnType.TEXT, "Organisation number of the matched register company")
                .column("company", ColumnType.TEXT, "Matched register company")
                .column("register_sme", ColumnType.BOOLEAN, "Whether the matched company is an SME in the register")
                .column("match_rule", ColumnType.TEXT, "How the company was matched: VAT or name; empty: not an ATMP developer")
                .column("atmp_developer", ColumnType.BOOLEAN, "Whether the participant is a developer of the register "
                        + "(the pivot of EU funding filters on it, so that its total is the KPI's)");
        Reading reading = new Reading();
        long[] foreign = {0};
        List<Path> organizationFiles = new ArrayList<>(context.files(ORGANIZATIONS));
        List<FileSystem> zips = new ArrayList<>();
        try {
            for (Path zip : context.files(ZIPS)) {
                reading.file(context.sourceFile(zip, ZIPS.format()));
                FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of());
                se.atmp2030.workbook.collect.ZipGuard.watch(fs, new se.atmp2030.workbook.collect.ZipGuard.Budget(zip,
                        context.display(zip)));
                zips.add(fs);
                Path organization = fs.getPath("/organization.csv");
                if (Files.exists(organization)) {
                    organizationFiles.add(organization);
                } else {
                    context.problems().add(context.display(zip), 0, null,
                            "the zip holds no organization.csv (expected a CORDIS projects extract)");
                }
            }
            if (organizationFiles.isEmpty()) {
                context.problems().add(context.display("eu-funding"), 0, null,
                        "no file found (expected a CORDIS extract: cordis-*projects-csv.zip, or organization.csv with project.csv)");
            }
            for (Path organization : organizationFiles) {
                boolean inZip = organization.getFileSystem() != FileSystems.getDefault();
                String orgName = inZip ? display(context, organization) : context.display(organization);
                Path projectPath = organization.resolveSibling("project.csv");
                if (!Files.exists(projectPath)) {
                    context.problems().add(orgName, 0, null, "project.csv is missing beside it (CORDIS extracts hold both)");
                    continue;
                }
                if (!inZip) {
                    reading.file(context.sourceFile(organization, ORGANIZATIONS.format()));
                    reading.file(context.sourceFile(projectPath, "CORDIS project.csv"));
                }
                String projectName = inZip ? display(context, projectPath) : context.display(projectPath);
                Map<String, Project> projects = projects(context, projectPath, projectName, reading);
                CsvSource csv = CsvSource.open(organization, orgName, CsvDialect.detect(organization), context.problems());
                if (!csv.requireColumns(ORG_COLUMNS)) {
                    continue;
                }
                csv.forEach(row -> {
                    String country = row.text("country");
                    if (!"SE".equalsIgnoreCase(country)) {
                        foreign[0]++;
                        return;
                    }
                    String projectId = row.requiredText("projectID");
                    Project project = projectId == null ? null : projects.get(projectId);
                    if (projectId != null && project == null) {
                        row.fail("projectID", "\"" + projectId + "\" is not in " + projectName
                                + " (expected the id of a project in the same extract)");
                    }
                    String name = row.requiredText("name");
                    Double ec = row.optional("ecContribution", Values::decimal);
                    Double net = row.optional("netEcContribution", Values::decimal);
                    Double cost = row.optional("totalCost", Values::decimal);
                    Boolean sme = row.optional("SME", Values::bool);
                    String vat = row.text("vatNumber");
                    reading.record(row.ok());
                    if (!row.ok()) {
                        return;
                    }
                    CompanyMatcher.Match match = matcher.match(vat, name);
                    reading.asOf(contentDate(row.text("contentUpdateDate")));
                    table.add(projectId, project.acronym(), project.title(), project.programme(), project.scheme(),
                            project.start(), project.start() == null ? null : (long) project.start().getYear(),
                            project.end(), name, vat, row.text("city"), sme, row.text("activityType"), row.text("role"),
                            ec, net, cost,
                            match == null ? null : match.company().orgNumber(),
                            match == null ? null : match.company().name(),
                            match == null ? null : match.company().sme(), match == null ? null : match.rule(),
                            match != null);
                });
            }
        } finally {
            for (FileSystem fs : zips) {
                fs.close();
            }
        }
        if (foreign[0] > 0) {
            reading.note(foreign[0] + " participations outside Sweden left out");
        }
        return List.of(new Dataset(table.build(), "EU funding to Swedish participants (CORDIS)",
                reading.provenance("CORDIS, EU research projects under Horizon 2020 and Horizon Europe (European Commission)",
                        "https://data.europa.eu/data/datasets/cordis-eu-research-projects-under-horizon-europe-2021-2027",
                        context.settings().retrieved("eu_funding"))));
    }

    private static Map<String, Project> projects(CollectContext context, Path path, String file, Reading reading)
            throws IOException {
        Map<String, Project> projects = new HashMap<>();
        CsvSource csv = CsvSource.open(path, file, CsvDialect.detect(path), context.problems());
        if (!csv.requireColumns(PROJECT_COLUMNS)) {
            return projects;
        }
        csv.forEach(row -> {
            String id = row.requiredText("id");
            LocalDate start = row.optional("startDate", Values::planDate);
            LocalDate end = row.optional("endDate", Values::planDate);
            String programme = row.optional("frameworkProgramme", EuFundingCollector::programme);
            reading.record(row.ok());
            if (row.ok()) {
                projects.put(id, new Project(row.text("acronym"), row.text("title"), programme,
                        row.text("fundingScheme"), start, end));
            }
        });
        return projects;
    }

    private static String programme(String raw) throws InvalidValueException {
        String name = PROGRAMMES.get(raw.toUpperCase(java.util.Locale.ROOT));
        if (name == null) {
            throw new InvalidValueException(raw, "is not a framework programme", "H2020 or HORIZON");
        }
        return name;
    }

    /** CORDIS writes {@code 2023-07-23 18:32:55}; a bad one is only a missing "as of", never a reason to reject a row. */
    private static LocalDate contentDate(String raw) {
        try {
            return raw == null || raw.length() < 10 ? null : Values.isoDate(raw.substring(0, 10));
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static String display(CollectContext context, Path inZip) {
        String zip = inZip.getFileSystem().toString();
        return context.display(Path.of(zip)) + "!" + inZip.toString().substring(1);
    }
}
