package org.peersupport.resource.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.peersupport.resource.ResourceDetails;
import org.peersupport.resource.ResourceKind;
import org.peersupport.shared.RuleViolationException;

/** A support resource. Its web address must be http or https, so a link can never run script. */
@Entity
@Table(name = "resource")
public class Resource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long hospitalId;

    private String name;

    @Enumerated(EnumType.STRING)
    private ResourceKind kind;

    private String phone;

    private String webAddress;

    private String hours;

    private int tier;

    private boolean active = true;

    @Version
    private long version;

    protected Resource() {
    }

    public Resource(ResourceDetails details) {
        this.hospitalId = details.hospitalId();
        change(details);
    }

    /** Changes everything but the hospital, which a resource keeps for life. */
    public void change(ResourceDetails details) {
        if (details.phone() == null && details.webAddress() == null) {
            throw new RuleViolationException("phone", "resource.error.noContact");
        }
        if (details.webAddress() != null && !isWebAddress(details.webAddress())) {
            throw new RuleViolationException("webAddress", "resource.error.webAddress");
        }
        this.name = details.name();
        this.kind = details.kind();
        this.phone = details.phone();
        this.webAddress = details.webAddress();
        this.hours = details.hours();
        this.tier = details.tier();
        this.active = details.active();
    }

    static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getHospitalId() {
        return hospitalId;
    }

    public String getName() {
        return name;
    }

    public ResourceKind getKind() {
        return kind;
    }

    public String getPhone() {
        return phone;
    }

    public String getWebAddress() {
        return webAddress;
    }

    public String getHours() {
        return hours;
    }

    public int getTier() {
        return tier;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }
}
