package org.peersupport.shared;

/**
 * The record does not exist, or exists outside what the caller may see. Both give the same
 * 404 page, so an id in a URL never tells whether somebody else's record is there.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super("not found", null, false, false);
    }
}
