package se.atmp2030.workbook.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON reader configuration for every input: a key twice in one object is an error (which value would count?),
 * and a document nested deeper than any registry's (hostile or broken) or with a single string beyond what a spreadsheet
 * could use stops with an error instead of running the memory out.
 */
public final class Json {
    /** Deeper than any registry's records (ClinicalTrials.gov's go about 8 levels deep). */
    public static final int MAX_DEPTH = 64;
    /** Longer than any value a registry writes; a cell holds 32,767 characters. */
    public static final int MAX_STRING = 16 * 1024 * 1024;

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING)
                    .build())
            .build();
    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private Json() {
    }

    /** The message of a JSON error without Jackson's source excerpt: "Duplicate field 'id'". */
    public static String message(com.fasterxml.jackson.core.JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String first = message.lines().findFirst().orElse(message);
        return first.length() > 300 ? first.substring(0, 280) + "… (" + first.length() + " characters)" : first;
    }
}
