package org.peersupport.interaction;

/** Asked on the form so the supporter recognises one; only "a red flag was seen" is stored. */
public enum RedFlag {
    SELF_HARM, SUBSTANCE_USE, PATIENT_SAFETY, SEVERE_DISTRESS, OTHER
}
