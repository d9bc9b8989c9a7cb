package dev.airalert.web;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Turns Jackson's location of a bad value into the field path callers see in errors. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** {@code info[0].area[1].polygon}, or {@code body} when the error has no location. */
    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
