package org.peersupport.reporting.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.peersupport.interaction.InteractionService;
import org.peersupport.referral.TriageService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.supporter.SupporterAttention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What needs a coordinator now, over their hospitals: the counts of the home page's work queue,
 * whose share the navigation shows as badges. Counted at every look for a coordinator's own
 * hospitals, which is cheap. The whole program's counts (an administrator's) cost a few
 * milliseconds of database time over a national program, so under load they are shared for a
 * few seconds ({@code peersupport.work-queue.whole-program-cache}, a Caffeine spec): they may be
 * that old, and the lists they link to are always current.
 */
@Component
class WorkQueue {

    /** The counts, each a link to the list it counts. */
    record Counts(TriageService.Attention cases, long expiringCertifications, long uncoveredDepartments,
            long escalations) {

        NavigationBadges.Badges badges() {
            return new NavigationBadges.Badges(cases.toAct(), expiringCertifications, escalations);
        }
    }

    private final TriageService triage;

    private final SupporterAttention supporters;

    private final InteractionService interactions;

    private final Cache<Boolean, Counts> wholeProgram;

    /** The counts of one look read in one read-only transaction, not one each. */
    private final TransactionTemplate readOnly;

    WorkQueue(TriageService triage, SupporterAttention supporters, InteractionService interactions,
            PlatformTransactionManager transactions,
            @Value("${peersupport.work-queue.whole-program-cache:maximumSize=1,expireAfterWrite=5s}") String cacheSpec) {
        this.triage = triage;
        this.supporters = supporters;
        this.interactions = interactions;
        this.wholeProgram = Caffeine.from(cacheSpec).build();
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    Counts counts(HospitalScope scope) {
        return scope.all() ? wholeProgram.get(Boolean.TRUE, all -> read(scope)) : read(scope);
    }

    /** Only what the navigation shows: the coverage count is left out. */
    NavigationBadges.Badges badges(HospitalScope scope) {
        if (scope.all()) {
            return counts(scope).badges();
        }
        return readOnly.execute(status -> new NavigationBadges.Badges(triage.attention(scope).toAct(),
                supporters.expiringCertifications(scope), interactions.unacknowledged(scope)));
    }

    private Counts read(HospitalScope scope) {
        return readOnly.execute(status -> new Counts(triage.attention(scope), supporters.expiringCertifications(scope),
                supporters.uncoveredDepartments(scope), interactions.unacknowledged(scope)));
    }
}
