package org.peersupport.resource;

public record ResourceDetails(Long hospitalId, String name, ResourceKind kind, String phone, String webAddress,
        String hours, int tier, boolean active) {
}
