package org.peersupport.referral;

/** What happened, in the program's words; never clinical details. */
public enum Trigger {
    ADVERSE_EVENT, PATIENT_DEATH, LITIGATION, DIFFICULT_INTERACTION, BURNOUT, PERSONAL_OTHER
}
