package dev.airalert.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * What every JSON body the service reads may be: no deeper than any of our documents needs,
 * no number longer than a number we store, and no key twice in one object (two parsers would
 * disagree on which value counts: a signature checked over one and an alert stored from the
 * other). Applied to the framework's mapper and to the CAP mapper alike.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    /** An alert nests six levels; requests less. */
    public static final int MAX_DEPTH = 32;
    public static final int MAX_NUMBER_LENGTH = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
        mapper.registerModule(new SimpleModule("text-only").addDeserializer(String.class, new TextOnly()));
    }

    /**
     * Strings of requests are text: a NUL or another control character (tab and line breaks
     * aside) is refused naming its field, instead of failing in the database (PostgreSQL
     * cannot store NUL) or in a document written later.
     */
    static final class TextOnly extends StdScalarDeserializer<String> {

        TextOnly() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            int bad = text == null ? -1 : XmlText.firstIllegal(text);
            if (bad >= 0) {
                throw JsonMappingException.from(parser, XmlText.refusal(text, bad));
            }
            return text;
        }
    }

    /** Sets the limits on the mapper's parser factory. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_NUMBER_LENGTH).build());
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    /**
     * The failure to report: a limit or a repeated key met while mapping is wrapped in a
     * mapping failure, which would otherwise be reported as a wrong type.
     */
    public static JsonProcessingException cause(JsonProcessingException e) {
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException inner
                && (inner instanceof StreamConstraintsException || isDuplicateKey(inner))) {
            return inner;
        }
        return e;
    }

    /** The field a JSON failure is about, as callers name fields: {@code info[0].event}, or {@code body}. */
    public static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            return JsonPaths.of(m);
        }
        // A repeated key is named where it repeats; broken syntax is the document's.
        if (isDuplicateKey(e) && e.getProcessor() instanceof JsonParser parser) {
            return path(parser.getParsingContext());
        }
        return "body";
    }

    private static boolean isDuplicateKey(JsonProcessingException e) {
        return e instanceof JsonParseException && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field");
    }

    /** Whether the failure is one of these limits' own, worded for the sender already. */
    static boolean isOurs(JsonProcessingException e) {
        return String.valueOf(e.getOriginalMessage()).startsWith("contains U+");
    }

    /** What is wrong, in words for the sender, without the parser's internals. */
    public static String message(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return original.contains("nesting") ? "nests deeper than " + MAX_DEPTH + " levels"
                    : original.contains("Number") ? "has a number longer than " + MAX_NUMBER_LENGTH + " characters"
                    : "is larger than a JSON value may be";
        }
        if (original.startsWith("contains U+")) {
            return original;
        }
        if (isDuplicateKey(e)) {
            return "appears twice in the same object; each key may be given once";
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return "is not valid JSON" + where;
    }

    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String part = c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]"
                    : c.getCurrentName() == null ? "" : c.getCurrentName();
            if (!part.isEmpty() && !path.isEmpty() && path.charAt(0) != '[') {
                path.insert(0, '.');
            }
            path.insert(0, part);
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
