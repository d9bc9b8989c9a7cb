package dev.airalert.cap;

/**
 * The CAP versions an alert may be written in. Each is read into the CAP 1.2 model (see
 * {@link CapDomMapper} for what differs) and checked against its own OASIS schema; the version
 * is recorded with the alert and its original bytes are what is served back.
 */
public enum CapVersion {
    V1_0("1.0", CapNamespaces.CAP_1_0, "cap10.xsd"),
    V1_1("1.1", CapNamespaces.CAP_1_1, "cap11.xsd"),
    V1_2("1.2", CapNamespaces.CAP_1_2, "cap12.xsd");

    private final String label;
    private final String namespace;
    private final String schemaFile;
    /** Compiled on first use: most deployments never see a CAP 1.0 alert. */
    private volatile CapSchemas schema;

    CapVersion(String label, String namespace, String schemaFile) {
        this.label = label;
        this.namespace = namespace;
        this.schemaFile = schemaFile;
    }

    /** "1.2", as stored and served. */
    public String label() {
        return label;
    }

    public String namespace() {
        return namespace;
    }

    /** The version whose namespace this is, or null. */
    public static CapVersion ofNamespace(String namespace) {
        for (CapVersion v : values()) {
            if (v.namespace.equals(namespace)) {
                return v;
            }
        }
        return null;
    }

    /** This version's OASIS schema. */
    CapSchemas schema() {
        CapSchemas compiled = schema;
        if (compiled == null) {
            synchronized (this) {
                compiled = schema;
                if (compiled == null) {
                    compiled = this == V1_2 ? CapSchemas.CAP_1_2 : CapSchemas.compile(schemaFile, CapDomMapper.REPEATED);
                    schema = compiled;
                }
            }
        }
        return compiled;
    }

    @Override
    public String toString() {
        return "CAP " + label;
    }
}
