package org.peersupport.web;

import org.springframework.validation.BindingResult;

/**
 * A business rule refused a change. The controller turns it into an error next to the field it
 * names, on the form the user just sent, so nothing they typed is lost.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;

    private final String messageKey;

    private final transient Object[] arguments;

    /** Further rules broken by the same change, so a form shows every problem at once. */
    private final java.util.List<RuleViolationException> others;

    public RuleViolationException(String field, String messageKey, Object... arguments) {
        this(field, messageKey, arguments, java.util.List.of());
    }

    private RuleViolationException(String field, String messageKey, Object[] arguments,
            java.util.List<RuleViolationException> others) {
        super(messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.others = others;
    }

    /** Throws one exception for every rule broken, if any was; the first one names the exception. */
    public static void throwIfAny(java.util.List<RuleViolationException> violations) {
        if (!violations.isEmpty()) {
            RuleViolationException first = violations.get(0);
            throw new RuleViolationException(first.field, first.messageKey, first.arguments,
                    java.util.List.copyOf(violations.subList(1, violations.size())));
        }
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /**
     * Makes a change for a form that bound without errors. A rule it breaks becomes an error on the
     * form instead. Returns whether the change was made.
     */
    public static boolean attempt(BindingResult result, Runnable change) {
        if (result.hasErrors()) {
            return false;
        }
        try {
            change.run();
            return true;
        }
        catch (RuleViolationException ex) {
            ex.rejectOn(result);
            return false;
        }
    }

    /** Records this failure on the form's binding result, next to its field (or the form itself). */
    public void rejectOn(BindingResult result) {
        if (field == null) {
            result.reject(messageKey, arguments, messageKey);
        }
        else {
            result.rejectValue(field, messageKey, arguments, messageKey);
        }
        others.forEach(other -> other.rejectOn(result));
    }
}
