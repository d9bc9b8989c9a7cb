package dev.airalert.alert;

import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapLimits;
import dev.airalert.cap.CapValidator;
import dev.airalert.cap.CapVersion;
import dev.airalert.threat.Threats;
import dev.airalert.web.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * One alert as it arrived, before validation. {@code path} locates it in the request
 * ("" for a bare alert, {@code contentObject[2].alert} inside an EDXL-DE envelope) so
 * errors can name the right field; {@code originalXml} is null unless the exact bytes are
 * worth keeping. {@code structureErrors} are what the reader already found wrong (the schema's
 * first violation, unknown or repeated elements), with full paths; {@code signed} whether it
 * carries an XML signature. {@code alert} is null for an envelope's slot that held no alert.
 * {@code version} is the CAP version it was written in; {@code charset} the charset of
 * {@code originalXml} when the bytes do not name it themselves (null otherwise).
 */
public record Submission(CapAlert alert, byte[] originalXml, String path, SourceFormat format,
        List<FieldError> structureErrors, boolean signed, CapVersion version, String charset) {

    public Submission {
        structureErrors = List.copyOf(structureErrors);
    }

    /**
     * Everything wrong with it: what the reader found, CAP's rules and the limits, the threat fields; full
     * paths. An envelope's slot without an alert has its structure error alone.
     */
    public List<FieldError> problems(CapLimits limits) {
        List<FieldError> problems = new ArrayList<>(structureErrors);
        if (alert == null) {
            return problems;
        }
        CapValidator.validate(alert, limits).forEach(e -> problems.add(new FieldError(locate(e.field()), e.message())));
        Threats.problems(alert).forEach(e -> problems.add(new FieldError(locate(e.field()), e.message())));
        return problems;
    }

    /** The field path of {@code field} within the request. */
    public String locate(String field) {
        return FieldError.join(path, field);
    }
}
