package com.salesaffairs.aftersales.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a case's history; written once, never changed. */
@Entity
@Table(name = "case_history")
public class CaseEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false)
    private UUID caseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseAction action;
    @Column(nullable = false)
    private String actor;
    @Column(nullable = false)
    private Instant at;
    @Enumerated(EnumType.STRING)
    private Department department;
    @Column(name = "assignee_id")
    private String assigneeId;
    private String text;
    @Column(name = "customer_contact", nullable = false)
    private boolean customerContact;
    @Enumerated(EnumType.STRING)
    private DeadlineKind deadline;
    private Integer level;
    @Column(name = "escalated_to_role")
    private String escalatedToRole;
    @Column(name = "escalated_to_team")
    private String escalatedToTeam;
    @Column(name = "overdue_minutes")
    private Long overdueMinutes;

    protected CaseEntry() {
    }

    static CaseEntry of(UUID caseId, CaseAction action, String actor, Instant at, String text) {
        CaseEntry e = new CaseEntry();
        e.caseId = caseId;
        e.action = action;
        e.actor = actor;
        e.at = at;
        e.text = text;
        return e;
    }

    CaseEntry assignment(Department dept, String assignee) {
        this.department = dept;
        this.assigneeId = assignee;
        return this;
    }

    CaseEntry contact(boolean withCustomer) {
        this.customerContact = withCustomer;
        return this;
    }

    CaseEntry clock(DeadlineKind kind, Integer stepLevel, String role, String team, Long overdue) {
        this.deadline = kind;
        this.level = stepLevel;
        this.escalatedToRole = role;
        this.escalatedToTeam = team;
        this.overdueMinutes = overdue;
        return this;
    }

    public Long id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public CaseAction action() {
        return action;
    }

    public String actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }

    public Department department() {
        return department;
    }

    public String assigneeId() {
        return assigneeId;
    }

    public String text() {
        return text;
    }

    public boolean customerContact() {
        return customerContact;
    }

    public DeadlineKind deadline() {
        return deadline;
    }

    public Integer level() {
        return level;
    }

    public String escalatedToRole() {
        return escalatedToRole;
    }

    public String escalatedToTeam() {
        return escalatedToTeam;
    }

    public Long overdueMinutes() {
        return overdueMinutes;
    }
}
