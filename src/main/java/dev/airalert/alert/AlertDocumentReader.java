package dev.airalert.alert;

import dev.airalert.AirAlertConfig;
import dev.airalert.ColumnText;
import dev.airalert.cap.CapFormatException;
import dev.airalert.cap.CapJson;
import dev.airalert.cap.CapVersion;
import dev.airalert.cap.CapXmlReader;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;

/**
 * Reads a request body into alert submissions by its media type: CAP XML (a bare alert or
 * an EDXL-DE envelope of alerts) or CAP JSON. Refusals name the field and the reason, and
 * are counted by reason.
 */
@ApplicationScoped
class AlertDocumentReader {

    static final String CAP_XML = "application/cap+xml";

    private final AirAlertConfig config;
    private final IngestMetrics metrics;

    AlertDocumentReader(AirAlertConfig config, IngestMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    List<Submission> read(MediaType type, byte[] body) {
        long limit = config.ingest().maxBodySize().asLongValue();
        if (body.length > limit) {
            metrics.rejected("too-large");
            throw new ProblemException(413, "/problems/too-large", "Payload too large",
                    "The alert document has " + body.length + " bytes; the limit is " + limit + ".",
                    List.of(new FieldError("body", "must be at most " + limit + " bytes")));
        }
        if (body.length == 0) {
            metrics.rejected("malformed");
            throw ProblemException.invalid("/problems/malformed", "The request body is empty.",
                    List.of(new FieldError("body", "must contain a CAP alert")));
        }
        try {
            List<Submission> submissions = isJson(type)
                    ? List.of(new Submission(CapJson.read(body), null, "", SourceFormat.JSON, List.of(), false,
                            CapVersion.V1_2, null))
                    : fromXml(body, charset(type));
            int most = config.ingest().maxAlertsPerRequest();
            if (submissions.size() > most) {
                metrics.rejected("too-many-alerts");
                throw ProblemException.invalid("/problems/invalid-alert", "The envelope holds " + submissions.size()
                        + " alerts; at most " + most + " are taken in one request.", List.of(new FieldError(
                        "contentObject", "may hold at most " + most + " alerts (has " + submissions.size() + ")")));
            }
            return submissions;
        } catch (CapFormatException e) {
            String reason = switch (e.kind()) {
                case HOSTILE -> "hostile-xml";
                case UNSUPPORTED_VERSION -> "unsupported-version";
                case NOT_CAP, MALFORMED -> "malformed";
                case INVALID_ENVELOPE -> "invalid-alert";
            };
            metrics.rejected(reason);
            throw ProblemException.invalid("/problems/" + reason, e.getMessage(), e.errors());
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * The charset the Content-Type names, which a body that does not name its own encoding is read
     * in; null when it names none. A name this JVM does not know is refused.
     */
    private String charset(MediaType type) {
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null) {
            return null;
        }
        boolean known;
        try {
            known = Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            known = false;
        }
        if (!known) {
            metrics.rejected("malformed");
            throw ProblemException.invalid("/problems/malformed", "The Content-Type names a charset this service"
                    + " cannot read.", List.of(new FieldError("Content-Type", "charset '" + ColumnText.fit(charset, 40)
                    + "' is not known; send UTF-8 or name the encoding in the XML declaration")));
        }
        // Its canonical name: what is stored and served is the one the JVM and every client know.
        return Charset.forName(charset).name();
    }

    private static List<Submission> fromXml(byte[] body, String charset) {
        // The charset goes with the bytes only where they need it: a body that names its own is read in that.
        String bytesCharset = charset != null && !CapXmlReader.namesItsEncoding(body) ? charset : null;
        return CapXmlReader.read(body, charset).stream()
                .map(parsed -> new Submission(parsed.holdsAlert() ? parsed.alert() : null, parsed.originalXml(), parsed.path(),
                        parsed.originalXml() != null ? SourceFormat.XML : SourceFormat.EDXL,
                        parsed.structureErrors(), parsed.signed(), parsed.version(),
                        parsed.originalXml() != null ? bytesCharset : null))
                .toList();
    }
}
