package org.peersupport.shared;

/** A record a person picks from a list by its label: a hospital, a department. */
public interface Choice {

    long id();

    String label();
}
