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

    /**
     * A field's text, trimmed and cleaned; {@code null} when missing, null or blank. An object or an array where a value
     * was expected is reported (a file of another shape, or damaged), never read as blank without a word.
     */
    @Override
    protected String raw(String field) {
        JsonNode value = at(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            fail(field, "is " + kind(value) + " (expected a text or a number)");
            return null;
        }
        String text = Values.clean(value.asText(), null).strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * The array at a path, or an empty array when the field is missing or null; anything else there is reported and
     * gives an empty array.
     */
    public JsonNode array(String field) {
        JsonNode value = at(field);
        if (value.isMissingNode() || value.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!value.isArray()) {
            fail(field, "is " + kind(value) + " (expected a list [...])");
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return value;
    }

    /** The object at a path, as {@link #array}: missing is empty, another kind of value is reported. */
    public JsonNode object(String field) {
        JsonNode value = at(field);
        if (value.isMissingNode() || value.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!value.isObject()) {
            fail(field, "is " + kind(value) + " (expected an object {...})");
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return value;
    }

    /** {@code a list}, {@code an object}, {@code the number 5}, {@code the text "abc"}, as a message names it. */
    static String kind(JsonNode value) {
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isNumber()) {
            return "the number " + Problem.shorten(value.asText());
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        return "the text \"" + Problem.shorten(value.asText()) + "\"";
    }
}
