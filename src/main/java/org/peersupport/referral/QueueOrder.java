package org.peersupport.referral;

/** The orders of the triage queue; closed cases come last in each. */
public enum QueueOrder {
    /** Urgent first, then the longest waiting: what needs a coordinator first. */
    URGENT_FIRST,
    /** The longest waiting since receipt first. */
    LONGEST_WAITING,
    /** The case whose time target runs out first: assignment while new, first contact once assigned. */
    DUE_FIRST
}
