package org.peersupport.organization;

/** Where a supporter may come from, relative to the referred physician's department. */
public enum MatchingPolicy {
    /** POST matches within the department: a colleague who knows the environment. */
    SAME_DEPARTMENT,
    /** Some programs never match within the department, for privacy. */
    OTHER_DEPARTMENT,
    ANY
}
