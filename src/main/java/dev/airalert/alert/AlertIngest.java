package dev.airalert.alert;

import dev.airalert.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Publishing a document that arrived other than over HTTP (a broker's ingest channel): the
 * same reading, validation, idempotency and storage as {@code POST /api/v1/alerts}.
 */
@ApplicationScoped
public class AlertIngest {

    private final AlertDocumentReader reader;
    private final AlertService service;

    AlertIngest(AlertDocumentReader reader, AlertService service) {
        this.reader = reader;
        this.service = service;
    }

    /**
     * Publishes the document as the given publisher key, under the same rights and limits as
     * over HTTP. The content type is the message's own when it has one; otherwise a document
     * starting with {@code <} is CAP XML, else JSON.
     */
    public List<AlertService.Published> publish(String contentType, byte[] body, Caller publisher) {
        return service.publish(reader.read(mediaType(contentType, body), body), publisher);
    }

    private static MediaType mediaType(String contentType, byte[] body) {
        if (contentType != null && !contentType.isBlank()) {
            try {
                return MediaType.valueOf(contentType);
            } catch (IllegalArgumentException e) {
                // fall through to sniffing
            }
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<' ? MediaType.valueOf(AlertDocumentReader.CAP_XML) : MediaType.APPLICATION_JSON_TYPE;
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }
}
