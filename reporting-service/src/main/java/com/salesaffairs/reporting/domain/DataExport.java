package com.salesaffairs.reporting.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.salesaffairs.platform.problem.ApiProblem;

/**
 * A request to take sales data outside the company (policy 5: data provided to outside parties needs
 * review and approval by the relevant departments; issue 15, capability 5). It names dataset, fields,
 * filters, purpose and recipient; the {@code reporting.export} version in force when it was asked is
 * stamped on it and decides who must approve: the approver role (the data steward) always, the
 * sensitive approver role (the sales director) too when a sensitive field is asked for. Nobody decides
 * their own request, and one person fills one approval only. At the final approval it is produced once
 * (the CSV stored with its hash, watermarked with this id) and gets a link that only the requester can
 * use, until it expires or has been used {@code maxDownloads} times.
 */
@Entity
@Table(name = "data_export")
public class DataExport {
    /** Why a download was refused, for the problem answered and the audit. */
    public enum Refusal {
        NOT_REQUESTER, NOT_PRODUCED, BAD_TOKEN, EXPIRED, USED_UP
    }

    /** Which approval a decider fills. */
    public enum Approval {
        STEWARD, DIRECTOR
    }

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExportDataset dataset;
    @Column(nullable = false)
    private String fields;
    @Column(name = "sensitive_fields", nullable = false)
    private String sensitiveFields;
    @Column(name = "filter_from")
    private LocalDate filterFrom;
    @Column(name = "filter_to")
    private LocalDate filterTo;
    @Column(name = "filter_team")
    private String filterTeam;
    @Column(name = "filter_region")
    private String filterRegion;
    @Column(nullable = false)
    private String purpose;
    @Column(nullable = false)
    private String recipient;
    @Column(name = "policy_version", nullable = false)
    private int policyVersion;
    @Column(name = "requester_id", nullable = false)
    private String requesterId;
    @Column(name = "requester_name")
    private String requesterName;
    @Column(name = "reach_all", nullable = false)
    private boolean reachAll;
    @Column(name = "reach_team")
    private String reachTeam;
    @Column(name = "reach_owner")
    private String reachOwner;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExportStatus status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "steward_id")
    private String stewardId;
    @Column(name = "steward_decision")
    private String stewardDecision;
    @Column(name = "steward_comment")
    private String stewardComment;
    @Column(name = "steward_at")
    private Instant stewardAt;
    @Column(name = "director_id")
    private String directorId;
    @Column(name = "director_decision")
    private String directorDecision;
    @Column(name = "director_comment")
    private String directorComment;
    @Column(name = "director_at")
    private Instant directorAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "produced_at")
    private Instant producedAt;
    @Column(name = "row_count")
    private Integer rowCount;
    private String content;
    @Column(name = "content_sha256")
    private String contentSha256;
    @Column(name = "link_token")
    private String linkToken;
    @Column(name = "link_expires_at")
    private Instant linkExpiresAt;
    @Column(name = "max_downloads")
    private Integer maxDownloads;
    @Column(nullable = false)
    private int downloads;
    @Version
    private long version;

    protected DataExport() {
    }

    /** A new PENDING request; {@code reach} is the requester's, kept so that production reads what they may read. */
    public static DataExport request(ExportDataset dataset, List<String> fields, ExportFilters filters, String purpose,
            String recipient, ExportPolicy policy, String requesterId, String requesterName, TeamReach reach, Instant now) {
        DataExport e = new DataExport();
        e.id = UUID.randomUUID();
        e.dataset = dataset;
        List<String> ordered = dataset.ordered(fields);
        e.fields = String.join(",", ordered);
        e.sensitiveFields = String.join(",", policy.sensitiveAmong(ordered));
        e.filterFrom = filters.from();
        e.filterTo = filters.to();
        e.filterTeam = filters.team();
        e.filterRegion = filters.region();
        e.purpose = purpose;
        e.recipient = recipient;
        e.policyVersion = policy.version();
        e.requesterId = requesterId;
        e.requesterName = requesterName;
        e.reachAll = reach.everyTeam();
        e.reachTeam = reach.team();
        e.reachOwner = reach.ownerId();
        e.status = ExportStatus.PENDING;
        e.createdAt = now;
        return e;
    }

    /** The approvals this request needs under its policy version. */
    public List<Approval> requiredApprovals() {
        return sensitive() ? List.of(Approval.STEWARD, Approval.DIRECTOR) : List.of(Approval.STEWARD);
    }

    /**
     * Records one decision. A rejection ends the request; an approval ends it only when every required
     * approval is in. Returns true when this decision made the request APPROVED (the caller then produces it).
     */
    public boolean decide(Approval approval, String deciderId, boolean approve, String comment, Instant now) {
        if (status != ExportStatus.PENDING) {
            throw ApiProblem.conflict("data export " + id + " is already " + status);
        }
        if (deciderId.equals(requesterId)) {
            throw ApiProblem.ruleViolated("data-export.four-eyes", "you requested data export " + id
                    + "; someone else decides it");
        }
        if (!requiredApprovals().contains(approval)) {
            throw ApiProblem.ruleViolated("data-export.approver-role", "data export " + id
                    + " has no sensitive field; the data steward decides it alone");
        }
        if (deciderId.equals(stewardId) || deciderId.equals(directorId)) {
            throw ApiProblem.ruleViolated("data-export.four-eyes", "you already decided data export " + id
                    + "; the other approval is someone else's");
        }
        String decision = approve ? "APPROVE" : "REJECT";
        if (approval == Approval.STEWARD) {
            if (stewardDecision != null) {
                throw ApiProblem.conflict("the data steward's decision on data export " + id + " is already in");
            }
            stewardId = deciderId;
            stewardDecision = decision;
            stewardComment = comment;
            stewardAt = now;
        } else {
            if (directorDecision != null) {
                throw ApiProblem.conflict("the director's decision on data export " + id + " is already in");
            }
            directorId = deciderId;
            directorDecision = decision;
            directorComment = comment;
            directorAt = now;
        }
        if (!approve) {
            status = ExportStatus.REJECTED;
            decidedAt = now;
            return false;
        }
        boolean allIn = requiredApprovals().stream().allMatch(a -> "APPROVE".equals(a == Approval.STEWARD ? stewardDecision
                : directorDecision));
        if (allIn) {
            status = ExportStatus.APPROVED;
            decidedAt = now;
        }
        return allIn;
    }

    /** Once, at the final approval: the stored content and its link. */
    public void produce(String csv, String sha256, int rows, String token, Instant expiresAt, int downloadsAllowed,
            Instant now) {
        if (status != ExportStatus.APPROVED || producedAt != null) {
            throw new IllegalStateException("data export " + id + " is " + status + ", produced " + producedAt);
        }
        content = csv;
        contentSha256 = sha256;
        rowCount = rows;
        linkToken = token;
        linkExpiresAt = expiresAt;
        maxDownloads = downloadsAllowed;
        producedAt = now;
    }

    /** Why {@code callerId} with {@code token} may not download now, or null when they may. */
    public Refusal refusal(String callerId, String token, Instant now) {
        if (callerId == null || !callerId.equals(requesterId)) {
            return Refusal.NOT_REQUESTER;
        }
        if (status != ExportStatus.APPROVED || producedAt == null) {
            return Refusal.NOT_PRODUCED;
        }
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), linkToken.getBytes(StandardCharsets.UTF_8))) {
            return Refusal.BAD_TOKEN;
        }
        if (!now.isBefore(linkExpiresAt)) {
            return Refusal.EXPIRED;
        }
        if (downloads >= maxDownloads) {
            return Refusal.USED_UP;
        }
        return null;
    }

    /** Counts a download that {@link #refusal} allowed. */
    public String download() {
        downloads++;
        return content;
    }

    public boolean sensitive() {
        return !sensitiveFields.isEmpty();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    public UUID id() {
        return id;
    }

    public ExportDataset dataset() {
        return dataset;
    }

    public List<String> fields() {
        return split(fields);
    }

    public List<String> sensitiveFields() {
        return split(sensitiveFields);
    }

    public ExportFilters filters() {
        return new ExportFilters(filterFrom, filterTo, filterTeam, filterRegion);
    }

    public String purpose() {
        return purpose;
    }

    public String recipient() {
        return recipient;
    }

    public int policyVersion() {
        return policyVersion;
    }

    public String requesterId() {
        return requesterId;
    }

    public String requesterName() {
        return requesterName;
    }

    public TeamReach reach() {
        return new TeamReach(reachAll, reachTeam, reachOwner);
    }

    public ExportStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String stewardId() {
        return stewardId;
    }

    public String stewardDecision() {
        return stewardDecision;
    }

    public String stewardComment() {
        return stewardComment;
    }

    public Instant stewardAt() {
        return stewardAt;
    }

    public String directorId() {
        return directorId;
    }

    public String directorDecision() {
        return directorDecision;
    }

    public String directorComment() {
        return directorComment;
    }

    public Instant directorAt() {
        return directorAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public Instant producedAt() {
        return producedAt;
    }

    public Integer rowCount() {
        return rowCount;
    }

    public String contentSha256() {
        return contentSha256;
    }

    public String linkToken() {
        return linkToken;
    }

    public Instant linkExpiresAt() {
        return linkExpiresAt;
    }

    public Integer maxDownloads() {
        return maxDownloads;
    }

    public int downloads() {
        return downloads;
    }

    public long version() {
        return version;
    }
}
