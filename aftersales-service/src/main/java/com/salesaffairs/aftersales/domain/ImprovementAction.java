package com.salesaffairs.aftersales.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.salesaffairs.platform.problem.ApiProblem;

/** What the company changes because of complaints: a root cause, the action, its owner and due date, linked cases or categories. */
@Entity
@Table(name = "improvement_action")
public class ImprovementAction {
    public enum Status {
        OPEN, IN_PROGRESS, DONE, CANCELLED;

        public boolean isFinal() {
            return this == DONE || this == CANCELLED;
        }
    }

    /** One status change and its note. */
    @Entity(name = "ImprovementActionChange")
    @Table(name = "improvement_action_history")
    public static class Change {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;
        @Column(name = "action_id", nullable = false)
        private UUID actionId;
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        private Status status;
        private String note;
        @Column(nullable = false)
        private String actor;
        @Column(nullable = false)
        private Instant at;

        protected Change() {
        }

        Change(UUID actionId, Status status, String note, String actor, Instant at) {
            this.actionId = actionId;
            this.status = status;
            this.note = note;
            this.actor = actor;
            this.at = at;
        }

        public Status status() {
            return status;
        }

        public String note() {
            return note;
        }

        public String actor() {
            return actor;
        }

        public Instant at() {
            return at;
        }
    }

    @Id
    private UUID id;
    @Column(name = "root_cause", nullable = false)
    private String rootCause;
    @Column(nullable = false)
    private String action;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "improvement_action_case", joinColumns = @JoinColumn(name = "action_id"))
    @Column(name = "case_id")
    private Set<UUID> caseIds = new LinkedHashSet<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "improvement_action_category", joinColumns = @JoinColumn(name = "action_id"))
    @Column(name = "category")
    @Enumerated(EnumType.STRING)
    private Set<FeedbackCategory> categories = new LinkedHashSet<>();

    protected ImprovementAction() {
    }

    public static ImprovementAction open(String rootCause, String action, String ownerId, LocalDate dueDate,
            Set<UUID> caseIds, Set<FeedbackCategory> categories, String by, Instant now) {
        ImprovementAction a = new ImprovementAction();
        a.id = UUID.randomUUID();
        a.rootCause = rootCause;
        a.action = action;
        a.ownerId = ownerId;
        a.dueDate = dueDate;
        a.status = Status.OPEN;
        a.createdBy = by;
        a.createdAt = now;
        a.updatedAt = now;
        a.caseIds.addAll(caseIds);
        a.categories.addAll(categories);
        return a;
    }

    /** OPEN to IN_PROGRESS, DONE or CANCELLED; IN_PROGRESS to DONE or CANCELLED; DONE and CANCELLED are final. */
    public Change move(Status to, String note, String by, Instant now) {
        if (to == Status.OPEN || status.isFinal() || to == status) {
            throw ApiProblem.conflict("improvement action " + id + " is " + status + " and cannot become " + to);
        }
        status = to;
        updatedAt = now;
        return new Change(id, to, note, by, now);
    }

    /** The first entry of its history. */
    public Change opened() {
        return new Change(id, Status.OPEN, null, createdBy, createdAt);
    }

    public boolean overdue(LocalDate today) {
        return !status.isFinal() && dueDate.isBefore(today);
    }

    public UUID id() {
        return id;
    }

    public String rootCause() {
        return rootCause;
    }

    public String action() {
        return action;
    }

    public String ownerId() {
        return ownerId;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Status status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public Set<UUID> caseIds() {
        return caseIds;
    }

    public Set<FeedbackCategory> categories() {
        return categories;
    }
}
