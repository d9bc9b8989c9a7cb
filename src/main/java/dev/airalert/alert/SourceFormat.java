package dev.airalert.alert;

/** How an alert was published, which decides how its CAP XML is served. */
public enum SourceFormat {
    /** CAP XML, kept byte for byte. */
    XML("xml"),
    /** Extracted from an EDXL-DE envelope: the XML served is generated. */
    EDXL("edxl"),
    /** The JSON mirror of CAP: the XML served is generated. */
    JSON("json");

    private final String code;

    SourceFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
