package org.peersupport.web;

/**
 * A request that no page of the app sends: a hidden field or a checkbox missing or unreadable. It
 * is answered with a 400, not with the form: there is nothing a person could correct on it.
 */
class MalformedRequestException extends RuntimeException {

    MalformedRequestException(String field) {
        super("Unreadable or missing field: " + field);
    }
}
