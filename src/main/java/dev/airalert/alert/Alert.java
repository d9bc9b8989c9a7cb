package dev.airalert.alert;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A stored alert: its CAP document (canonical JSON, plus the original XML when it came as
 * XML) and the facts history queries need. It guards its own lifecycle: only
 * {@link #supersede} changes its state.
 */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    UUID id;

    @Column(nullable = false)
    String sender;

    @Column(nullable = false)
    String identifier;

    @Column(name = "sent_at", nullable = false)
    Instant sentAt;

    @Column(nullable = false)
    String status;

    @Column(name = "msg_type", nullable = false)
    String msgType;

    @Column(nullable = false)
    String scope;

    @Column(nullable = false)
    String state;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "replaced_by")
    UUID replacedBy;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    @Column(name = "published_by")
    UUID publishedBy;

    @Column(name = "source_format", nullable = false)
    String sourceFormat;

    @Column(name = "content_hash", nullable = false)
    String contentHash;

    @Column(nullable = false)
    String document;

    @Column(name = "original_xml")
    byte[] originalXml;

    /** {@link ResolutionJson.Stored}: how each area was resolved. */
    @Column(name = "area_resolution")
    String areaResolution;

    @ElementCollection
    @CollectionTable(name = "alert_info", joinColumns = @JoinColumn(name = "alert_id"))
    @OrderColumn(name = "position")
    List<AlertInfoIndex> infos = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "alert_region", joinColumns = @JoinColumn(name = "alert_id"))
    Set<AlertRegion> regions = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "alert_reference", joinColumns = @JoinColumn(name = "alert_id"))
    @OrderColumn(name = "position")
    List<AlertReference> references = new ArrayList<>();

    protected Alert() {
    }

    Alert(UUID id, StoredForm form, Instant receivedAt, UUID publishedBy) {
        this.id = id;
        this.sender = form.alert().sender();
        this.identifier = form.alert().identifier();
        this.sentAt = form.sentAt();
        this.status = form.alert().status();
        this.msgType = form.alert().msgType();
        this.scope = form.alert().scope();
        this.state = form.initialState().code();
        this.expiresAt = form.expiresAt();
        this.receivedAt = receivedAt;
        this.publishedBy = publishedBy;
        this.sourceFormat = form.format().code();
        this.contentHash = form.contentHash();
        this.document = form.document();
        this.originalXml = form.originalXml();
        form.infoIndex().forEach(infos::add);
        this.areaResolution = ResolutionJson.write(new ResolutionJson.Stored(
                form.resolution().areas(), form.resolution().unresolvedAreas()));
        form.resolution().partialByRegion().forEach((code, partial) ->
                regions.add(new AlertRegion(code, sentAt, partial)));
        form.references().forEach(references::add);
    }

    /** The state a reader sees at {@code now}: an active alert past its expiry is expired. */
    public AlertState stateAt(Instant now) {
        AlertState stored = AlertState.fromCode(state).orElseThrow();
        if (stored == AlertState.ACTIVE && expiresAt != null && !expiresAt.isAfter(now)) {
            return AlertState.EXPIRED;
        }
        return stored;
    }

    /**
     * Applies a later message that references this one: Update supersedes, Cancel ends.
     * A cancelled alert stays cancelled, and alerts outside the Actual status keep their
     * not-actual state: a Test message must not change what people are told.
     */
    void supersede(String byMsgType, UUID by) {
        AlertState current = AlertState.fromCode(state).orElseThrow();
        if (current == AlertState.NOT_ACTUAL || current == AlertState.CANCELLED) {
            return;
        }
        state = switch (byMsgType) {
            case "Cancel" -> AlertState.CANCELLED.code();
            case "Update" -> AlertState.UPDATED.code();
            default -> throw new IllegalArgumentException(
                    "Only Update and Cancel supersede an alert, not " + byMsgType);
        };
        replacedBy = by;
    }

    boolean isActual() {
        return "Actual".equals(status);
    }

    /** Whether this message acts on the alerts it references. */
    boolean supersedes() {
        return "Update".equals(msgType) || "Cancel".equals(msgType);
    }

    public UUID id() {
        return id;
    }

    public String sender() {
        return sender;
    }

    public String identifier() {
        return identifier;
    }

    public String msgType() {
        return msgType;
    }

    public String contentHash() {
        return contentHash;
    }

    public String document() {
        return document;
    }

    public byte[] originalXml() {
        return originalXml;
    }

    public UUID replacedBy() {
        return replacedBy;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    ResolutionJson.Stored resolution() {
        return ResolutionJson.read(areaResolution);
    }

    public List<String> regionCodes() {
        return regions.stream().map(r -> r.regionCode).sorted().toList();
    }
}
