package org.peersupport.organization.domain;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.peersupport.organization.HospitalSummary;

@Entity
@Table(name = "hospital")
public class Hospital {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String timeZone;

    private boolean active = true;

    @Version
    private long version;

    // Written by the database's default on insert: a record-keeping time that no rule reads.
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    protected Hospital() {
    }

    public Hospital(String name, ZoneId timeZone) {
        this.name = name;
        this.timeZone = timeZone.getId();
    }

    public void rename(String name, ZoneId timeZone) {
        this.name = name;
        this.timeZone = timeZone.getId();
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public HospitalSummary summary() {
        return new HospitalSummary(id, name, ZoneId.of(timeZone), active);
    }

    public Long getId() {
        return id;
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
