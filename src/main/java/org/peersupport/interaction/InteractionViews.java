package org.peersupport.interaction;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.peersupport.resource.ResourceView;

/** Read models of the interaction pages. Each holds only what its reader may see. */
public final class InteractionViews {

    private InteractionViews() {
    }

    /** Whom the contact form is about, and what it offers: the hospital's time zone and resources. */
    public record ContactTarget(UUID referralId, Long physicianId, String physicianName, String departmentName,
            ZoneId zone, LocalDate today, List<ResourceView> resources) {
    }

    /** One of the supporter's own contacts, with their own note while it is kept. */
    public record MyContact(UUID id, UUID referralId, String physicianName, ZonedDateTime at, ContactMode mode,
            int minutes, ContactOutcome outcome, boolean escalated, LocalDate followUpOn, String note) {
    }

    /** A follow-up the supporter said they would make; due when its date has come. */
    public record FollowUp(UUID interactionId, UUID referralId, String physicianName, String departmentName,
            LocalDate on, boolean due) {
    }

    /** An escalated contact as a coordinator sees it: who, where, when, to what and how. Never the note. */
    public record Escalation(UUID id, UUID referralId, String physicianName, String departmentName,
            String hospitalName, String supporterName, ZonedDateTime at, ContactOutcome outcome,
            EscalationAction action, List<String> resources, boolean pending, Acknowledgement acknowledgement) {
    }

    /**
     * A coordinator's acknowledgement of an escalation: who, when, and what was done. An
     * escalation neither pending nor acknowledged was raised before acknowledgements were recorded.
     */
    public record Acknowledgement(String by, ZonedDateTime at, String note) {
    }
}
