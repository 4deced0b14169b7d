package org.peersupport.interaction.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.peersupport.interaction.ContactDetails;
import org.peersupport.interaction.ContactMode;
import org.peersupport.interaction.ContactOutcome;
import org.peersupport.interaction.EscalationAction;
import org.peersupport.interaction.RedFlag;
import org.peersupport.interaction.domain.Interaction;
import org.springframework.validation.BindingResult;

/**
 * The contact form. {@code when} is the phone's local date and time in the hospital's zone;
 * duration is a quick pick or, if typed, {@code otherMinutes}. Red flags are asked, but only
 * whether one was seen reaches the record.
 */
record ContactForm(String when, ContactMode mode, Integer minutes,
        @Min(1) @Max(Interaction.MAX_MINUTES) Integer otherMinutes, ContactOutcome outcome, Set<RedFlag> redFlags,
        Set<Long> resourceIds, EscalationAction action, @Size(max = Interaction.MAX_NOTE) String note,
        LocalDate followUpOn, Long physicianId, UUID submissionKey) {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static final int[] QUICK_MINUTES = {15, 30, 60, 90};

    /** A new form: now, a fresh submission key, and the physician if one was chosen already. */
    static ContactForm blank(Instant now, ZoneId zone, Long physicianId) {
        return new ContactForm(LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES).format(LOCAL),
                null, null, null, null, Set.of(), Set.of(), null, null, null, physicianId, UUID.randomUUID());
    }

    boolean redFlagSeen() {
        return redFlags != null && !redFlags.isEmpty();
    }

    /** The minutes typed win over a quick pick. */
    Integer duration() {
        return otherMinutes != null ? otherMinutes : minutes;
    }

    /** What the supporter reported; a date and time that cannot be read is an error on its field. */
    ContactDetails details(ZoneId zone, BindingResult result) {
        Instant at = null;
        if (when != null && !when.isBlank()) {
            try {
                at = LocalDateTime.parse(when.strip()).atZone(zone).toInstant();
            }
            catch (DateTimeParseException ex) {
                result.rejectValue("when", "interaction.error.whenFormat");
            }
        }
        return new ContactDetails(at, mode, duration(), outcome, redFlagSeen(),
                resourceIds == null ? Set.of() : resourceIds, action, note, followUpOn, submissionKey);
    }
}
