package org.peersupport.organization.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.peersupport.organization.DepartmentSummary;

@Entity
@Table(name = "department")
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "hospital_id")
    private Hospital hospital;

    private String name;

    private boolean active = true;

    @Version
    private long version;

    // Written by the database's default on insert: a record-keeping time that no rule reads.
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    protected Department() {
    }

    public Department(Hospital hospital, String name) {
        this.hospital = hospital;
        this.name = name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public boolean belongsTo(long hospitalId) {
        return hospital.getId() == hospitalId;
    }

    public DepartmentSummary summary() {
        return new DepartmentSummary(id, hospital.getId(), hospital.getName(), name, active);
    }

    public Long getId() {
        return id;
    }

    public Hospital getHospital() {
        return hospital;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }
}
