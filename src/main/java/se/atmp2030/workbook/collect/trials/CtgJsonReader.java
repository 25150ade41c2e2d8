package se.atmp2030.workbook.collect.trials;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.atmp2030.workbook.collect.InvalidValueException;
import se.atmp2030.workbook.collect.JsonLines;
import se.atmp2030.workbook.collect.JsonRecord;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.Values;

/**
 * ClinicalTrials.gov JSON in every form the registry hands out, read one study at a time with Jackson's streaming
 * parser so that a full registry dump never sits in memory:
 * <ul>
 *   <li>an API v2 page, {@code {"studies":[...],"nextPageToken":"...","totalCount":n}}, the token there or not;</li>
 *   <li>the website's JSON download, an array of studies;</li>
 *   <li>a single study, {@code {"protocolSection":{...},"derivedSection":{...},"hasResults":false}}, as
 *       {@code GET /api/v2/studies/{nctId}} returns it and as each file of the website's {@code ctg-studies.json.zip} is.</li>
 * </ul>
 * A page requested with {@code fields=} lacks the modules it did not ask for; when no study of a file has the
 * interventions or the locations, the file is reported with the {@code fields=} it needs, so that no trial silently
 * becomes "not ATMP" or "no Swedish site".
 */
final class CtgJsonReader {
    private static final ObjectMapper MAPPER = se.atmp2030.workbook.collect.Json.MAPPER;
    private static final JsonFactory FACTORY = se.atmp2030.workbook.collect.Json.FACTORY;
    private static final String NCT = "protocolSection.identificationModule.nctId";
    private static final String STATUS = "protocolSection.statusModule.overallStatus";
    private static final String START = "protocolSection.statusModule.startDateStruct.date";
    private static final String UPDATED = "protocolSection.statusModule.lastUpdatePostDateStruct.date";
    private static final String INTERVENTIONS = "protocolSection.armsInterventionsModule";
    private static final String LOCATIONS = "protocolSection.contactsLocationsModule";

    /** What a file showed as a whole: whether it was requested with fields=, and which modules its studies have. */
    static final class FileShape {
        int studies;
        int partial;
        int withInterventions;
        int withLocations;
        int untypedInterventions;
        boolean page;
        boolean nextPageToken;
    }

    private CtgJsonReader() {
    }

    /** Reads the file; returns what it showed as a whole (for the collector's notes), after reporting its problems. */
    static FileShape read(Path path, String file, Problems problems, StudySink sink) throws IOException {
        FileShape shape = new FileShape();
        try (InputStream in = se.atmp2030.workbook.collect.ZipGuard.open(path); JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                studies(parser, file, problems, sink, shape);
            } else if (first == JsonToken.START_OBJECT) {
                object(parser, file, problems, sink, shape);
            } else {
                noStudies(problems, file, 1);
            }
        } catch (JsonProcessingException e) {
            problems.add(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "the file is not valid JSON (" + se.atmp2030.workbook.collect.Json.message(e) + ")");
            return shape;
        }
        reportFields(shape, file, problems);
        return shape;
    }

    /**
     * The top-level object: an API page (its {@code studies} streamed, its other fields kept) or one study (every field
     * kept, then read as the study).
     */
    private static void object(JsonParser parser, String file, Problems problems, StudySink sink, FileShape shape)
            throws IOException {
        ObjectNode top = MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("studies".equals(field) && value == JsonToken.START_ARRAY) {
                shape.page = true;
                studies(parser, file, problems, sink, shape);
            } else {
                top.set(field, parser.readValueAsTree());
            }
        }
        if (shape.page) {
            shape.nextPageToken = top.hasNonNull("nextPageToken") && !top.get("nextPageToken").asText().isEmpty();
        } else if (top.has("protocolSection")) {
            study(top, file, 1, problems, sink, shape);
        } else {
            noStudies(problems, file, 1);
        }
    }

    private static void noStudies(Problems problems, String file, long line) {
        problems.add(file, line, null, "no studies found (expected an API v2 page {\"studies\":[...]}, an array of "
                + "studies, or one study {\"protocolSection\":{...}} as ClinicalTrials.gov saves them)");
    }

    private static void studies(JsonParser parser, String file, Problems problems, StudySink sink, FileShape shape)
            throws IOException {
        int notStudies = JsonLines.forEachObject(parser, file, problems,
                "an item of the studies array is not a study (expected an object)",
                (node, line) -> study(node, file, line, problems, sink, shape));
        for (int i = 0; i < notStudies; i++) {
            sink.rejected();
        }
    }

    private static void study(JsonNode node, String file, long line, Problems problems, StudySink sink, FileShape shape) {
        JsonRecord study = new JsonRecord(node, problems, file, line);
        shape.studies++;
        JsonNode protocol = node.path("protocolSection");
        // Every study the registry hands out whole has a derivedSection and an eligibility module; a record without
        // both was cut down by a fields= request.
        boolean partial = !node.has("derivedSection") && !protocol.has("eligibilityModule");
        if (partial) {
            shape.partial++;
        }
        if (!study.at(INTERVENTIONS).isMissingNode()) {
            shape.withInterventions++;
        }
        if (!study.at(LOCATIONS).isMissingNode()) {
            shape.withLocations++;
        }
        String nct = study.required(NCT, CtgCsvReader::nctId);
        String status = study.required(STATUS, CtgFields::status);
        LocalDate start = study.optional(START, Values::yearMonthOrDate);
        LocalDate updated = study.optional(UPDATED, Values::yearMonthOrDate);
        String phase = phase(study);
        List<Trial.Intervention> interventions = interventions(study, partial, shape);
        CtgLocations locations = new CtgLocations();
        JsonNode list = study.array(LOCATIONS + ".locations");
        for (int i = 0; i < list.size(); i++) {
            JsonNode location = list.get(i);
            if (!location.isObject()) {
                study.fail(LOCATIONS + ".locations[" + i + "]", "is " + describeKind(location) + " (expected an object)");
                continue;
            }
            locations.addJson(text(study, location.path("country"), LOCATIONS + ".locations[" + i + "].country"), describe(location));
        }
        List<String> conditions = new ArrayList<>();
        JsonNode conditionList = study.array("protocolSection.conditionsModule.conditions");
        for (int i = 0; i < conditionList.size(); i++) {
            String condition = text(study, conditionList.get(i), "protocolSection.conditionsModule.conditions[" + i + "]");
            if (condition != null) {
                conditions.add(condition);
            }
        }
        study.object("protocolSection.statusModule.startDateStruct");
        if (!study.ok()) {
            sink.rejected();
            return;
        }
        sink.accept(new Trial(nct, study.text("protocolSection.identificationModule.briefTitle"), status, phase, start,
                study.text("protocolSection.designModule.studyType"),
                study.text("protocolSection.sponsorCollaboratorsModule.leadSponsor.name"),
                study.text("protocolSection.sponsorCollaboratorsModule.leadSponsor.class"),
                conditions.isEmpty() ? null : String.join("|", conditions), interventions, locations.countries,
                locations.unplaced, updated, "JSON", file), line);
    }

    private static String phase(JsonRecord study) {
        List<String> tokens = new ArrayList<>();
        study.array("protocolSection.designModule.phases").forEach(p -> tokens.add(p.asText()));
        if (tokens.isEmpty()) {
            return null;
        }
        try {
            return CtgFields.phase(tokens, String.join("|", tokens));
        } catch (InvalidValueException e) {
            study.fail("protocolSection.designModule.phases", e.getMessage());
            return null;
        }
    }

    private static List<Trial.Intervention> interventions(JsonRecord study, boolean partial, FileShape shape) {
        List<Trial.Intervention> interventions = new ArrayList<>();
        JsonNode list = study.array(INTERVENTIONS + ".interventions");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                study.fail(INTERVENTIONS + ".interventions[" + i + "]", "is " + describeKind(item) + " (expected an object)");
                continue;
            }
            if (partial && !item.has("type")) {
                shape.untypedInterventions++;
                continue;
            }
            String type = item.path("type").asText("");
            if (!CtgFields.INTERVENTION_TYPES.contains(type)) {
                study.fail(INTERVENTIONS + ".interventions[" + i + "].type", "\"" + type
                        + "\" is not an intervention type (expected DRUG, BIOLOGICAL, GENETIC, DEVICE, PROCEDURE, ...)");
                continue;
            }
            StringBuilder details = new StringBuilder(item.path("description").asText(""));
            item.path("otherNames").forEach(n -> details.append(" | ").append(n.asText()));
            interventions.add(new Trial.Intervention(type, item.path("name").asText(""), details.toString()));
        }
        return interventions;
    }

    /** A value that must be text (or a number, read as text); an object or a list there is reported. */
    private static String text(JsonRecord study, JsonNode value, String field) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            study.fail(field, "is " + describeKind(value) + " (expected a text)");
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String describeKind(JsonNode value) {
        return value.isArray() ? "a list" : value.isObject() ? "an object" : "the value " + Problem.shorten(value.asText());
    }

    private static String describe(JsonNode location) {
        List<String> parts = new ArrayList<>();
        for (String field : new String[] {"facility", "city", "state", "zip"}) {
            String text = location.path(field).asText("");
            if (!text.isBlank()) {
                parts.add(text.strip());
            }
        }
        return parts.isEmpty() ? "(a location with no name)" : String.join(", ", parts);
    }

    /** A file of studies cut down by fields= is reported once, with the fields= its request needs. */
    private static void reportFields(FileShape shape, String file, Problems problems) {
        if (shape.partial == 0) {
            return;
        }
        String again = "request the studies again without fields=, or add ";
        if (shape.withInterventions == 0) {
            problems.add(new Problem(file, 0, Problem.field(INTERVENTIONS), "is missing from all " + shape.studies
                    + " studies: the request's fields= left out the interventions, which the ATMP classification needs ("
                    + again + "InterventionType,InterventionName,InterventionDescription,InterventionOtherName to fields=)"));
        } else if (shape.untypedInterventions > 0) {
            problems.add(new Problem(file, 0, Problem.field(INTERVENTIONS + ".interventions[].type"), "is missing from "
                    + shape.untypedInterventions + " interventions: the request's fields= left out the intervention type, "
                    + "which the ATMP classification needs (" + again + "InterventionType to fields=)"));
        }
        if (shape.withLocations == 0) {
            problems.add(new Problem(file, 0, Problem.field(LOCATIONS), "is missing from all " + shape.studies
                    + " studies: the request's fields= left out the locations, so no trial could be flagged for a site in "
                    + "Sweden (" + again + "LocationCountry to fields=)"));
        }
    }
}
