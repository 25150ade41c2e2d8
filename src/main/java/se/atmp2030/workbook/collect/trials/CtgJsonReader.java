package se.atmp2030.workbook.collect.trials;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import se.atmp2030.workbook.collect.Countries;
import se.atmp2030.workbook.collect.InvalidValueException;
import se.atmp2030.workbook.collect.JsonRecord;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.Values;

/**
 * The ClinicalTrials.gov API v2 JSON ({@code {"studies":[...],"nextPageToken":...}}), or a plain array of studies, read
 * one study at a time with Jackson's streaming parser so that a full registry dump never sits in memory.
 */
final class CtgJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String STATUS = "protocolSection.statusModule.overallStatus";
    private static final String START = "protocolSection.statusModule.startDateStruct.date";
    private static final String NCT = "protocolSection.identificationModule.nctId";

    private CtgJsonReader() {
    }

    static void read(Path path, String file, Problems problems, Consumer<Boolean> read, Consumer<Trial> action)
            throws IOException {
        try (JsonParser parser = new JsonFactory(MAPPER).createParser(Files.newInputStream(path))) {
            if (!toStudies(parser)) {
                problems.add(file, parser.currentLocation().getLineNr(), null,
                        "no studies found (expected the API v2 response {\"studies\":[...]} or an array of studies)");
                return;
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                long line = parser.currentTokenLocation().getLineNr();
                JsonNode node = parser.readValueAsTree();
                JsonRecord study = new JsonRecord(node, problems, file, line);
                Trial trial = trial(study);
                read.accept(study.ok());
                if (study.ok()) {
                    action.accept(trial);
                }
            }
        } catch (JsonParseException e) {
            problems.add(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "the file is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** Moves the parser to the start of the studies array; false when there is none. */
    private static boolean toStudies(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            return true;
        }
        if (first != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("studies".equals(field) && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private static Trial trial(JsonRecord study) {
        String nct = study.required(NCT, CtgCsvReader::nctId);
        String status = study.required(STATUS, CtgFields::status);
        LocalDate start = study.optional(START, Values::yearMonthOrDate);
        JsonNode phases = study.at("protocolSection.designModule.phases");
        List<String> phaseTokens = new ArrayList<>();
        phases.forEach(p -> phaseTokens.add(p.asText()));
        String phase = null;
        if (!phaseTokens.isEmpty()) {
            try {
                phase = CtgFields.phase(phaseTokens, String.join("|", phaseTokens));
            } catch (InvalidValueException e) {
                study.fail("protocolSection.designModule.phases", e.getMessage());
            }
        }
        List<Trial.Intervention> interventions = new ArrayList<>();
        JsonNode list = study.at("protocolSection.armsInterventionsModule.interventions");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String type = item.path("type").asText("");
            if (!CtgFields.INTERVENTION_TYPES.contains(type)) {
                study.fail("protocolSection.armsInterventionsModule.interventions[" + i + "].type",
                        "\"" + type + "\" is not an intervention type (expected DRUG, BIOLOGICAL, GENETIC, DEVICE, PROCEDURE, ...)");
                continue;
            }
            StringBuilder details = new StringBuilder(item.path("description").asText(""));
            item.path("otherNames").forEach(n -> details.append(" | ").append(n.asText()));
            interventions.add(new Trial.Intervention(type, item.path("name").asText(""), details.toString()));
        }
        TreeSet<String> countries = new TreeSet<>();
        study.at("protocolSection.contactsLocationsModule.locations").forEach(location -> {
            String country = location.path("country").asText("").strip();
            if (!country.isEmpty()) {
                countries.add(Countries.byName(country).map(Countries.Country::name).orElse(country));
            }
        });
        List<String> conditions = new ArrayList<>();
        study.at("protocolSection.conditionsModule.conditions").forEach(c -> conditions.add(c.asText()));
        return new Trial(nct, study.text("protocolSection.identificationModule.briefTitle"), status, phase, start,
                study.text("protocolSection.designModule.studyType"),
                study.text("protocolSection.sponsorCollaboratorsModule.leadSponsor.name"),
                study.text("protocolSection.sponsorCollaboratorsModule.leadSponsor.class"),
                conditions.isEmpty() ? null : String.join("|", conditions), interventions, countries, "JSON");
    }
}
