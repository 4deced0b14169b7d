package org.peersupport.resource;

/** A resource as pages read it; {@code hospitalId} is null for a program-wide one. */
public record ResourceView(long id, Long hospitalId, String hospitalName, String name, ResourceKind kind,
        String phone, String webAddress, String hours, int tier, boolean active, long version) {

    /** The phone number as a tel: link target: digits and a leading plus only. */
    public String telephone() {
        return phone == null ? null : phone.replaceAll("[^0-9+]", "");
    }
}
