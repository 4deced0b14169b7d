package org.peersupport.referral;

/**
 * The time targets a case can miss: assignment, counted from receipt, while it is new; first
 * contact, counted from assignment, once it is assigned.
 */
public enum OverdueStage {
    ASSIGNMENT, FIRST_CONTACT
}
