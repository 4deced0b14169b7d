package org.peersupport.supporter.domain;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A module of the supporter curriculum. Retired modules stay, so past records keep their meaning. */
@Entity
@Table(name = "training_module")
public class TrainingModule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private String description;

    private BigDecimal hours;

    private boolean required;

    private int position;

    private boolean active = true;

    @Version
    private long version;

    protected TrainingModule() {
    }

    public TrainingModule(String title, String description, BigDecimal hours, boolean required, int position) {
        change(title, description, hours, required, true);
        this.position = position;
    }

    public void change(String title, String description, BigDecimal hours, boolean required, boolean active) {
        this.title = title;
        this.description = description;
        this.hours = hours;
        this.required = required;
        this.active = active;
    }

    /** Counts towards certification: required and still part of the curriculum. */
    public boolean countsForCertification() {
        return required && active;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public boolean isRequired() {
        return required;
    }

    public int getPosition() {
        return position;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }
}
