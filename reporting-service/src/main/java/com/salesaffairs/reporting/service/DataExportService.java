package com.salesaffairs.reporting.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.platform.policy.PolicyStore;
import com.salesaffairs.platform.policy.PolicyVersion;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.problem.Violation;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.reporting.domain.AccessAuditEntry;
import com.salesaffairs.reporting.domain.CustomerContact;
import com.salesaffairs.reporting.domain.CustomerDirectoryEntry;
import com.salesaffairs.reporting.domain.DataExport;
import com.salesaffairs.reporting.domain.ExportCsv;
import com.salesaffairs.reporting.domain.ExportDataset;
import com.salesaffairs.reporting.domain.ExportFilters;
import com.salesaffairs.reporting.domain.ExportPolicy;
import com.salesaffairs.reporting.domain.ExportStatus;
import com.salesaffairs.reporting.domain.ReportingPolicies;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.messaging.ExportEvents;
import com.salesaffairs.reporting.repository.AuditRepository;
import com.salesaffairs.reporting.repository.CustomerDirectoryRepository;
import com.salesaffairs.reporting.repository.ExportRepository;

/**
 * Data exports (policy 5, issue 15 capability 5): requested with dataset, fields, filters, purpose and
 * recipient; decided under the {@code reporting.export} version stamped on the request; produced once at
 * the final approval from the read models the requester may read, with {@code sales.export.approved.v1}
 * and the audit line in the same transaction; downloaded by the requester only, within the link's time
 * and count. One transaction per command, the request locked before it changes.
 */
@ApplicationScoped
@Transactional
public class DataExportService {
    private static final Logger LOG = Logger.getLogger(DataExportService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExportRepository exports;
    private final CustomerDirectoryRepository customers;
    private final AuditRepository audit;
    private final PolicyStore policies;
    private final ExportEvents events;
    private final AccessAuditNote note;
    private final Clock clock;

    public DataExportService(ExportRepository exports, CustomerDirectoryRepository customers, AuditRepository audit,
            PolicyStore policies, ExportEvents events, AccessAuditNote note, Clock clock) {
        this.exports = exports;
        this.customers = customers;
        this.audit = audit;
        this.policies = policies;
        this.events = events;
        this.note = note;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The reporting.export version in force now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ExportPolicy activePolicy() {
        PolicyVersion v = policies.require(ReportingPolicies.EXPORT);
        return ExportPolicy.from(v.version, policies.read(v.content));
    }

    /** The version stamped on a request: the rules it was asked and is decided under. */
    private ExportPolicy policyOf(DataExport e) {
        PolicyVersion v = policies.version(ReportingPolicies.EXPORT, e.policyVersion())
                .orElseThrow(() -> new IllegalStateException("reporting.export v" + e.policyVersion() + " is gone"));
        return ExportPolicy.from(v.version, policies.read(v.content));
    }

    public DataExport request(ExportDataset dataset, List<String> fields, ExportFilters filters, String purpose,
            String recipient, Scope requester) {
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (!dataset.fields().contains(fields.get(i))) {
                unknown.add(new Violation("fields[" + i + "]", "'" + fields.get(i) + "' is not a field of " + dataset
                        + "; one of " + dataset.fields()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(400, "invalid-request", "Invalid request", "fields: unknown for " + dataset, null, unknown);
        }
        TeamReach reach = TeamReach.of(requester, filters.team());
        if (reach.none()) {
            throw ApiProblem.forbidden("your token carries no team; you can export nothing");
        }
        DataExport e = DataExport.request(dataset, fields, filters, purpose, recipient, activePolicy(), requester.userId(),
                requester.username(), reach, now());
        exports.persist(e);
        exports.flush();
        LOG.infof("data export %s requested by %s: %s, %d fields, sensitive %s", e.id(), e.requesterId(), dataset,
                e.fields().size(), e.sensitive());
        return e;
    }

    /** Deciders (the approver roles) and admins see every request; everyone else their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DataExport> list(Scope caller, ExportStatus status, PageParams page) {
        return exports.page(filter(caller, status), page.offset(), page.size());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Scope caller, ExportStatus status) {
        return exports.count(filter(caller, status));
    }

    private static ExportRepository.Filter filter(Scope caller, ExportStatus status) {
        return new ExportRepository.Filter(seesEveryRequest(caller) ? null : caller.userId(), status);
    }

    private static boolean seesEveryRequest(Scope caller) {
        return caller.hasAnyRole(Roles.DATA_STEWARD, Roles.SALES_DIRECTOR, Roles.ADMIN);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DataExport visible(UUID id, Scope caller) {
        DataExport e = exports.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("data export", id));
        if (!seesEveryRequest(caller) && !e.requesterId().equals(caller.userId())) {
            throw ApiProblem.notFound("data export", id);
        }
        return e;
    }

    /**
     * One decision. The caller fills the approver role's approval if they hold it and it is open, else the
     * sensitive approver's; the final approval produces the export in this transaction.
     */
    public DataExport decide(UUID id, boolean approve, String comment, Scope decider) {
        DataExport e = exports.locked(id).orElseThrow(() -> ApiProblem.notFound("data export", id));
        ExportPolicy policy = policyOf(e);
        DataExport.Approval approval;
        boolean steward = decider.hasRole(policy.approverRole());
        boolean director = decider.hasRole(policy.sensitiveApproverRole());
        if (steward && (e.stewardDecision() == null || !director)) {
            approval = DataExport.Approval.STEWARD;
        } else if (director) {
            approval = DataExport.Approval.DIRECTOR;
        } else {
            // the endpoint admits every role a policy may name; the request's stamped version decides
            throw ApiProblem.forbidden("reporting.export v" + policy.version() + " lets " + policy.approverRole()
                    + " and, for sensitive fields, " + policy.sensitiveApproverRole() + " decide exports");
        }
        visible(id, decider);
        Instant now = now();
        boolean approved = e.decide(approval, decider.userId(), approve, comment, now);
        LOG.infof("data export %s: %s %s by %s, now %s", id, approval, approve ? "approved" : "rejected",
                decider.userId(), e.status());
        if (approved) {
            produce(e, policy, now);
        }
        exports.flush();
        return e;
    }

    private void produce(DataExport e, ExportPolicy policy, Instant now) {
        List<List<Object>> rows = rows(e);
        String csv = ExportCsv.write(e.id(), e.recipient(), now.toString(), e.fields(), rows);
        String token = token();
        e.produce(csv, sha256(csv), rows.size(), token, now.plus(Duration.ofHours(policy.expiresAfterHours())),
                policy.maxDownloads(), now);
        events.approved(e, policy);
        audit.appendWithin(new AccessAuditEntry(null, now, e.requesterId(), e.requesterName(), null, null,
                "EXPORT_PRODUCED", "-", "/api/v1/data-exports/" + e.id(), null, e.id().toString(), 200,
                AccessAuditEntry.GRANTED, e.dataset() + " " + e.fields() + " for " + e.recipient(), rows.size()));
        LOG.infof("data export %s produced: %d rows, link until %s, %d downloads", e.id(), rows.size(),
                e.linkExpiresAt(), e.maxDownloads());
    }

    /** The dataset's rows in reach of the requester (as stored on the request), with the requested fields only. */
    private List<List<Object>> rows(DataExport e) {
        List<String> fields = e.fields();
        List<List<Object>> rows = new ArrayList<>();
        if (e.dataset() == ExportDataset.CUSTOMERS) {
            for (CustomerDirectoryEntry c : customers.forExport(e.reach(), e.filters())) {
                List<CustomerContact> contacts = c.contacts().isEmpty()
                        ? Collections.singletonList(new CustomerContact(null, null, null, null))
                        : c.contacts();
                for (CustomerContact contact : contacts) {
                    Map<String, Object> values = new HashMap<>();
                    values.put("customerId", c.customerId());
                    values.put("customerName", c.name());
                    values.put("registrationId", c.registrationId());
                    values.put("segment", c.segment());
                    values.put("industry", c.industry());
                    values.put("country", c.country());
                    values.put("city", c.city());
                    values.put("email", c.email());
                    values.put("phone", c.phone());
                    values.put("ownerId", c.ownerId());
                    values.put("team", c.team());
                    values.put("region", c.region());
                    values.put("registeredAt", c.registeredAt());
                    values.put("contactName", contact.name());
                    values.put("contactTitle", contact.title());
                    values.put("contactPhone", contact.phone());
                    values.put("contactEmail", contact.email());
                    rows.add(fields.stream().map(values::get).toList());
                }
            }
        } else {
            for (ExportRepository.SalesOrderRow o : exports.salesOrders(e.reach(), e.filters())) {
                Map<String, Object> values = new HashMap<>();
                values.put("orderId", o.orderId());
                values.put("orderNumber", o.orderNumber());
                values.put("settledOn", o.settledOn());
                values.put("customerId", o.customerId());
                values.put("customerName", o.customerName());
                values.put("ownerId", o.ownerId());
                values.put("team", o.team());
                values.put("region", o.region());
                values.put("channel", o.channel());
                values.put("currency", o.currency());
                values.put("netAmount", o.netAmount());
                values.put("costAmount", o.costAmount());
                rows.add(fields.stream().map(values::get).toList());
            }
        }
        return rows;
    }

    /** What a download hands out: the export and its CSV. */
    public record Download(DataExport export, String csv) {
    }

    /**
     * The CSV for its requester with the link's token, counted; anything else is refused (and the reason
     * noted for the audit line the data-access filter writes in its own transaction).
     */
    public Download download(UUID id, String token, Scope caller) {
        DataExport e = exports.locked(id).orElseThrow(() -> {
            note.refused("unknown export");
            return ApiProblem.notFound("data export", id);
        });
        DataExport.Refusal refusal = e.refusal(caller.userId(), token, now());
        if (refusal != null) {
            LOG.infof("data export %s: download refused to %s (%s)", id, caller.userId(), refusal);
            throw refused(e, refusal);
        }
        String csv = e.download();
        exports.flush();
        note.rows(e.rowCount());
        LOG.infof("data export %s downloaded by %s (%d of %d)", id, caller.userId(), e.downloads(), e.maxDownloads());
        return new Download(e, csv);
    }

    private ApiProblem refused(DataExport e, DataExport.Refusal refusal) {
        return switch (refusal) {
            case NOT_REQUESTER -> {
                note.refused("not the requester");
                yield ApiProblem.notFound("data export", e.id());
            }
            case NOT_PRODUCED -> {
                note.refused("export is " + e.status() + ", nothing to download");
                yield ApiProblem.conflict("data export " + e.id() + " is " + e.status() + "; there is nothing to download");
            }
            case BAD_TOKEN -> {
                note.refused("link token missing or wrong");
                yield new ApiProblem(403, "forbidden", "Forbidden", "the link's token is missing or wrong",
                        "data-export.link-token", null);
            }
            case EXPIRED -> {
                note.refused("link expired at " + e.linkExpiresAt());
                yield new ApiProblem(410, "gone", "Gone", "the link expired at " + e.linkExpiresAt()
                        + "; request a new export", "data-export.link-expired", null);
            }
            case USED_UP -> {
                note.refused("link used " + e.downloads() + " of " + e.maxDownloads() + " times");
                yield new ApiProblem(410, "gone", "Gone", "the link has been used " + e.downloads() + " of "
                        + e.maxDownloads() + " times; request a new export", "data-export.link-used-up", null);
            }
        };
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
