package se.atmp2030.workbook.collect;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON object read as an {@link InputRecord}: fields are dotted paths such as {@code employer.name}. */
public final class JsonRecord extends InputRecord {
    private final JsonNode node;

    public JsonRecord(JsonNode node, Problems problems, String file, long line) {
        super(problems, file, line);
        this.node = node;
    }

    public JsonNode node() {
        return node;
    }

    /** The node at a dotted path, or a missing node. */
    public JsonNode at(String path) {
        return node.at("/" + path.replace('.', '/'));
    }

    @Override
    protected String where(String field) {
        return Problem.field(field);
    }

    @Override
    protected String raw(String field) {
        JsonNode value = at(field);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
