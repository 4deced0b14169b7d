package org.peersupport.organization.domain;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.peersupport.organization.CareerStage;
import org.peersupport.organization.PhysicianSummary;

/** A row of the physician roster. */
@Entity
@Table(name = "physician")
public class Physician {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String email;

    private String phone;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "department_id")
    private Department department;

    private String specialty;

    @Enumerated(EnumType.STRING)
    private CareerStage careerStage;

    private boolean active = true;

    @Version
    private long version;

    // Written by the database's default on insert: a record-keeping time that no rule reads.
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    // The database's default on insert; the app's clock on every change.
    @Column(insertable = false)
    private Instant updatedAt;

    protected Physician() {
    }

    public Physician(String name, String email, Department department) {
        this.name = name;
        this.email = normaliseEmail(email);
        this.department = department;
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public void update(String name, String email, String phone, Department department, String specialty,
            CareerStage careerStage, boolean active, Instant now) {
        this.name = name;
        this.email = normaliseEmail(email);
        this.phone = phone;
        this.department = department;
        this.specialty = specialty;
        this.careerStage = careerStage;
        this.active = active;
        this.updatedAt = now;
    }

    public PhysicianSummary summary() {
        Hospital hospital = department.getHospital();
        return new PhysicianSummary(id, name, email, phone, department.getId(), department.getName(),
                hospital.getId(), hospital.getName(), specialty, careerStage, active);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public Department getDepartment() {
        return department;
    }

    public long getVersion() {
        return version;
    }
}
