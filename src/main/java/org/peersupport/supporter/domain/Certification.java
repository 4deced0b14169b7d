package org.peersupport.supporter.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The certification rule, derived from completions and never typed in.
 * <ul>
 * <li>A supporter is first certified on the day the last of the required modules was completed
 * (each required module completed at least once, in any sessions; optional modules do not count).
 * <li>After that, any later completion of a required module, or of any module in a refresher
 * session, renews: the certificate then starts again on that day.
 * <li>A module covered in a session but not ticked for an attendee (a partial) is no completion.
 * </ul>
 * The validity period is a program setting applied when the status is read, so changing it
 * changes every supporter's expiry at once.
 */
public final class Certification {

    /** A module completed by the supporter on a day, in a refresher session or not. */
    public record Completion(long moduleId, LocalDate date, boolean refresher) {
    }

    private Certification() {
    }

    public static Optional<LocalDate> certifiedOn(Collection<Completion> completions, Set<Long> requiredModules) {
        if (requiredModules.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, LocalDate> firstCompletion = new HashMap<>();
        for (Completion c : completions) {
            if (requiredModules.contains(c.moduleId())) {
                firstCompletion.merge(c.moduleId(), c.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        if (!firstCompletion.keySet().containsAll(requiredModules)) {
            return Optional.empty();
        }
        LocalDate certified = firstCompletion.values().stream().max(LocalDate::compareTo).orElseThrow();
        for (Completion c : completions) {
            boolean renews = c.refresher() || requiredModules.contains(c.moduleId());
            if (renews && c.date().isAfter(certified)) {
                certified = c.date();
            }
        }
        return Optional.of(certified);
    }
}
