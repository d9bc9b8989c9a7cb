package dev.airalert.alert;

import dev.airalert.cap.CapAddresses;
import dev.airalert.cap.CapVersion;
import dev.airalert.cap.SignatureVerdict;
import dev.airalert.security.Audience;
import dev.airalert.security.Caller;
import dev.airalert.threat.Threat;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
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

    @Column(name = "published_by_holder")
    String publishedByHolder;

    /** 0 holds (sender, identifier); a copy moved aside by a verified one gets the next number. */
    @Column(name = "copy_no", nullable = false)
    int copyNo;

    @Embedded
    AlertSignature signature;

    /** Null unless an approval rule held this alert for a second person. */
    @Embedded
    AlertApproval approval;

    @Column(name = "source_format", nullable = false)
    String sourceFormat;

    /** The CAP version it was written in: "1.2", "1.1" or "1.0". */
    @Column(name = "cap_version", nullable = false)
    String capVersion = CapVersion.V1_2.label();

    /** The charset of {@code originalXml} when the bytes do not name it; null otherwise. */
    @Column(name = "original_charset")
    String originalCharset;

    @Column(name = "content_hash", nullable = false)
    String contentHash;

    // Read when first used, not with the row: an Update or Cancel locks and changes the state of
    // thousands of alerts without reading their documents (up to megabytes each).
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    String document;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "original_xml")
    byte[] originalXml;

    @Column(name = "threat_type", nullable = false)
    String threatType;

    @Column(name = "threat_level")
    String threatLevel;

    @Column(name = "threat_reason")
    String threatReason;

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

    /** The addresses of a Restricted or Private alert: keys with one of them may read it. */
    @ElementCollection
    @CollectionTable(name = "alert_address", joinColumns = @JoinColumn(name = "alert_id"))
    @Column(name = "address")
    Set<String> addresses = new LinkedHashSet<>();

    protected Alert() {
    }

    Alert(UUID id, StoredForm form, Instant receivedAt, Caller publisher, SignatureVerdict verdict) {
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
        this.publishedBy = publisher.keyUuid();
        this.publishedByHolder = publisher.holder();
        this.signature = new AlertSignature(verdict);
        this.sourceFormat = form.format().code();
        this.contentHash = form.contentHash();
        this.document = form.document();
        this.originalXml = form.originalXml();
        this.originalCharset = form.charset();
        this.capVersion = form.version().label();
        this.threatType = form.threat().type();
        this.threatLevel = form.threat().level();
        this.threatReason = form.threat().reason();
        form.infoIndex().forEach(infos::add);
        this.areaResolution = ResolutionJson.write(form.resolution());
        form.resolution().partialByRegion().forEach((code, partial) ->
                regions.add(new AlertRegion(code, sentAt, partial)));
        form.references().forEach(references::add);
        if (!"Public".equals(scope)) {
            addresses.addAll(CapAddresses.parse(form.alert().addresses()));
        }
    }

    /** The threat it warns of, as it was read when it arrived. */
    Threat threat() {
        return new Threat(threatType, threatLevel, threatReason);
    }

    SignatureVerdict signature() {
        return signature.verdict();
    }

    boolean isVerified() {
        return signature.isVerified();
    }

    /** A verified copy of the same content arrived: this alert is now known to be genuine. */
    void verifiedBy(SignatureVerdict verdict, byte[] signedXml, String charset, CapVersion version) {
        signature = new AlertSignature(verdict);
        capVersion = version.label();
        originalXml = signedXml;
        originalCharset = charset;
        sourceFormat = SourceFormat.XML.code();
    }

    /** A verified copy with other content took (sender, identifier): this one steps aside. */
    void displacedBy(UUID verified, int copy) {
        copyNo = copy;
        state = AlertState.DISPLACED.code();
        replacedBy = verified;
    }

    /** Held for a second person's approval under this rule; nothing goes out until it is approved. */
    void hold(UUID rule) {
        approval = new AlertApproval(rule);
        state = AlertState.PENDING_APPROVAL.code();
    }

    /** Approved by a second person: the alert takes the state it would have had, and goes out. */
    void approve(Caller by, Instant at, AlertState released) {
        requirePending();
        approval.decide(AlertApproval.Decision.APPROVED, by, at);
        state = released.code();
    }

    void discard(Caller by, Instant at) {
        requirePending();
        approval.decide(AlertApproval.Decision.DISCARDED, by, at);
        state = AlertState.DISCARDED.code();
    }

    private void requirePending() {
        if (!isPending()) {
            throw new IllegalStateException("Alert " + id + " is not waiting for approval but " + state);
        }
    }

    boolean isPending() {
        return AlertState.PENDING_APPROVAL.code().equals(state);
    }

    boolean isPublic() {
        return "Public".equals(scope);
    }

    /** Held for approval or discarded: only admins, approvers and its publisher see it. */
    boolean isHeld() {
        return AlertState.fromCode(state).orElseThrow().isHeld();
    }

    String scope() {
        return scope;
    }

    Audience audience() {
        return Audience.of(scope, addresses, publishedBy);
    }

    UUID publishedBy() {
        return publishedBy;
    }

    /** The state a reader sees at {@code now}: an active alert past its expiry is expired. */
    public AlertState stateAt(Instant now) {
        return AlertState.at(state, expiresAt, now);
    }

    /**
     * Applies a later message that references this one: Update supersedes, Cancel ends.
     * A cancelled alert stays cancelled, and alerts outside the Actual status keep their
     * not-actual state: a Test message must not change what people are told. An alert still
     * waiting for approval is discarded: it was ended or replaced before it went out.
     */
    void supersede(String byMsgType, UUID by) {
        AlertState current = AlertState.fromCode(state).orElseThrow();
        if (current == AlertState.NOT_ACTUAL || current == AlertState.CANCELLED || current == AlertState.DISPLACED
                || current == AlertState.DISCARDED || current == AlertState.RECORDED) {
            return;
        }
        if (current == AlertState.PENDING_APPROVAL) {
            // Ended or replaced before anyone approved it: it never goes out.
            state = AlertState.DISCARDED.code();
            replacedBy = by;
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

    /** The charset of the original bytes when they do not name it themselves; null otherwise. */
    public String originalCharset() {
        return originalCharset;
    }

    /** The CAP version it was written in. */
    public String capVersion() {
        return capVersion;
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
